using System;
using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicWebhook: changes the endpoint and/or secret. The PUT needs both, so the one not passed is
    /// taken from the current webhook.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicWebhook", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class SetPolytomicWebhookCommand : PolytomicCmdlet
    {
        /// <summary>The webhook id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new endpoint URL.</summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        /// <summary>A new signing secret.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? Secret { get; set; }

        /// <summary>Output the updated webhook.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Endpoint != null) WebhookInput.CheckEndpoint(Endpoint);
            var current = Await((c, ct) => c.GetWebhookAsync(Id, ct));
            if (!ShouldProcess($"{current.Endpoint} ({Id})", "Update webhook")) return;
            var updated = Await((c, ct) => c.UpdateWebhookAsync(Id, new WebhookRequest
            {
                Endpoint = Endpoint?.ToString() ?? current.Endpoint,
                Secret = Secret ?? current.Secret,
                OrganizationId = current.OrganizationId,
            }, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
