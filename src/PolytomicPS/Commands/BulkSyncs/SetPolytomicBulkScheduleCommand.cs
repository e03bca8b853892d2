using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes a schedule of a bulk sync.</summary>
    /// <remarks>
    /// <para>Polytomic's PUT /api/bulk/syncs/{id}/schedules/{schedule_id} replaces the whole schedule, so Set-PolytomicBulkSchedule reads the current one first and changes only the parameters that are passed. Times are UTC.</para>
    /// <para>Outputs nothing, or the updated PolytomicBulkSchedule with -PassThru. An unknown schedule is a PolytomicApi.NotFound error. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole schedule, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicBulkSchedule calls racing on one schedule can therefore lose one change: the second write puts back what the first one changed. Change one schedule from one place at a time, and read it back (Get-PolytomicBulkSchedule) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSchedule -SyncId $sync.Id | Where-Object Frequency -eq 'daily' | Set-PolytomicBulkSchedule -Hour '06' -PassThru
    /// </code>
    /// <para>Moves the bulk sync's daily schedules to 06:00 UTC, keeping their minute and selective mode.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicBulkSchedule -SyncId $sync.Id -ScheduleId $schedule.Id -Frequency hourly -Minute '15'
    /// </code>
    /// <para>Makes a schedule run every hour at quarter past.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicBulkSchedule", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicBulkSchedule.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSchedule))]
    public sealed class SetPolytomicBulkScheduleCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The schedule to change. Takes pipeline input by property name, so schedule objects (ScheduleId) pipe in.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ScheduleId { get; set; } = "";

        /// <summary>A new frequency: manual, continuous, hourly, daily, weekly, custom, builder, runafter or dbtcloud.</summary>
        [Parameter]
        [ValidateSet("manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "dbtcloud")]
        public string? Frequency { get; set; }

        /// <summary>Minute of the hour, in UTC, as text (e.g. '30').</summary>
        [Parameter] public string? Minute { get; set; }
        /// <summary>Hour of the day, in UTC, as text (e.g. '05').</summary>
        [Parameter] public string? Hour { get; set; }
        /// <summary>Day of the week for weekly schedules, e.g. monday.</summary>
        [Parameter] public string? DayOfWeek { get; set; }
        /// <summary>Day of the month the schedule runs on.</summary>
        [Parameter] public string? DayOfMonth { get; set; }
        /// <summary>Month the schedule runs in.</summary>
        [Parameter] public string? Month { get; set; }

        /// <summary>Which fields the schedule syncs: none (all fields), incrementalFields or nonincrementalFields.</summary>
        [Parameter]
        [ValidateSet("none", "incrementalFields", "nonincrementalFields")]
        public string? SelectiveMode { get; set; }

        /// <summary>Output the updated schedule (PolytomicBulkSchedule). By default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ScheduleId;

        protected override void ProcessItem()
        {
            var current = Await((c, ct) => c.GetBulkScheduleAsync(SyncId, ScheduleId, ct));
            var day = ScheduleCheck.Check("Frequency", Frequency ?? current.Frequency, Minute ?? current.Minute, Hour ?? current.Hour,
                DayOfWeek ?? current.DayOfWeek, DayOfMonth ?? current.DayOfMonth, Month ?? current.Month);
            if (!ShouldProcess($"{ScheduleId} of bulk sync {SyncId}", "Update bulk sync schedule")) return;
            var updated = Await((c, ct) => c.UpdateBulkScheduleAsync(SyncId, ScheduleId, new BulkScheduleApi
            {
                Frequency = Frequency ?? current.Frequency,
                Minute = Minute ?? current.Minute,
                Hour = Hour ?? current.Hour,
                DayOfWeek = day,
                DayOfMonth = DayOfMonth ?? current.DayOfMonth,
                Month = Month ?? current.Month,
                SelectiveMode = SelectiveMode ?? current.SelectiveMode,
            }, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
