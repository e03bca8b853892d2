using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the schemas of a bulk sync and how each one is synced.</summary>
    /// <remarks>
    /// <para>Get-PolytomicBulkSchema lists GET /api/bulk/syncs/{id}/schemas. Schemas named in -Schema without wildcards are read one by one (GET /api/bulk/syncs/{id}/schemas/{schema_id}) with their fields; a name that does not exist is a BulkSchemaNotFound error.</para>
    /// <para>API version 2024-02-08 lists schemas with their fields, 2025-09-18 without: -IncludeFields reads each listed schema so that Fields is filled in every version.</para>
    /// <para>Each output (PolytomicBulkSchema) has Enabled, Fields (with Enabled and Obfuscated), PartitionKey, TrackingField and UserOutputName, plus SyncId and SchemaId, so schemas pipe into Set-PolytomicBulkSchema.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSchema -SyncId $sync.Id -Enabled
    /// </code>
    /// <para>Lists the schemas that the bulk sync copies.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSchema $sync.Id Contact | ForEach-Object Fields | Where-Object Obfuscated
    /// </code>
    /// <para>Shows which fields of the Contact schema are obfuscated in the destination.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSchema", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkSchema.md")]
    [OutputType(typeof(PolytomicBulkSchema))]
    public sealed class GetPolytomicBulkSchemaCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>Ids of the schemas to get; wildcards are allowed. Names without wildcards are read directly and always come with their fields.</summary>
        [Parameter(Position = 1)]
        [Alias("SchemaId")]
        [SupportsWildcards]
        public string[]? Schema { get; set; }

        /// <summary>Output only the schemas that are synced (Enabled).</summary>
        [Parameter]
        public SwitchParameter Enabled { get; set; }

        /// <summary>Read the fields of every listed schema; on API version 2025-09-18 the list leaves them out.</summary>
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
            var patterns = (Schema ?? new string[0]).Select(p => Wildcards.Get(p, nameof(Schema))).ToList();
            foreach (var s in Await((c, ct) => c.ListBulkSchemasAsync(SyncId, ct)))
            {
                if (patterns.Count > 0 && !patterns.Any(p => p.IsMatch(s.Id))) continue;
                if (Enabled && !s.Enabled) continue;
                WriteObject(IncludeFields && s.Fields == null ? Await((c, ct) => c.GetBulkSchemaAsync(SyncId, s.Id, ct)) : s);
            }
        }
    }
}
