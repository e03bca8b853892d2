using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkSchedule: a bulk sync's schedules (the default one and any extra ones).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSchedule")]
    [OutputType(typeof(PolytomicBulkSchedule))]
    public sealed class GetPolytomicBulkScheduleCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>Schedule ids; all when omitted.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? ScheduleId { get; set; }

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem()
        {
            if (ScheduleId == null) { WriteObject(Await((c, ct) => c.ListBulkSchedulesAsync(SyncId, ct)), true); return; }
            foreach (var id in ScheduleId)
            {
                try { WriteObject(Await((c, ct) => c.GetBulkScheduleAsync(SyncId, id, ct))); }
                catch (Polytomic.PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
            }
        }
    }
}
