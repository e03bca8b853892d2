using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicOrganization: changes only what is passed. Polytomic's PUT replaces the organization, so
    /// the current one is read first and the change merged over it.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicOrganization", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicOrganization))]
    public sealed class SetPolytomicOrganizationCommand : PolytomicCmdlet
    {
        /// <summary>The organization id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>The email domain signed in through SSO.</summary>
        [Parameter]
        public string? SsoDomain { get; set; }

        /// <summary>The organization id at the SSO provider.</summary>
        [Parameter]
        public string? SsoOrgId { get; set; }

        /// <summary>The OIDC issuer URL.</summary>
        [Parameter]
        public string? Issuer { get; set; }

        /// <summary>The OIDC client id (not returned by Polytomic: pass it again with any OIDC change).</summary>
        [Parameter]
        public string? ClientId { get; set; }

        /// <summary>The OIDC client secret (write-only).</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ClientSecret { get; set; }

        /// <summary>Output the updated organization.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var current = Await((c, ct) => c.GetOrganizationAsync(Id, ct));
            if (!ShouldProcess($"{current.Name} ({Id})", "Update organization")) return;
            var updated = Await((c, ct) => c.UpdateOrganizationAsync(Id, new OrganizationRequest
            {
                Name = NewName ?? current.Name,
                SsoDomain = SsoDomain ?? current.SsoDomain,
                SsoOrgId = SsoOrgId ?? current.SsoOrgId,
                Issuer = Issuer ?? current.Issuer,
                ClientId = ClientId,
                ClientSecret = ClientSecret,
            }, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
