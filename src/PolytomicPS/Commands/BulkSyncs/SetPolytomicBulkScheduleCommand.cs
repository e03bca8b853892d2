using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicBulkSchedule: changes only what is passed (the PUT replaces the schedule, so the current
    /// one is read first).</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicBulkSchedule", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSchedule))]
    public sealed class SetPolytomicBulkScheduleCommand : PolytomicCmdlet
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

        /// <summary>How often it runs.</summary>
        [Parameter]
        [ValidateSet("manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "dbtcloud")]
        public string? Frequency { get; set; }

        /// <summary>Minute of the hour (UTC).</summary>
        [Parameter] public string? Minute { get; set; }
        /// <summary>Hour of the day (UTC).</summary>
        [Parameter] public string? Hour { get; set; }
        /// <summary>Day of the week.</summary>
        [Parameter] public string? DayOfWeek { get; set; }
        /// <summary>Day of the month.</summary>
        [Parameter] public string? DayOfMonth { get; set; }
        /// <summary>Month.</summary>
        [Parameter] public string? Month { get; set; }

        /// <summary>none, incrementalFields or nonincrementalFields.</summary>
        [Parameter]
        [ValidateSet("none", "incrementalFields", "nonincrementalFields")]
        public string? SelectiveMode { get; set; }

        /// <summary>Output the updated schedule.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ScheduleId;

        protected override void ProcessItem()
        {
            var current = Await((c, ct) => c.GetBulkScheduleAsync(SyncId, ScheduleId, ct));
            if (!ShouldProcess($"{ScheduleId} of bulk sync {SyncId}", "Update bulk sync schedule")) return;
            var updated = Await((c, ct) => c.UpdateBulkScheduleAsync(SyncId, ScheduleId, new BulkScheduleApi
            {
                Frequency = Frequency ?? current.Frequency,
                Minute = Minute ?? current.Minute,
                Hour = Hour ?? current.Hour,
                DayOfWeek = DayOfWeek ?? current.DayOfWeek,
                DayOfMonth = DayOfMonth ?? current.DayOfMonth,
                Month = Month ?? current.Month,
                SelectiveMode = SelectiveMode ?? current.SelectiveMode,
            }, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
