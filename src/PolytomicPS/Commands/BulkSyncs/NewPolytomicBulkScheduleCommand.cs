using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicBulkSchedule: adds a schedule to a bulk sync (times are UTC), e.g. a daily run of the
    /// non-incremental fields next to a continuous default.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicBulkSchedule", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSchedule))]
    public sealed class NewPolytomicBulkScheduleCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>How often it runs.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "dbtcloud")]
        public string Frequency { get; set; } = "";

        /// <summary>Minute of the hour (UTC).</summary>
        [Parameter] public string? Minute { get; set; }
        /// <summary>Hour of the day (UTC).</summary>
        [Parameter] public string? Hour { get; set; }
        /// <summary>Day of the week (weekly), e.g. monday.</summary>
        [Parameter] public string? DayOfWeek { get; set; }
        /// <summary>Day of the month.</summary>
        [Parameter] public string? DayOfMonth { get; set; }
        /// <summary>Month.</summary>
        [Parameter] public string? Month { get; set; }

        /// <summary>Which fields the schedule syncs: none (all), incrementalFields or nonincrementalFields.</summary>
        [Parameter]
        [ValidateSet("none", "incrementalFields", "nonincrementalFields")]
        public string? SelectiveMode { get; set; }

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(SyncId, $"Add a {Frequency} schedule to bulk sync")) return;
            WriteObject(Await((c, ct) => c.CreateBulkScheduleAsync(SyncId, new BulkScheduleApi
            {
                Frequency = Frequency, Minute = Minute, Hour = Hour, DayOfWeek = DayOfWeek, DayOfMonth = DayOfMonth, Month = Month,
                SelectiveMode = SelectiveMode,
            }, ct)));
        }
    }
}
