using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Enable-PolytomicSync: activates a sync so its schedule runs (POST /api/syncs/{id}/activate).</summary>
    [Cmdlet(VerbsLifecycle.Enable, "PolytomicSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class EnablePolytomicSyncCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Output the sync afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Id, "Enable sync")) return;
            Await((c, ct) => c.ActivateSyncAsync(Id, true, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetSyncAsync(Id, ct)));
        }
    }
}
