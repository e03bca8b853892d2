using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicBulkSchedule: deletes one of a bulk sync's extra schedules (the default one stays).</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicBulkSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicBulkScheduleCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The schedule (schedule objects bind by their ScheduleId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ScheduleId { get; set; } = "";

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => ScheduleId;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, $"{ScheduleId} of bulk sync {SyncId}", "Delete bulk sync schedule")) return;
            Await((c, ct) => c.DeleteBulkScheduleAsync(SyncId, ScheduleId, ct));
        }
    }
}
