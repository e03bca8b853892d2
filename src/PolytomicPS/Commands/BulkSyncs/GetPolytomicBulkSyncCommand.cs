using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets bulk syncs: all of them, by name, or by id.</summary>
    /// <remarks>
    /// <para>Without parameters Get-PolytomicBulkSync lists every bulk sync (GET /api/bulk/syncs), following the pages that API version 2025-09-18 may return and writing each page as it arrives. -Name takes wildcards; a name without wildcards that matches nothing is a BulkSyncNotFound error. -Active lists only active bulk syncs, -Active:$false only inactive ones.</para>
    /// <para>-Id (or pipeline input) reads bulk syncs one by one (GET /api/bulk/syncs/{id}); an unknown id is a PolytomicApi.NotFound error and the others are still read.</para>
    /// <para>The schedule has one shape in every API version: Schedule is the main schedule and AdditionalSchedules the others (2024-02-08's schedule.multi and 2025-09-18's default_schedule/additional_schedules both map to it). Bulk syncs carry Id and SyncId, so they pipe into every other bulk-sync cmdlet.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync
    /// </code>
    /// <para>Lists every bulk sync: name, mode, active, schedule and id.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce*' -Active
    /// </code>
    /// <para>Lists the active bulk syncs whose names start with Salesforce.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkSync.md", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class GetPolytomicBulkSyncCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>Ids of the bulk syncs to get. Takes pipeline input, and objects with an Id or SyncId property.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Names of bulk syncs to get; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only active bulk syncs (-Active) or only inactive ones (-Active:$false). When omitted, both.</summary>
        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter Active { get; set; }


        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetBulkSyncAsync(id, ct)));
                return;
            }
            var names = new NameFilter(Name);
            // -Active lists active bulk syncs, -Active:$false inactive ones, as Get-PolytomicSync does.
            var active = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active.IsPresent : (bool?)null;
            foreach (var sync in Paged((c, token, ct) => c.ListBulkSyncsPageAsync(active, token, ct)))
                if (names.Matches(sync.Name)) WriteObject(sync);
            CurrentSession.Completion.Invalidate("bulk_syncs");
            foreach (var e in names.Missing("BulkSyncNotFound", "bulk sync")) WriteError(e);
        }
    }
}
