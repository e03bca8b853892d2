using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSync: one by id (the full sync), by name (wildcards), or all. On 2025-09-18 the list is
    /// paged and light (no fields/identity): each page is written as it arrives.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSync", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class GetPolytomicSyncCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Sync names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only active (-Active) or inactive (-Active:$false) syncs.</summary>
        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter Active { get; set; }

        [Parameter(ParameterSetName = ByName)]
        [ValidateSet("create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot", IgnoreCase = true)]
        public string? Mode { get; set; }

        /// <summary>Only syncs into this connection.</summary>
        [Parameter(ParameterSetName = ByName)]
        [IdTransformation]
        public string? TargetConnectionId { get; set; }

        /// <summary>Syncs per page on 2025-09-18 (the API allows at most 50).</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateRange(1, PolytomicClient.MaxSyncPageSize)]
        public int PageSize { get; set; } = PolytomicClient.MaxSyncPageSize;

        private string? current;
        protected override object? ErrorTarget => current;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetSyncAsync(id, ct))); }
                    catch (PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                }
                return;
            }
            var filter = new SyncListFilter
            {
                Active = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active.IsPresent : (bool?)null,
                Mode = Mode == null ? null : SyncInput.Mode(Mode),
                TargetConnectionId = TargetConnectionId,
            };
            var patterns = Name?.Select(n => (Text: n, Pattern: WildcardPattern.Get(n, WildcardOptions.IgnoreCase))).ToList();
            var found = new System.Collections.Generic.HashSet<string>();
            string? token = null;
            do
            {
                var page = Await((c, ct) => c.ListSyncsPageAsync(filter, token, PageSize, ct));
                foreach (var sync in page.Items)
                {
                    if (patterns == null) { WriteObject(sync); continue; }
                    var matched = patterns.Where(p => p.Pattern.IsMatch(sync.Name ?? "")).ToList();
                    if (matched.Count == 0) continue;
                    matched.ForEach(p => found.Add(p.Text));
                    WriteObject(sync);
                }
                token = page.NextPageToken;
            } while (token != null);
            CurrentSession.Completion.Invalidate("syncs");
            foreach (var p in patterns ?? new System.Collections.Generic.List<(string, WildcardPattern)>())
                if (!found.Contains(p.Item1) && !WildcardPattern.ContainsWildcardCharacters(p.Item1))
                    WriteError(ErrorFactory.NotFound("SyncNotFound", "sync", p.Item1));
        }
    }
}
