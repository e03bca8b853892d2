using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets a bulk sync's current and last runs, its next run time and its change-data-capture status.</summary>
    /// <remarks>
    /// <para>Get-PolytomicBulkSyncStatus reads GET /api/bulk/syncs/{id}/status and outputs a PolytomicBulkSyncStatus: CurrentExecution (the run in progress, if any), LastExecution, NextExecutionTime and, for sources that stream changes (CDC), IngestionStatus with Enabled, Status and the stream position.</para>
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
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSyncStatus")]
    [OutputType(typeof(PolytomicBulkSyncStatus))]
    public sealed class GetPolytomicBulkSyncStatusCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId or Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetBulkSyncStatusAsync(SyncId, ct)));
    }
}
