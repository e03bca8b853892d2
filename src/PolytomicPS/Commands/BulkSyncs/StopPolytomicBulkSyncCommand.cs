using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Stop-PolytomicBulkSync: asks Polytomic to cancel the run in progress, one execution (pipe it in), or one
    /// schema of the current run. Cancellation is asynchronous: the run goes canceling, then canceled.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "PolytomicBulkSync", SupportsShouldProcess = true, DefaultParameterSetName = Run)]
    [OutputType(typeof(void))]
    public sealed class StopPolytomicBulkSyncCommand : PolytomicCmdlet
    {
        public const string Run = "Run";
        public const string OneSchema = "Schema";

        /// <summary>The bulk sync (object or id). Named SyncId so that executions piped in bind their sync.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The execution to cancel; the current run when omitted.</summary>
        [Parameter(ParameterSetName = Run, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ExecutionId { get; set; }

        /// <summary>Cancel only this schema of the current run.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OneSchema)]
        [ValidateNotNullOrEmpty]
        public string? Schema { get; set; }

        protected override object? ErrorTarget => ExecutionId ?? SyncId;

        protected override void ProcessItem()
        {
            var target = Schema != null ? $"schema {Schema} of bulk sync {SyncId}" : ExecutionId != null ? $"execution {ExecutionId} of bulk sync {SyncId}" : $"bulk sync {SyncId}";
            if (!ShouldProcess(target, "Cancel")) return;
            var message = Await((c, ct) => c.CancelBulkSyncAsync(SyncId, ExecutionId, Schema, ct));
            WriteVerbose($"{target}: {message ?? "cancellation requested"}");
        }
    }
}
