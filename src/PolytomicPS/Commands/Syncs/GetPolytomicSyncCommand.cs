using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets model syncs: all of them, by name, or by id.</summary>
    /// <remarks>
    /// <para>Without -Id, Get-PolytomicSync lists syncs (GET /api/syncs), filtered by -Active, -Mode and -TargetConnectionId, and -Name takes wildcards (Tab completes the names); a name without wildcards that matches nothing is a SyncNotFound error. On API version 2025-09-18 the list is paged (-PageSize, at most 50) and light, without fields and identity: every page is read and written as it arrives. On 2024-02-08 it returns full syncs at once (a next-page token is followed there too, should Polytomic send one).</para>
    /// <para>-Id (or pipeline input) reads full syncs one by one (GET /api/syncs/{id}); an unknown id is a PolytomicApi.NotFound error and the others are still read. Syncs (PolytomicSync) carry Id and SyncId, so they pipe into the other sync cmdlets.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name '*CRM*' -Active
    /// </code>
    /// <para>Lists the active syncs whose names contain CRM.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -TargetConnectionId $salesforce.Id | Get-PolytomicSync
    /// </code>
    /// <para>Lists the syncs into a Salesforce connection, then reads each in full (with its field mapping).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSync.md", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class GetPolytomicSyncCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>Ids of the syncs to get. Takes pipeline input, and objects with an Id or SyncId property.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Names of syncs to get; wildcards are allowed. Tab completes the names.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only active syncs (-Active) or only inactive ones (-Active:$false). When omitted, both.</summary>
        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter Active { get; set; }

        /// <summary>Only syncs with this mode: create, update, updateOrCreate, replace, append, remove or snapshot.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateSet("create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot", IgnoreCase = true)]
        public string? Mode { get; set; }

        /// <summary>Only syncs into this target connection: an id or a connection object.</summary>
        [Parameter(ParameterSetName = ByName)]
        [IdTransformation(ObjectKinds.Connection, "TargetConnectionId")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? TargetConnectionId { get; set; }

        /// <summary>Syncs per request on API version 2025-09-18 (1 to 50, default 50). All pages are read either way.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateRange(1, PolytomicClient.MaxSyncPageSize)]
        public int PageSize { get; set; } = PolytomicClient.MaxSyncPageSize;


        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetSyncAsync(id, ct)));
                return;
            }
            var filter = new SyncListFilter
            {
                Active = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active.IsPresent : (bool?)null,
                Mode = Mode == null ? null : SyncInput.Mode(Mode),
                TargetConnectionId = TargetConnectionId,
            };
            var names = new NameFilter(Name);
            foreach (var sync in Paged((c, token, ct) => c.ListSyncsPageAsync(filter, token, PageSize, ct)))
                if (names.Matches(sync.Name)) WriteObject(sync);
            CurrentSession.Completion.Invalidate("syncs");
            foreach (var e in names.Missing("SyncNotFound", "sync")) WriteError(e);
        }
    }
}
