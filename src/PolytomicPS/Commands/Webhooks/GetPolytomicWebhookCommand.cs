using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the organization's event webhooks.</summary>
    /// <remarks>
    /// <para>Without -Id, Get-PolytomicWebhook lists the organization's webhooks (GET /api/webhooks; Polytomic allows one per organization); with -Id it reads given ones (GET /api/webhooks/{id}), and an unknown id is PolytomicApi.NotFound while the other ids are still read.</para>
    /// <para>Outputs PolytomicWebhook objects with the Endpoint, whether delivery is Disabled, and the signing Secret as a SecureString that is never displayed.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicWebhook
    /// </code>
    /// <para>Shows the organization's webhook: its endpoint and whether it is enabled.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicWebhook | Where-Object Disabled | Enable-PolytomicWebhook
    /// </code>
    /// <para>Resumes delivery of a webhook that was disabled.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicWebhook", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicWebhook.md", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicWebhook))]
    public sealed class GetPolytomicWebhookCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";

        /// <summary>The ids of the webhooks to read. Webhooks pipe in by Id (or WebhookId).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [IdTransformation(ObjectKinds.Webhook)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];


        protected override void ProcessItem()
        {
            if (ParameterSetName == List) { WriteObject(Await((c, ct) => c.ListWebhooksAsync(ct)), true); return; }
            WriteEach(Id, id => Await((c, ct) => c.GetWebhookAsync(id, ct)));
        }
    }
}
