using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Resumes event delivery to a webhook.</summary>
    /// <remarks>
    /// <para>Enable-PolytomicWebhook calls POST /api/webhooks/{id}/enable. Events from while the webhook was disabled are not replayed. An unknown id is PolytomicApi.NotFound.</para>
    /// <para>Outputs nothing unless -PassThru. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicWebhook | Enable-PolytomicWebhook -PassThru
    /// </code>
    /// <para>Turns delivery back on and shows the webhook.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Enable, "PolytomicWebhook", HelpUri = HelpLinks.Cmdlets + "Enable-PolytomicWebhook.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class EnablePolytomicWebhookCommand : PolytomicCmdlet
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
            if (!ShouldProcess(Id, "Enable webhook")) return;
            var webhook = Await((c, ct) => c.SetWebhookEnabledAsync(Id, true, ct));
            if (PassThru) WriteObject(webhook);
        }
    }
}
