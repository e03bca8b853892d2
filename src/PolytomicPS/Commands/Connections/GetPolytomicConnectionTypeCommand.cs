using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the connection types Polytomic supports, or the configuration fields of one.</summary>
    /// <remarks>
    /// <para>Without -Type, Get-PolytomicConnectionType lists the catalogue: each type id, its name, whether it uses OAuth and what it can be (source, destination, ...). With -Type it lists that type's configuration fields: name, value type, whether it is required or secret, its default and title. Use the field names as keys of -Configuration in New-PolytomicConnection.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnectionType -Name '*sql*'
    /// </code>
    /// <para>Lists the connection types whose id or name contains sql.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnectionType -Type snowflake | Where-Object Required
    /// </code>
    /// <para>Shows the fields a Snowflake connection must have.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicConnectionType", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicConnectionType.md", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicConnectionType), ParameterSetName = new[] { List })]
    [OutputType(typeof(PolytomicConnectionTypeField), ParameterSetName = new[] { Schema })]
    public sealed class GetPolytomicConnectionTypeCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string Schema = "Schema";

        /// <summary>The connection type id whose configuration fields to list (snowflake, postgresql, ...). Tab completes the types.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Schema, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string Type { get; set; } = "";

        /// <summary>Only types whose id or name matches this pattern; wildcards are allowed.</summary>
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
            var w = Name == null ? null : Wildcards.Get(Name, nameof(Name));
            var types = Await((c, ct) => c.ListConnectionTypesAsync(ct));
            if (w != null)
            {
                types = types.Where(t => w.IsMatch(t.Id) || w.IsMatch(t.Name ?? "")).ToList();
            }
            WriteObject(types, true);
        }
    }
}
