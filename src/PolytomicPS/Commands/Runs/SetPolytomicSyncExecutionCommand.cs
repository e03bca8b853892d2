using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicSyncExecution: sets a run's status to retry or resolve a stalled execution
    /// (PUT /api/syncs/{id}/executions/{id}, API version 2024-02-08 only).</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicSyncExecution", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class SetPolytomicSyncExecutionCommand : PolytomicCmdlet
    {
        /// <summary>The sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The execution (pipe it, or give its id).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>The status to set.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("created", "scheduled", "queued", "waiting", "running", "processing", "canceling", "canceled", "completed", "failed", "interrupted")]
        public string Status { get; set; } = "";

        /// <summary>Output the execution afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ExecutionId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"execution {ExecutionId} of sync {SyncId}", $"Set status to {Status}")) return;
            var run = Await((c, ct) => c.SetSyncExecutionStatusAsync(SyncId, ExecutionId, Status, ct));
            if (PassThru) WriteObject(run);
        }
    }
}
