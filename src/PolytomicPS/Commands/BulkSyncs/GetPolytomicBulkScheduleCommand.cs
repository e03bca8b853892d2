using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the schedules of a bulk sync.</summary>
    /// <remarks>
    /// <para>Get-PolytomicBulkSchedule lists GET /api/bulk/syncs/{id}/schedules, or reads the schedules named by -ScheduleId one by one (GET /api/bulk/syncs/{id}/schedules/{schedule_id}); an unknown schedule id is a PolytomicApi.NotFound error and the others are still read.</para>
    /// <para>Each output (PolytomicBulkSchedule) has Frequency, the UTC time fields (Minute, Hour, DayOfWeek, DayOfMonth, Month), SelectiveMode and IsDefault, which marks the bulk sync's main schedule. Schedules carry SyncId and ScheduleId, so they pipe into Set-PolytomicBulkSchedule and Remove-PolytomicBulkSchedule.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Get-PolytomicBulkSchedule
    /// </code>
    /// <para>Lists the main schedule and every additional schedule of the bulk sync.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSchedule -SyncId $sync.Id | Where-Object { -not $_.IsDefault }
    /// </code>
    /// <para>Lists only the additional schedules (the ones New-PolytomicBulkSchedule adds).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSchedule", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkSchedule.md")]
    [OutputType(typeof(PolytomicBulkSchedule))]
    public sealed class GetPolytomicBulkScheduleCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>Ids of the schedules to get. When omitted, every schedule of the bulk sync is listed.</summary>
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
