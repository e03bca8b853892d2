using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Waits for bulk-sync runs to end, showing their progress schema by schema.</summary>
    /// <remarks>
    /// <para>Wait-PolytomicBulkSyncExecution polls GET /api/bulk/syncs/{id}/executions/{id} (both API versions) with backoff (from -PollIntervalSeconds, growing to at most 15 s between checks) until the run is completed, failed, interrupted or canceled. Its progress shows the run's status and record count, and under it one bar per schema with that schema's status and record count. Pipe executions in (from Start-PolytomicBulkSync or Get-PolytomicBulkSyncExecution), or give only a bulk sync: then it waits for its run in progress, else its last run (a bulk sync that never ran is a NoBulkSyncExecution error).</para>
    /// <para>A failed or interrupted run is a BulkSyncExecutionFailed error (naming the failed schemas and their messages), a canceled one BulkSyncExecutionCanceled, and a run still going after -TimeoutSeconds BulkSyncExecutionTimeout; the error's TargetObject is the execution, as with Wait-PolytomicSyncExecution. A run that ended with record errors (status errors) gives a warning. Stopping the pipeline (Ctrl+C) ends the wait at once.</para>
    /// <para>It outputs nothing unless -PassThru, which outputs each execution as it last was (PolytomicBulkSyncExecution).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Start-PolytomicBulkSync | Wait-PolytomicBulkSyncExecution -PassThru
    /// </code>
    /// <para>Starts a run, shows each schema's progress and outputs the finished execution.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Active | Start-PolytomicBulkSync | Wait-PolytomicBulkSyncExecution -TimeoutSeconds 7200 -ErrorVariable failures -ErrorAction SilentlyContinue
    /// $failures | ForEach-Object { $_.TargetObject.Schemas | Where-Object Status -eq 'failed' }
    /// </code>
    /// <para>Starts every active bulk sync and waits for all the runs, going on past failures (-ErrorAction SilentlyContinue); $failures then holds an error per run that failed, was canceled or timed out, and each TargetObject is that execution with its schemas. (A bulk sync that never ran has nothing to wait for: its NoSyncExecution error names the bulk sync's id.)</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "PolytomicBulkSyncExecution", HelpUri = HelpLinks.Cmdlets + "Wait-PolytomicBulkSyncExecution.md")]
    [OutputType(typeof(PolytomicBulkSyncExecution))]
    public sealed class WaitPolytomicBulkSyncExecutionCommand : RunWaitCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object; binds from piped executions (their SyncId) and bulk syncs.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        protected override object? ErrorTarget => ExecutionId ?? SyncId;

        protected override void ProcessItem() =>
            WaitForRun(BulkSyncRunKind.Instance, SyncId, ExecutionId, PassThru);
    }
}
