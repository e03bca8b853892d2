using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets one schema (a table, object or collection) from a connection's schema cache, with its fields.</summary>
    /// <remarks>
    /// <para>Reads GET /api/connections/{id}/schemas/{schema} in both API versions. Schema ids are what the source calls its objects: "public.users" for a database table, "Contact" for Salesforce. The Fields property lists each field with its type, remote type and whether it is a primary key.</para>
    /// <para>Right after a connection is created Polytomic answers "No schemas found" until its schema cache is ready; Get-PolytomicSchema waits and asks again (up to -TimeoutSeconds, with a progress bar), then fails with SchemaCacheTimeout. A schema the connection does not have is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Salesforce Connection' | Get-PolytomicSchema -Schema Contact, Account
    /// </code>
    /// <para>Shows the Contact and Account objects of the Salesforce connection.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-PolytomicSchema -ConnectionId $pg.Id -Schema public.users).Fields | Where-Object IsPrimaryKey
    /// </code>
    /// <para>Lists the primary-key fields of a PostgreSQL table.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSchema", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSchema.md")]
    [OutputType(typeof(PolytomicConnectionSchema))]
    public sealed class GetPolytomicSchemaCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Takes connections (or objects with a ConnectionId) from the pipeline.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema id(s) to read, such as public.users or Contact.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("SchemaId")]
        [ValidateNotNullOrEmpty]
        public string[] Schema { get; set; } = new string[0];

        /// <summary>How long to wait for a new connection's schema cache, in seconds (default 300).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        private string? current;
        protected override object? ErrorTarget => current ?? ConnectionId;

        protected override void ProcessItem()
        {
            foreach (var schema in Schema)
            {
                current = schema;
                WriteObject(AwaitSchemaCache($"Reading schema {schema}", TimeoutSeconds, (c, ct) => c.GetConnectionSchemaAsync(ConnectionId, schema, ct)));
            }
        }
    }
}
