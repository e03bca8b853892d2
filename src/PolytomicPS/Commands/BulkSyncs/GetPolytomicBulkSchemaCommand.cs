using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkSchema: the schemas of a bulk sync and how each is synced. Named schemas (no
    /// wildcards) and -IncludeFields come with their fields in every API version.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSchema")]
    [OutputType(typeof(PolytomicBulkSchema))]
    public sealed class GetPolytomicBulkSchemaCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>Schema ids; wildcards allowed.</summary>
        [Parameter(Position = 1)]
        [Alias("SchemaId")]
        [SupportsWildcards]
        public string[]? Schema { get; set; }

        /// <summary>Only schemas that are synced.</summary>
        [Parameter]
        public SwitchParameter Enabled { get; set; }

        /// <summary>Read each schema's fields (2025-09-18 lists leave them out).</summary>
        [Parameter]
        public SwitchParameter IncludeFields { get; set; }

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem()
        {
            if (Schema != null && !Schema.Any(WildcardPattern.ContainsWildcardCharacters))
            {
                foreach (var id in Schema)
                {
                    try
                    {
                        var one = Await((c, ct) => c.GetBulkSchemaAsync(SyncId, id, ct));
                        if (!Enabled || one.Enabled) WriteObject(one);
                    }
                    catch (PolytomicApiException ex) when (ex.StatusCode == 404)
                    {
                        WriteError(ErrorFactory.NotFound("BulkSchemaNotFound", $"schema of bulk sync {SyncId}", id));
                    }
                }
                return;
            }
            var patterns = (Schema ?? new string[0]).Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToList();
            foreach (var s in Await((c, ct) => c.ListBulkSchemasAsync(SyncId, ct)))
            {
                if (patterns.Count > 0 && !patterns.Any(p => p.IsMatch(s.Id))) continue;
                if (Enabled && !s.Enabled) continue;
                WriteObject(IncludeFields && s.Fields == null ? Await((c, ct) => c.GetBulkSchemaAsync(SyncId, s.Id, ct)) : s);
            }
        }
    }
}
