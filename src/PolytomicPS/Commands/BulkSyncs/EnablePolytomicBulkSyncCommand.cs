using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Enable-PolytomicBulkSync: Activates a bulk sync's schedule.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "PolytomicBulkSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class EnablePolytomicBulkSyncCommand : PolytomicCmdlet
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
            if (!ShouldProcess(Id, "Enable bulk sync")) return;
            Await((c, ct) => c.ActivateBulkSyncAsync(Id, true, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetBulkSyncAsync(Id, ct)));
        }
    }
}
