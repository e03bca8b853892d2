using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes an organization's name or SSO settings (partner key).</summary>
    /// <remarks>
    /// <para>Set-PolytomicOrganization changes only what is passed. Polytomic's PUT /api/organizations/{id} replaces the whole organization, so the cmdlet reads the current one first (GET) and sends the change merged over it; the name and SSO settings not passed are kept.</para>
    /// <para>Polytomic does not return the OIDC client id and secret, so pass -ClientId (and -ClientSecret) again with any OIDC change. Needs a partner key; an unknown id is PolytomicApi.NotFound. Outputs nothing unless -PassThru.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole organization, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicOrganization calls racing on one organization can therefore lose one change: the second write puts back what the first one changed. Change one organization from one place at a time, and read it back (Get-PolytomicOrganization) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicOrganization -Name 'Acme Corp' | Set-PolytomicOrganization -NewName 'Acme Inc' -PassThru
    /// </code>
    /// <para>Renames an organization found by name and shows the result; its SSO settings stay as they were.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicOrganization -Id $org.Id -SsoDomain acme.example.com
    /// </code>
    /// <para>Sets the SSO email domain of an organization and keeps its name.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicOrganization", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicOrganization.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicOrganization))]
    public sealed class SetPolytomicOrganizationCommand : PolytomicCmdlet
    {
        /// <summary>The id of the organization to change. Organizations pipe in by Id (or OrganizationId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [IdTransformation(ObjectKinds.Organization)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new name for the organization; the current name is kept when omitted.</summary>
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
