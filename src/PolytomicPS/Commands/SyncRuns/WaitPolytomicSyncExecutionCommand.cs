using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Waits for model-sync runs to end, showing their progress.</summary>
    /// <remarks>
    /// <para>Wait-PolytomicSyncExecution polls GET /api/syncs/{id}/executions/{id} with backoff (from -PollIntervalSeconds, growing to at most 15 s between checks) until the run is completed, failed or canceled, showing its status and record counts as progress. Pipe executions in (from Start-PolytomicSync or Get-PolytomicSyncExecution), or give only a sync: then it waits for the sync's run in progress, else its last run (a sync that never ran is a NoSyncExecution error).</para>
    /// <para>A failed run is a SyncExecutionFailed error (with the run's errors in the message), a canceled one SyncExecutionCanceled, and a run still going after -TimeoutSeconds SyncExecutionTimeout; the error's TargetObject is the execution. A run that completed with record errors gives a warning. Stopping the pipeline (Ctrl+C) ends the wait at once.</para>
    /// <para>It outputs nothing unless -PassThru, which outputs each execution as it last was.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-PolytomicSync -Id $sync.Id | Wait-PolytomicSyncExecution -TimeoutSeconds 1800 -PassThru
    /// </code>
    /// <para>Starts a run and waits up to half an hour for it, then outputs the finished execution.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Active | Start-PolytomicSync | Wait-PolytomicSyncExecution -ErrorVariable failures -ErrorAction SilentlyContinue
    /// $failures | ForEach-Object { $_.TargetObject }
    /// </code>
    /// <para>Starts every active sync and waits for all the runs, going on past failures (-ErrorAction SilentlyContinue); $failures then holds an error per run that failed, was canceled or timed out, and each TargetObject is that execution. (A sync that never ran has nothing to wait for: its NoSyncExecution error names the sync's id.)</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "PolytomicSyncExecution", HelpUri = HelpLinks.Cmdlets + "Wait-PolytomicSyncExecution.md")]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class WaitPolytomicSyncExecutionCommand : RunWaitCmdlet
    {
        /// <summary>The id of the sync; binds from piped executions (their SyncId), syncs and ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string SyncId { get; set; } = "";

        protected override object? ErrorTarget => ExecutionId ?? SyncId;

        protected override void ProcessItem() =>
            WaitForRun(SyncRunKind.Instance, SyncId, ExecutionId, PassThru);
    }
}
