using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets a bulk sync's current and last runs, its next run time and its change-data-capture status.</summary>
    /// <remarks>
    /// <para>Get-PolytomicBulkSyncStatus reads GET /api/bulk/syncs/{id}/status and outputs a PolytomicBulkSyncStatus: CurrentExecution (the run in progress, if any), LastExecution, NextExecutionTime and, for sources that stream changes (CDC), IngestionStatus with Enabled, Status and the stream position.</para>
    /// <para>With -All or -Active it reads GET /api/bulk/syncs/status instead and outputs one PolytomicBulkSyncStatusSummary per bulk sync: its status, next run time and its schemas' last runs.</para>
    /// <para>An unknown id is a PolytomicApi.NotFound error.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Get-PolytomicBulkSyncStatus
    /// </code>
    /// <para>Shows whether the bulk sync is running and when it runs next.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-PolytomicBulkSyncStatus -SyncId $sync.Id).IngestionStatus
    /// </code>
    /// <para>Shows the change-data-capture stream of a PostgreSQL source with change detection.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSyncStatus -Active | Where-Object Status -eq 'running'
    /// </code>
    /// <para>Lists the active bulk syncs that are running now, with their schemas' record counts, in one call.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSyncStatus", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkSyncStatus.md", DefaultParameterSetName = One)]
    [OutputType(typeof(PolytomicBulkSyncStatus), ParameterSetName = new[] { One })]
    [OutputType(typeof(PolytomicBulkSyncStatusSummary), ParameterSetName = new[] { AllSet, ActiveSet })]
    public sealed class GetPolytomicBulkSyncStatusCommand : PolytomicCmdlet
    {
        public const string One = "One";
        public const string AllSet = "All";
        public const string ActiveSet = "Active";

        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId or Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = One)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The run state of every bulk sync at once (GET /api/bulk/syncs/status?all=true).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>The run state of every active bulk sync at once (GET /api/bulk/syncs/status?active=true).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ActiveSet)]
        public SwitchParameter Active { get; set; }

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem()
        {
            if (ParameterSetName == One) WriteObject(Await((c, ct) => c.GetBulkSyncStatusAsync(SyncId, ct)));
            else WriteObject(Await((c, ct) => c.ListBulkSyncStatusesAsync(ParameterSetName == ActiveSet, ct)), true);
        }
    }
}
