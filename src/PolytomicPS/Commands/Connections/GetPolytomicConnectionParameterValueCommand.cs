using System.Collections;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicConnectionParameterValue: the values a configuration field may take (warehouses, projects,
    /// regions…), for a stored connection or, with -Type, for a connection being configured.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicConnectionParameterValue", DefaultParameterSetName = Connection)]
    [OutputType(typeof(PolytomicParameterValues))]
    public sealed class GetPolytomicConnectionParameterValueCommand : PolytomicCmdlet
    {
        public const string Connection = "Connection";
        public const string Type = "Type";

        /// <summary>A stored connection; connections pipe in. With -ConnectionType, the connection whose stored
        /// configuration fills what -Parameter leaves out.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Connection, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = Type)]
        [Alias("Id")]
        [IdTransformation]
        public string? ConnectionId { get; set; }

        /// <summary>A connection type (the POST route for a configuration not saved yet).</summary>
        [Parameter(Mandatory = true, ParameterSetName = Type)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string ConnectionType { get; set; } = "";

        /// <summary>The field whose values to list (required with -ConnectionType; a filter otherwise).</summary>
        [Parameter(ParameterSetName = Connection)]
        [Parameter(Mandatory = true, ParameterSetName = Type)]
        [ValidateNotNullOrEmpty]
        public string? Field { get; set; }

        /// <summary>The configuration so far (e.g. credentials), for -ConnectionType.</summary>
        [Parameter(ParameterSetName = Type)]
        public IDictionary? Parameter { get; set; }

        /// <summary>Only values whose label contains this text (-ConnectionType).</summary>
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
