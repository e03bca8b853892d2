using System;
using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicWebhook: registers the endpoint Polytomic posts sync and bulk-sync events to, signed with
    /// the secret (one webhook per organization).</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicWebhook", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class NewPolytomicWebhookCommand : PolytomicCmdlet
    {
        /// <summary>The https URL that receives events.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        /// <summary>The signing secret (Polytomic-Signature). A SecureString; a plain string is converted at once.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>Partner callers only: the organization.</summary>
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
