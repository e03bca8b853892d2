using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicBulkSync: deletes a bulk sync with its schedules, schema settings and run history.</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicBulkSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicBulkSyncCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
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
            if (!ShouldProcessUnlessForced(Force, Id, "Delete bulk sync, its schedules and its run history")) return;
            Await((c, ct) => c.DeleteBulkSyncAsync(Id, ct));
        }
    }
}
