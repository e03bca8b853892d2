using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Pauses event delivery to a webhook.</summary>
    /// <remarks>
    /// <para>Disable-PolytomicWebhook calls POST /api/webhooks/{id}/disable. The webhook and its settings are kept; events raised while it is disabled are dropped, not queued. Enable-PolytomicWebhook resumes delivery. An unknown id is PolytomicApi.NotFound.</para>
    /// <para>Outputs nothing unless -PassThru. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicWebhook | Disable-PolytomicWebhook
    /// </code>
    /// <para>Stops delivery while the receiving service is down for maintenance.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Disable, "PolytomicWebhook", HelpUri = HelpLinks.Cmdlets + "Disable-PolytomicWebhook.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class DisablePolytomicWebhookCommand : PolytomicCmdlet
    {
        /// <summary>The id of the webhook. Webhooks pipe in by Id (or WebhookId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [IdTransformation(ObjectKinds.Webhook)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Output the webhook after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Id, "Disable webhook")) return;
            var webhook = Await((c, ct) => c.SetWebhookEnabledAsync(Id, false, ct));
            if (PassThru) WriteObject(webhook);
        }
    }
}
