using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicApiKey: mints an API key for a user of an organization (partner key). Polytomic shows the
    /// key once: it is returned as a SecureString unless -AsPlainText.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicApiKey", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicApiKey), typeof(string))]
    public sealed class NewPolytomicApiKeyCommand : PolytomicCmdlet
    {
        /// <summary>The user the key belongs to; users pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = "";

        /// <summary>The user's organization; defaults to the session's (-OrganizationId of Connect-Polytomic).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        public string? OrganizationId { get; set; }

        /// <summary>Replace the user's existing key (Polytomic's force=true); the old key stops working.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Output the key as plain text instead of a SecureString.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override object? ErrorTarget => UserId;

        protected override void ProcessItem()
        {
            var org = string.IsNullOrEmpty(OrganizationId) ? CurrentSession.OrganizationId : OrganizationId;
            if (string.IsNullOrEmpty(org))
                throw new PolytomicInputException("OrganizationIdRequired",
                    "Pass -OrganizationId (or pipe a user): API keys are minted through the partner route of the user's organization.", "OrganizationId", UserId);
            if (!ShouldProcess(UserId, Force ? "Replace API key" : "Create API key")) return;
            var key = Await((c, ct) => c.CreateApiKeyAsync(org!, UserId, Force, ct));
            if (AsPlainText) WriteObject(key.Value == null ? null : SecureStrings.ToPlain(key.Value));
            else WriteObject(key);
        }
    }
}
