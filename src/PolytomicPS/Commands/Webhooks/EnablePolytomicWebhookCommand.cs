using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Enable-PolytomicWebhook: resumes event delivery (events from while it was disabled are not replayed).</summary>
    [Cmdlet(VerbsLifecycle.Enable, "PolytomicWebhook", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class EnablePolytomicWebhookCommand : PolytomicCmdlet
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
            if (!ShouldProcess(Id, "Enable webhook")) return;
            var webhook = Await((c, ct) => c.SetWebhookEnabledAsync(Id, true, ct));
            if (PassThru) WriteObject(webhook);
        }
    }
}
