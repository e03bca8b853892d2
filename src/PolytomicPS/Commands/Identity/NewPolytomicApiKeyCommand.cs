using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Mints an API key for a user of an organization (partner key).</summary>
    /// <remarks>
    /// <para>New-PolytomicApiKey calls POST /api/organizations/{org_id}/users/{id}/keys, the partner route that gives a user of a managed organization an API key; that key then drives the organization's connections, models and syncs.</para>
    /// <para>Polytomic shows the key only once. The output is a PolytomicApiKey whose Value is a SecureString (never shown, logged or written to a stream); -AsPlainText outputs the key as a string instead, for example to pass to Connect-Polytomic -ApiKey or a secret store.</para>
    /// <para>A user who already has a key gets PolytomicApi.Conflict; -Force replaces it (force=true) and the old key stops working. Without -OrganizationId and a piped user, the session's -OrganizationId is used, else the cmdlet stops with OrganizationIdRequired. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $user = New-PolytomicOrganization -Name 'Acme Corp' | New-PolytomicUser -Email ana@acme.example.com -Role admin
    /// $key = $user | New-PolytomicApiKey -AsPlainText
    /// $acme = Connect-Polytomic -ApiKey $key -NoDefault
/// Get-PolytomicConnection -Session $acme
    /// </code>
    /// <para>Creates an organization and its admin, mints the admin's key and opens a second session with it; -NoDefault leaves the partner session the default.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $user | New-PolytomicApiKey -Force
    /// </code>
    /// <para>Replaces the user's key (the old one stops working) and outputs the new one as a SecureString.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicApiKey", HelpUri = HelpLinks.Cmdlets + "New-PolytomicApiKey.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicApiKey), typeof(string))]
    public sealed class NewPolytomicApiKeyCommand : PolytomicCmdlet
    {
        /// <summary>The id of the user the key belongs to. Users pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.User)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = "";

        /// <summary>The user's organization. Users pipe in with theirs; defaults to the session's organization (-OrganizationId of Connect-Polytomic).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Organization)]
        public string? OrganizationId { get; set; }

        /// <summary>Replace the user's existing key (Polytomic's force=true); the old key stops working. Without it a user who has a key gets PolytomicApi.Conflict.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Output the key as a plain string instead of a PolytomicApiKey holding a SecureString.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem()
        {
            var org = string.IsNullOrEmpty(OrganizationId) ? CurrentSession.OrganizationId : OrganizationId;
            if (string.IsNullOrEmpty(org))
                throw new PolytomicInputException("OrganizationIdRequired",
                    "Pass -OrganizationId (or pipe a user): API keys are minted through the partner route of the user's organization.", "OrganizationId", UserId);
            if (!ShouldProcess(UserId, Force ? "Replace API key" : "Create API key")) return;
            var key = Await((c, ct) => c.CreateApiKeyAsync(org!, UserId, Force, ct, OneRequestKey(IdempotencyKey)));
            if (AsPlainText) WriteObject(key.Value == null ? null : SecureStrings.ToPlain(key.Value));
            else WriteObject(key);
        }
    }
}
