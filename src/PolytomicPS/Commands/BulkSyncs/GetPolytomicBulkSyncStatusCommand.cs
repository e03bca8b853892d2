using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkSyncStatus: a bulk sync's current and last runs, its next run time, and the CDC
    /// ingestion status of sources that stream changes.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSyncStatus")]
    [OutputType(typeof(PolytomicBulkSyncStatus))]
    public sealed class GetPolytomicBulkSyncStatusCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetBulkSyncStatusAsync(SyncId, ct)));
    }
}
