using System;
using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Registers the endpoint that receives sync and bulk-sync events.</summary>
    /// <remarks>
    /// <para>New-PolytomicWebhook calls POST /api/webhooks. Polytomic then posts sync and bulk-sync events (execution started, completed, failed...) to the endpoint, signed with the secret in the Polytomic-Signature header so the receiver can check them.</para>
    /// <para>The endpoint must be an absolute http(s) URL, else the cmdlet stops with InvalidWebhookEndpoint before sending anything. An organization has one webhook: a second is PolytomicApi.Conflict (change the existing one with Set-PolytomicWebhook). The secret stays a SecureString in the output.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $secret = Read-Host -AsSecureString 'Webhook secret'
    /// New-PolytomicWebhook -Endpoint https://hooks.example.com/polytomic -Secret $secret
    /// </code>
    /// <para>Registers a webhook with a secret typed at the prompt.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicWebhook", HelpUri = HelpLinks.Cmdlets + "New-PolytomicWebhook.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class NewPolytomicWebhookCommand : PolytomicCmdlet
    {
        /// <summary>The absolute http(s) URL that receives the events.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        /// <summary>The secret Polytomic signs each event with (Polytomic-Signature header): a SecureString, or a string converted at once.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>The organization the webhook belongs to; for partner callers only.</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => Endpoint?.ToString();

        protected override void ProcessItem()
        {
            WebhookInput.CheckEndpoint(Endpoint!);
            if (!ShouldProcess(Endpoint!.ToString(), "Create webhook")) return;
            WriteObject(Await((c, ct) => c.CreateWebhookAsync(new WebhookRequest { Endpoint = Endpoint.ToString(), Secret = Secret, OrganizationId = OrganizationId }, ct, OneRequestKey(IdempotencyKey))));
        }
    }
}
