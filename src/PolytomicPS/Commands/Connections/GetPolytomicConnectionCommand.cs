using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets Polytomic connections: all of them, by name, or by id.</summary>
    /// <remarks>
    /// <para>Without parameters Get-PolytomicConnection lists every connection of the account. -Name takes wildcards; a name without wildcards that matches nothing is a ConnectionNotFound error. -Id (or pipeline objects with an Id or ConnectionId property) reads connections one by one; an unknown id is a PolytomicApi.NotFound error.</para>
    /// <para>Connections carry Id and ConnectionId, so they pipe into the other connection cmdlets and into cmdlets that take -ConnectionId.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection
    /// </code>
    /// <para>Lists every connection: name, type, status and id.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Snow*' -Type snowflake
    /// </code>
    /// <para>Lists the Snowflake connections whose names start with Snow.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $warehouse.Id | Get-PolytomicConnection | Format-List *
    /// </code>
    /// <para>Reads one connection by id (a plain id string pipes in as well as a connection) and shows all its properties.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicConnection", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicConnection.md", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class GetPolytomicConnectionCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>The ids of the connections to get. Takes pipeline input, and objects with an Id or ConnectionId property.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Names of connections to get; wildcards are allowed. Tab completes the names.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only connections of this type id (snowflake, salesforce, ...). Tab completes the types.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string? Type { get; set; }


        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetConnectionAsync(id, ct)));
                return;
            }
            var names = new NameFilter(Name);
            var all = Await((c, ct) => c.ListConnectionsAsync(ct));
            CurrentSession.Completion.Invalidate("connections");
            var matches = Type == null ? all : all.Where(x => string.Equals(x.Type, Type, System.StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var c in matches) if (names.Matches(c.Name)) WriteObject(c);
            foreach (var e in names.Missing("ConnectionNotFound", "connection")) WriteError(e);
        }
    }
}
