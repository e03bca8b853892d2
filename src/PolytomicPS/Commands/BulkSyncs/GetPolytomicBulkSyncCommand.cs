using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkSync: one by id, by name (wildcards), or all; pages are written as they arrive.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSync", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class GetPolytomicBulkSyncCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>Bulk sync ids (or objects).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>Only active bulk syncs.</summary>
        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter Active { get; set; }

        private string? current;
        protected override object? ErrorTarget => current;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetBulkSyncAsync(id, ct))); }
                    catch (PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                }
                return;
            }
            var patterns = (Name ?? new string[0]).Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToList();
            var found = new bool[patterns.Count];
            string? token = null;
            do
            {
                var page = Await((c, ct) => c.ListBulkSyncsPageAsync(Active ? true : (bool?)null, token, ct));
                foreach (var sync in page.Items)
                {
                    if (patterns.Count == 0) { WriteObject(sync); continue; }
                    var hit = false;
                    for (int i = 0; i < patterns.Count; i++)
                        if (patterns[i].IsMatch(sync.Name ?? "")) { found[i] = true; hit = true; }
                    if (hit) WriteObject(sync);
                }
                token = page.NextPageToken;
            } while (token != null);
            for (int i = 0; i < patterns.Count; i++)
                if (!found[i] && !WildcardPattern.ContainsWildcardCharacters(Name![i]))
                    WriteError(ErrorFactory.NotFound("BulkSyncNotFound", "bulk sync", Name[i]));
        }
    }
}
