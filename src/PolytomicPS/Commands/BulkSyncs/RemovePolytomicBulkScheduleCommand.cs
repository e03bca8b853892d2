using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes one of a bulk sync's additional schedules.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicBulkSchedule sends DELETE /api/bulk/syncs/{id}/schedules/{schedule_id}. The main (default) schedule cannot be deleted: Polytomic refuses with a PolytomicApi.BadRequest error; change it with Set-PolytomicBulkSync -Frequency instead.</para>
    /// <para>It asks for confirmation (ConfirmImpact High) unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSchedule -SyncId $sync.Id | Where-Object { -not $_.IsDefault } | Remove-PolytomicBulkSchedule -Force
    /// </code>
    /// <para>Deletes every additional schedule of the bulk sync without prompting.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-PolytomicBulkSchedule -SyncId $sync.Id -ScheduleId $schedule.Id -WhatIf
    /// </code>
    /// <para>Shows which schedule would be deleted, without deleting it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicBulkSchedule", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicBulkSchedule.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicBulkScheduleCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The schedule to delete. Takes pipeline input by property name, so schedule objects (ScheduleId) pipe in.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ScheduleId { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
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
