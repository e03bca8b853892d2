using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets what a connection offers as a bulk-sync source: its schemas and capabilities.</summary>
    /// <remarks>
    /// <para>Without -Schema, Get-PolytomicBulkSource reads GET /api/connections/{id}/bulksync/source and outputs one PolytomicBulkSource: its Schemas (id and name) and capability flags such as SupportsTrackingFields. -IncludeFields asks for every schema's fields too.</para>
    /// <para>With -Schema it reads each named schema from the connection's schema cache (GET /api/connections/{id}/schemas/{schema_id}) and outputs a PolytomicConnectionSchema with its fields; an unknown schema is a SchemaNotFound error.</para>
    /// <para>Polytomic caches a new connection's schemas in the background and answers 'No schemas found' until it is done. The cmdlet waits meanwhile, with a progress bar, for up to -TimeoutSeconds; after that it fails with SchemaCacheTimeout.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $source = Get-PolytomicConnection -Name 'Salesforce Connection' | Get-PolytomicBulkSource
    /// $source.Schemas
    /// </code>
    /// <para>Lists the objects of a Salesforce connection that a bulk sync can copy.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSource -ConnectionId $salesforce.Id -Schema Account, Contact | ForEach-Object Fields
    /// </code>
    /// <para>Shows the fields of the Account and Contact schemas.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSource", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkSource.md")]
    [OutputType(typeof(PolytomicBulkSource), typeof(PolytomicConnectionSchema))]
    public sealed class GetPolytomicBulkSourceCommand : PolytomicCmdlet
    {
        /// <summary>The source connection: an id or a connection object. Takes pipeline input by property name (ConnectionId, or SourceConnectionId of a bulk sync).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SourceConnectionId")]
        [IdTransformation(ObjectKinds.Connection, "SourceConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>Ids of schemas to read, each with its fields. When omitted, the source as a whole is output.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Schema { get; set; }

        /// <summary>Include every schema's fields in the source output.</summary>
        [Parameter]
        public SwitchParameter IncludeFields { get; set; }

        /// <summary>How long to wait for a new connection's schema cache, in seconds (1 to 86400, default 300).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var activity = $"Reading the schemas of connection {ConnectionId}";
            if (Schema == null)
            {
                WriteObject(AwaitSchemaCache(activity, TimeoutSeconds, (c, ct) => c.GetBulkSourceAsync(ConnectionId, IncludeFields, ct)));
                return;
            }
            foreach (var id in Schema)
            {
                try { WriteObject(AwaitSchemaCache(activity, TimeoutSeconds, (c, ct) => c.GetConnectionSchemaAsync(ConnectionId, id, ct))); }
                catch (Polytomic.PolytomicApiException ex) when (ex.StatusCode == 404)
                {
                    WriteError(ErrorFactory.NotFound("SchemaNotFound", $"schema of connection {ConnectionId}", id));
                }
            }
        }
    }
}
