using System;
using System.Management.Automation;
using System.Security;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes a webhook's endpoint or signing secret.</summary>
    /// <remarks>
    /// <para>Set-PolytomicWebhook sends PUT /api/webhooks/{id}, which needs both the endpoint and the secret: the one not passed is read from the current webhook first, so rotating the secret keeps the endpoint and the other way round.</para>
    /// <para>A new endpoint must be an absolute http(s) URL (InvalidWebhookEndpoint otherwise); an unknown id is PolytomicApi.NotFound. Outputs nothing unless -PassThru. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole webhook, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicWebhook calls racing on one webhook can therefore lose one change: the second write puts back what the first one changed. Change one webhook from one place at a time, and read it back (Get-PolytomicWebhook) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicWebhook | Set-PolytomicWebhook -Endpoint https://hooks.example.com/v2 -PassThru
    /// </code>
    /// <para>Moves the webhook to a new endpoint and keeps its secret.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicWebhook | Set-PolytomicWebhook -Secret (Read-Host -AsSecureString 'New secret')
    /// </code>
    /// <para>Rotates the signing secret.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicWebhook", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicWebhook.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class SetPolytomicWebhookCommand : PolytomicCmdlet
    {
        /// <summary>The id of the webhook to change. Webhooks pipe in by Id (or WebhookId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [IdTransformation(ObjectKinds.Webhook)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new absolute http(s) URL; the current endpoint is kept when omitted.</summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        /// <summary>A new signing secret (SecureString, or a string converted at once); the current secret is kept when omitted.</summary>
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
