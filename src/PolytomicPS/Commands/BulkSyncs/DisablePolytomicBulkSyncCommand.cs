using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Disable-PolytomicBulkSync: Deactivates a bulk sync's schedule (a run in progress is cancelled).</summary>
    [Cmdlet(VerbsLifecycle.Disable, "PolytomicBulkSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class DisablePolytomicBulkSyncCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Output the bulk sync afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Id, "Disable bulk sync")) return;
            Await((c, ct) => c.ActivateBulkSyncAsync(Id, false, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetBulkSyncAsync(Id, ct)));
        }
    }
}
