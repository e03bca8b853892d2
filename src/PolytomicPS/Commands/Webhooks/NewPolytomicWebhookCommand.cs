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

        protected override object? ErrorTarget => Endpoint?.ToString();

        protected override void ProcessItem()
        {
            WebhookInput.CheckEndpoint(Endpoint!);
            if (!ShouldProcess(Endpoint!.ToString(), "Create webhook")) return;
            WriteObject(Await((c, ct) => c.CreateWebhookAsync(new WebhookRequest { Endpoint = Endpoint.ToString(), Secret = Secret, OrganizationId = OrganizationId }, ct)));
        }
    }

    internal static class WebhookInput
    {
        public static void CheckEndpoint(Uri endpoint)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
                throw new Polytomic.PolytomicInputException("InvalidWebhookEndpoint", $"The endpoint '{endpoint}' must be an absolute http(s) URL.", "Endpoint", endpoint.ToString());
        }
    }
}
