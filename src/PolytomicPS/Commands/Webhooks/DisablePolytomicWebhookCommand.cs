using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Disable-PolytomicWebhook: pauses event delivery.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "PolytomicWebhook", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class DisablePolytomicWebhookCommand : PolytomicCmdlet
    {
        /// <summary>The webhook id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Output the webhook.</summary>
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
