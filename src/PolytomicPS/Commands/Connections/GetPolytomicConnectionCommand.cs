using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicConnection: one by id, by name (wildcards), or all.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicConnection", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class GetPolytomicConnectionCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only connections of this type.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string? Type { get; set; }

        private string? current;
        protected override object? ErrorTarget => current;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetConnectionAsync(id, ct))); }
                    catch (Polytomic.PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                }
                return;
            }
            var all = Await((c, ct) => c.ListConnectionsAsync(ct));
            CurrentSession.Completion.Invalidate("connections");
            var matches = Type == null ? all : all.Where(x => string.Equals(x.Type, Type, System.StringComparison.OrdinalIgnoreCase)).ToList();
            if (Name == null || Name.Length == 0) { WriteObject(matches, true); return; }
            foreach (var pattern in Name)
            {
                var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
                var found = matches.Where(x => wildcard.IsMatch(x.Name ?? "")).ToList();
                if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                    WriteError(ErrorFactory.NotFound("ConnectionNotFound", "connection", pattern));
                WriteObject(found, true);
            }
        }
    }
}
