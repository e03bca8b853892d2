using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicWebhook: the organization's event webhook(s), or one by id. Secrets stay SecureStrings.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicWebhook", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class GetPolytomicWebhookCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";

        /// <summary>Webhook ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        private string? current;
        protected override object? ErrorTarget => current;

        protected override void ProcessItem()
        {
            if (ParameterSetName == List) { WriteObject(Await((c, ct) => c.ListWebhooksAsync(ct)), true); return; }
            foreach (var id in Id)
            {
                current = id;
                try { WriteObject(Await((c, ct) => c.GetWebhookAsync(id, ct))); }
                catch (Polytomic.PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
            }
        }
    }
}
