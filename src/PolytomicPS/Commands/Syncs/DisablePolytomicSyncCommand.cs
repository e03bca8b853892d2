using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Disable-PolytomicSync: pauses a sync's schedule (a running execution is not cancelled) (POST /api/syncs/{id}/activate).</summary>
    [Cmdlet(VerbsLifecycle.Disable, "PolytomicSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class DisablePolytomicSyncCommand : PolytomicCmdlet
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
            if (!ShouldProcess(Id, "Disable sync")) return;
            Await((c, ct) => c.ActivateSyncAsync(Id, false, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetSyncAsync(Id, ct)));
        }
    }
}
