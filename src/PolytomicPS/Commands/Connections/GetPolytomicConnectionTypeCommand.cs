using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicConnectionType: the catalogue of connection types, or with -Type the configuration fields
    /// of one (required, secret, default).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicConnectionType", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicConnectionType), ParameterSetName = new[] { List })]
    [OutputType(typeof(PolytomicConnectionTypeField), ParameterSetName = new[] { Schema })]
    public sealed class GetPolytomicConnectionTypeCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string Schema = "Schema";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Schema, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string Type { get; set; } = "";

        /// <summary>Filter the catalogue by id or name (wildcards).</summary>
        [Parameter(ParameterSetName = List)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override object? ErrorTarget => Type;

        protected override void ProcessItem()
        {
            if (ParameterSetName == Schema)
            {
                WriteObject(GetTypeSchema(Type).Fields, true);
                return;
            }
            var types = Await((c, ct) => c.ListConnectionTypesAsync(ct));
            if (Name != null)
            {
                var w = WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
                types = types.Where(t => w.IsMatch(t.Id) || w.IsMatch(t.Name ?? "")).ToList();
            }
            WriteObject(types, true);
        }
    }
}
