using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates an organization (partner key).</summary>
    /// <remarks>
    /// <para>New-PolytomicOrganization calls POST /api/organizations with the name and, optionally, the SSO and OIDC settings, and outputs the new PolytomicOrganization. The OIDC client secret is sent but never returned.</para>
    /// <para>Creating organizations needs a partner key (Connect-Polytomic -PartnerKey); with a user API key Polytomic answers PolytomicApi.Forbidden. The usual partner flow is New-PolytomicOrganization, then New-PolytomicUser in it, then New-PolytomicApiKey for that user.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Connect-Polytomic -PartnerKey $partnerKey | Out-Null
    /// $org = New-PolytomicOrganization -Name 'Acme Corp'
    /// </code>
    /// <para>Creates an organization and keeps it for the next steps (users, keys).</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicOrganization -Name 'Globex' -SsoDomain globex.example.com -Issuer https://login.globex.example.com -ClientId polytomic -ClientSecret $oidcSecret
    /// </code>
    /// <para>Creates an organization whose users sign in through the Globex OIDC provider; $oidcSecret can be a SecureString.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicOrganization", HelpUri = HelpLinks.Cmdlets + "New-PolytomicOrganization.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicOrganization))]
    public sealed class NewPolytomicOrganizationCommand : PolytomicCmdlet
    {
        /// <summary>The organization's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The email domain whose users sign in through SSO (e.g. example.com).</summary>
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

        /// <summary>The OIDC client secret: a SecureString, or a string converted at once. Write-only: Polytomic never returns it.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ClientSecret { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Name, "Create organization")) return;
            WriteObject(Await((c, ct) => c.CreateOrganizationAsync(new OrganizationRequest
            {
                Name = Name, SsoDomain = SsoDomain, SsoOrgId = SsoOrgId, Issuer = Issuer, ClientId = ClientId, ClientSecret = ClientSecret,
            }, ct, OneRequestKey(IdempotencyKey))));
        }
    }
}
