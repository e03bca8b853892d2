using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a webhook; events stop being delivered.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicWebhook calls DELETE /api/webhooks/{id}. To pause delivery instead, use Disable-PolytomicWebhook. An unknown id is PolytomicApi.NotFound.</para>
    /// <para>The cmdlet has ConfirmImpact High and asks first unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicWebhook | Remove-PolytomicWebhook
    /// </code>
    /// <para>Deletes the organization's webhook after asking for confirmation.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-PolytomicWebhook -Id $webhook.Id -Force
    /// </code>
    /// <para>Deletes a webhook by id without prompting.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicWebhook", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicWebhook.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicWebhookCommand : PolytomicCmdlet
    {
        /// <summary>The id of the webhook to delete. Webhooks pipe in by Id (or WebhookId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WebhookId")]
        [IdTransformation(ObjectKinds.Webhook)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, "Delete webhook")) return;
            Await((c, ct) => c.DeleteWebhookAsync(Id, ct));
        }
    }
}
