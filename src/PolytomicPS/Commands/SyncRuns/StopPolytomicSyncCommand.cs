using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Asks Polytomic to cancel a sync's run in progress, or one execution.</summary>
    /// <remarks>
    /// <para>Without -ExecutionId, Stop-PolytomicSync sends POST /api/syncs/{id}/cancel (both API versions), which cancels whatever run the sync has in progress. With -ExecutionId, or when an execution is piped in, it sends POST /api/syncs/{id}/executions/{id}/cancel, a route of API version 2025-09-18 only: on 2024-02-08 that is an ApiVersionNotSupported error and nothing is sent.</para>
    /// <para>Cancelling is asynchronous: the run goes to canceling, then canceled. Wait for it with Wait-PolytomicSyncExecution (which then reports SyncExecutionCanceled). Stop-PolytomicSync outputs nothing; -Verbose shows Polytomic's message. It supports -WhatIf and -Confirm.</para>
    /// <para>An unknown sync is PolytomicApi.NotFound; an id that is not a UUID is InvalidId.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Users to CRM' | Stop-PolytomicSync -Confirm:$false
    /// </code>
    /// <para>Cancels the sync's run in progress without asking.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $run = Start-PolytomicSync -Id $sync.Id
    /// $run | Stop-PolytomicSync -Confirm:$false
    /// $run | Wait-PolytomicSyncExecution -ErrorAction SilentlyContinue -PassThru
    /// </code>
    /// <para>On API version 2025-09-18: cancels that execution only, then waits until it is canceled and outputs it.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Stop-PolytomicSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class StopPolytomicSyncCommand : PolytomicCmdlet
    {
        /// <summary>The id of the sync whose run to cancel; takes syncs, executions (by their SyncId) and ids from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>Cancels this execution only (API version 2025-09-18); binds from piped executions. Without it, the sync's run in progress is canceled.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ExecutionId { get; set; }

        protected override object? ErrorTarget => ExecutionId ?? SyncId;

        protected override void ProcessItem()
        {
            var target = ExecutionId != null ? $"execution {ExecutionId} of {Named("sync", SyncId)}" : Named("Sync", SyncId);
            if (!ShouldProcess(target, "Cancel")) return;
            var message = ExecutionId != null
                ? Await((c, ct) => c.CancelSyncExecutionAsync(SyncId, ExecutionId, ct))
                : Await((c, ct) => c.CancelSyncAsync(SyncId, ct));
            WriteVerbose($"{target}: {message ?? "cancellation requested"}");
        }
    }
}
