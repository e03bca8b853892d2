using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicSync: deletes a sync for good (Polytomic cancels its running executions).</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicSyncCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, "Delete sync")) return;
            Await((c, ct) => c.DeleteSyncAsync(Id, ct));
            CurrentSession.Completion.Invalidate("syncs");
        }
    }
}
