using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets what a connection offers as a model source: schemas, tables, collections, files or queries.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSource reads GET /api/connections/{id}/modelsync/source. Each output (PolytomicSourceOption) is one choice: its Key (schema, table, collection, query, ...), Value, RequiresOneOf (the next level, if any) and ModelConfiguration, the choices so far. IsLeaf marks a choice that is a complete source.</para>
    /// <para>Pass an option's ModelConfiguration to -Parameter (or pipe the option in) to list the next level; pipe a leaf into New-PolytomicModel or Get-PolytomicSourceField. -Recurse walks every branch (up to 8 levels) and outputs only the leaves. Free-text keys such as query are listed at the top level with no Value. An unknown connection is a PolytomicApi.NotFound error; a choice that does not exist is a PolytomicApi.BadRequest error.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $mysql = Get-PolytomicConnection -Name 'MySQL Connection'
    /// Get-PolytomicSource $mysql | Where-Object Value -eq 'company.customers' | New-PolytomicModel -Name 'Customer Model'
    /// </code>
    /// <para>Lists the MySQL connection's tables and makes a model over company.customers (Polytomic's MySQL walkthrough).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSource -ConnectionId $snowflake.Id -Parameter @{ schema = 'PUBLIC' }
    /// </code>
    /// <para>Lists the tables of the PUBLIC schema of a Snowflake connection.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSource $gcs -Recurse
    /// </code>
    /// <para>Lists every file of a Google Cloud Storage bucket that a model can read.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSource", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSource.md")]
    [OutputType(typeof(PolytomicSourceOption))]
    public sealed class GetPolytomicSourceCommand : PolytomicCmdlet
    {
        private const int MaxDepth = 8;

        /// <summary>The source connection: an id or a connection object. Takes pipeline input by property name (ConnectionId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The choices made so far, e.g. @{ schema = 'PUBLIC' }: lists the next level. An option's ModelConfiguration binds here from the pipeline.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelConfiguration")]
        public IDictionary? Parameter { get; set; }

        /// <summary>Walk every branch and output only the leaves (tables, collections, files and free-text queries).</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() => Walk(PSInput.ToDictionary(Parameter, nameof(Parameter)), 0);

        private void Walk(Dictionary<string, object?> chosen, int depth)
        {
            var meta = Await((c, ct) => c.GetSourceMetaAsync(ConnectionId, chosen, ct));
            foreach (var option in DrillDown.SourceOptions(ConnectionId, meta, chosen))
            {
                if (Recurse && !option.IsLeaf && depth < MaxDepth) Walk(option.ModelConfiguration, depth + 1);
                else WriteObject(option);
            }
        }
    }
}
