using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicOrganization: the organizations a partner key manages (by id, by name, or all), or with
    /// -Current the caller's own organization (API version 2025-09-18).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicOrganization", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicOrganization))]
    public sealed class GetPolytomicOrganizationCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";
        public const string Current = "Current";

        /// <summary>Organization ids (organizations and users pipe in by OrganizationId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Filter by name (wildcards).</summary>
        [Parameter(Position = 0, ParameterSetName = List)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>The organization of the session's key (works with a plain API key).</summary>
        [Parameter(Mandatory = true, ParameterSetName = Current)]
        public SwitchParameter CurrentOrganization { get; set; }

        private string? current;
        protected override object? ErrorTarget => current;

        protected override void ProcessItem()
        {
            switch (ParameterSetName)
            {
                case ById:
                    foreach (var id in Id)
                    {
                        current = id;
                        try { WriteObject(Await((c, ct) => c.GetOrganizationAsync(id, ct))); }
                        catch (Polytomic.PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                    }
                    return;
                case Current:
                    WriteObject(Await((c, ct) => c.GetCurrentOrganizationAsync(ct)));
                    return;
            }
            var all = Await((c, ct) => c.ListOrganizationsAsync(ct));
            if (Name == null) { WriteObject(all, true); return; }
            var w = WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var found = all.Where(o => w.IsMatch(o.Name ?? "")).ToList();
            if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorFactory.NotFound("OrganizationNotFound", "organization", Name));
            WriteObject(found, true);
        }
    }
}
