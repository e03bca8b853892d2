using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Stop-PolytomicSync: asks Polytomic to cancel a sync's run in progress, or (2025-09-18) one execution:
    /// pipe the execution or pass -ExecutionId. Cancellation is asynchronous: the run goes canceling, then canceled.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "PolytomicSync", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class StopPolytomicSyncCommand : PolytomicCmdlet
    {
        /// <summary>The sync (object or id). Named SyncId so that executions piped in bind their sync.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>Cancel this execution only (API version 2025-09-18); the run in progress when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ExecutionId { get; set; }

        protected override object? ErrorTarget => ExecutionId ?? SyncId;

        protected override void ProcessItem()
        {
            var target = ExecutionId != null ? $"execution {ExecutionId} of sync {SyncId}" : $"sync {SyncId}";
            if (!ShouldProcess(target, "Cancel")) return;
            var message = ExecutionId != null
                ? Await((c, ct) => c.CancelSyncExecutionAsync(SyncId, ExecutionId, ct))
                : Await((c, ct) => c.CancelSyncAsync(SyncId, ct));
            WriteVerbose($"{target}: {message ?? "cancellation requested"}");
        }
    }
}
