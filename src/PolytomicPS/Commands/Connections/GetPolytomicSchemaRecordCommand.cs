using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Gets sample records of one schema of a connection.</summary>
    /// <remarks>
    /// <para>Reads GET /api/connections/{id}/schemas/{schema}/records in both API versions: a few rows as the source holds them, useful to check a table or object before modelling or syncing it. Each record is a PSCustomObject whose properties are the fields, in the order the API sent them.</para>
    /// <para>Like Get-PolytomicSchema, it waits out a schema cache that is still being filled (-TimeoutSeconds), then fails with SchemaCacheTimeout.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Get-PolytomicSchemaRecord -Schema public.users
    /// </code>
    /// <para>Shows sample rows of the public.users table.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSchemaRecord", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSchemaRecord.md")]
    [OutputType(typeof(PSObject))]
    public sealed class GetPolytomicSchemaRecordCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Takes connections (or objects with a ConnectionId) from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema id whose records to read, such as public.users or Contact.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("SchemaId")]
        [ValidateNotNullOrEmpty]
        public string Schema { get; set; } = "";

        /// <summary>How long to wait for a new connection's schema cache, in seconds (default 300).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        protected override object? ErrorTarget => Schema;

        protected override void ProcessItem()
        {
            var records = AwaitSchemaCache($"Reading records of {Schema}", TimeoutSeconds, (c, ct) => c.GetConnectionSchemaRecordsAsync(ConnectionId, Schema, ct));
            foreach (var record in records) WriteObject(PSOutput.FromJson(record));
        }
    }
}
