using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicOrganization: creates an organization (partner key).</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicOrganization", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicOrganization))]
    public sealed class NewPolytomicOrganizationCommand : PolytomicCmdlet
    {
        /// <summary>The organization's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The email domain signed in through SSO.</summary>
        [Parameter]
        public string? SsoDomain { get; set; }

        /// <summary>The organization id at the SSO provider.</summary>
        [Parameter]
        public string? SsoOrgId { get; set; }

        /// <summary>The OIDC issuer URL.</summary>
        [Parameter]
        public string? Issuer { get; set; }

        /// <summary>The OIDC client id.</summary>
        [Parameter]
        public string? ClientId { get; set; }

        /// <summary>The OIDC client secret (write-only; never returned).</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ClientSecret { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Name, "Create organization")) return;
            WriteObject(Await((c, ct) => c.CreateOrganizationAsync(new OrganizationRequest
            {
                Name = Name, SsoDomain = SsoDomain, SsoOrgId = SsoOrgId, Issuer = Issuer, ClientId = ClientId, ClientSecret = ClientSecret,
            }, ct)));
        }
    }
}
