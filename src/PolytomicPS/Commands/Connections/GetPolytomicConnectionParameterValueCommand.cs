using System.Collections;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the values a connection's configuration field may take (warehouses, projects, regions...).</summary>
    /// <remarks>
    /// <para>For a stored connection, Get-PolytomicConnectionParameterValue calls GET /api/connections/{id}/parameter_values and outputs one PolytomicParameterValues object per field that has a list of choices; -Field keeps only one field (a field without choices is a ParameterFieldNotFound error).</para>
    /// <para>With -ConnectionType it asks for a configuration that is not saved yet (POST /api/connection_types/{type}/parameter_values): -Field names the field, -Parameter gives the configuration so far (usually the credentials), -Search narrows the values by label, and -ConnectionId lets a stored connection fill in what -Parameter leaves out. Polytomic answers PolytomicApi.BadRequest for a field that has no values.</para>
    /// <para>Use the Value of an entry as the field's value in New-PolytomicConnection or Set-PolytomicConnection -Configuration.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Snowflake Connection' | Get-PolytomicConnectionParameterValue -Field warehouse
    /// </code>
    /// <para>Lists the Snowflake warehouses the stored Warehouse connection can use.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnectionParameterValue -ConnectionType snowflake -Field warehouse -Parameter @{ account = 'xy12345'; username = 'polytomic'; password = $pw } -Search load
    /// </code>
    /// <para>Before creating a Snowflake connection, lists the warehouses whose label contains "load".</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicConnectionParameterValue", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicConnectionParameterValue.md", DefaultParameterSetName = Connection)]
    [OutputType(typeof(PolytomicParameterValues))]
    public sealed class GetPolytomicConnectionParameterValueCommand : PolytomicCmdlet
    {
        public const string Connection = "Connection";
        public const string Type = "Type";

        /// <summary>The id of a stored connection; connections pipe in by Id. With -ConnectionType, the connection whose stored configuration fills in what -Parameter leaves out.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Connection, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = Type)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>A connection type id (snowflake, bigquery...), to ask for a configuration that is not saved yet. Tab completes the types.</summary>
        [Parameter(Mandatory = true, ParameterSetName = Type)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string ConnectionType { get; set; } = "";

        /// <summary>The configuration field whose values to list: required with -ConnectionType, a filter for a stored connection.</summary>
        [Parameter(ParameterSetName = Connection)]
        [Parameter(Mandatory = true, ParameterSetName = Type)]
        [ValidateNotNullOrEmpty]
        public string? Field { get; set; }

        /// <summary>The configuration so far (e.g. the credentials) as a hashtable, with -ConnectionType. SecureString values are sent as their text.</summary>
        [Parameter(ParameterSetName = Type)]
        public IDictionary? Parameter { get; set; }

        /// <summary>With -ConnectionType: only values whose label contains this text.</summary>
        [Parameter(ParameterSetName = Type)]
        public string? Search { get; set; }

        protected override object? ErrorTarget => ConnectionId ?? ConnectionType;

        protected override void ProcessItem()
        {
            if (ParameterSetName == Type)
            {
                var request = new ParameterValuesRequest
                {
                    Field = Field,
                    Parameters = Parameter == null ? null : PSInput.ToDictionary(Parameter, nameof(Parameter)),
                    ConnectionId = string.IsNullOrEmpty(ConnectionId) ? null : ConnectionId,
                    Query = Search,
                };
                WriteObject(Await((c, ct) => c.GetTypeParameterValuesAsync(ConnectionType, request, ct)), true);
                return;
            }
            var all = Await((c, ct) => c.GetParameterValuesAsync(ConnectionId!, ct));
            if (Field == null) { WriteObject(all, true); return; }
            var found = all.Where(p => string.Equals(p.Field, Field, System.StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 0) WriteError(ErrorFactory.NotFound("ParameterFieldNotFound", "field with parameter values", Field));
            WriteObject(found, true);
        }
    }
}
