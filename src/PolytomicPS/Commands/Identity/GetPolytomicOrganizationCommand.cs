using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the organizations a partner key manages, or the caller's own organization.</summary>
    /// <remarks>
    /// <para>Without parameters Get-PolytomicOrganization lists every organization the partner key manages (GET /api/organizations); -Name filters them by name with wildcards, and -Id reads given ones (GET /api/organizations/{id}). A literal -Name that matches nothing is an OrganizationNotFound error; an unknown -Id is PolytomicApi.NotFound, and the other ids are still read.</para>
    /// <para>These routes need a partner key (Connect-Polytomic -PartnerKey); with a user API key Polytomic answers PolytomicApi.Forbidden. -CurrentOrganization instead reads the key's own organization (GET /api/organization), which works with a plain API key but exists only in API version 2025-09-18 (ApiVersionNotSupported in a 2024-02-08 session).</para>
    /// <para>Outputs PolytomicOrganization objects; they pipe into Get-PolytomicUser, New-PolytomicUser, Set-PolytomicOrganization and Remove-PolytomicOrganization.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Connect-Polytomic -PartnerKey $partnerKey | Out-Null
    /// Get-PolytomicOrganization -Name 'Acme*'
    /// </code>
    /// <para>Lists the managed organizations whose names start with Acme.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Connect-Polytomic -ApiKey $env:POLYTOMIC_API_KEY -ApiVersion 2025-09-18 | Out-Null
    /// Get-PolytomicOrganization -CurrentOrganization
    /// </code>
    /// <para>Shows the organization of a plain user API key.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicOrganization", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicOrganization.md", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicOrganization))]
    public sealed class GetPolytomicOrganizationCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";
        public const string Current = "Current";

        /// <summary>The ids of the organizations to read. Accepts pipeline input; organizations and users pipe in by their OrganizationId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [IdTransformation(ObjectKinds.Organization)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only organizations whose name matches; wildcards are allowed. A literal name that matches nothing is an OrganizationNotFound error.</summary>
        [Parameter(Position = 0, ParameterSetName = List)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Read the organization of the session's key instead (GET /api/organization). Works with a plain API key; API version 2025-09-18 only.</summary>
        [Parameter(Mandatory = true, ParameterSetName = Current)]
        public SwitchParameter CurrentOrganization { get; set; }


        protected override void ProcessItem()
        {
            switch (ParameterSetName)
            {
                case ById:
                    WriteEach(Id, id => Await((c, ct) => c.GetOrganizationAsync(id, ct)));
                    return;
                case Current:
                    WriteObject(Await((c, ct) => c.GetCurrentOrganizationAsync(ct)));
                    return;
            }
            var w = Name == null ? null : Wildcards.Get(Name, nameof(Name));
            var all = Await((c, ct) => c.ListOrganizationsAsync(ct));
            if (w == null || Name == null) { WriteObject(all, true); return; }
            var found = all.Where(o => w.IsMatch(o.Name ?? "")).ToList();
            if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorFactory.NotFound("OrganizationNotFound", "organization", Name));
            WriteObject(found, true);
        }
    }
}
