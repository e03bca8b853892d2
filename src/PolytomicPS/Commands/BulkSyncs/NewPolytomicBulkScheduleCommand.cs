using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Adds a schedule to a bulk sync.</summary>
    /// <remarks>
    /// <para>New-PolytomicBulkSchedule sends POST /api/bulk/syncs/{id}/schedules and outputs the new PolytomicBulkSchedule. A bulk sync can run on several schedules: for example continuously for incremental fields and once a day for the fields that cannot be synced incrementally (-SelectiveMode nonincrementalFields). Times are UTC.</para>
    /// <para>The main schedule is changed with Set-PolytomicBulkSync -Frequency/-Schedule. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// New-PolytomicBulkSchedule -SyncId $sync.Id -Frequency daily -Hour '05' -Minute '30' -SelectiveMode nonincrementalFields
    /// </code>
    /// <para>Adds a daily 05:30 UTC run of the non-incremental fields.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | New-PolytomicBulkSchedule -Frequency weekly -DayOfWeek monday -Hour '01' -Minute '00'
    /// </code>
    /// <para>Adds a weekly Monday 01:00 UTC run to the bulk sync piped in.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicBulkSchedule", HelpUri = HelpLinks.Cmdlets + "New-PolytomicBulkSchedule.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSchedule))]
    public sealed class NewPolytomicBulkScheduleCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>How often the schedule runs: manual, continuous, hourly, daily, weekly, custom, builder, runafter or dbtcloud.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "dbtcloud")]
        public string Frequency { get; set; } = "";

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

        /// <summary>Which fields this schedule syncs: none (all fields), incrementalFields or nonincrementalFields.</summary>
        [Parameter]
        [ValidateSet("none", "incrementalFields", "nonincrementalFields")]
        public string? SelectiveMode { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem()
        {
            var day = ScheduleCheck.Check("Frequency", Frequency, Minute, Hour, DayOfWeek, DayOfMonth, Month);
            if (!ShouldProcess(Named("Bulk sync", SyncId), $"Add a {Frequency} schedule to bulk sync")) return;
            WriteObject(Await((c, ct) => c.CreateBulkScheduleAsync(SyncId, new BulkScheduleApi
            {
                Frequency = Frequency, Minute = Minute, Hour = Hour, DayOfWeek = day, DayOfMonth = DayOfMonth, Month = Month,
                SelectiveMode = SelectiveMode,
            }, ct, OneRequestKey(IdempotencyKey))));
        }
    }
}
