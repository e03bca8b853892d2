using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicUser: removes a user from an organization (-OrganizationId: partner route; else the
    /// current organization, 2025-09-18).</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class RemovePolytomicUserCommand : PolytomicCmdlet
    {
        /// <summary>The user id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>The organization (partner route); users pipe in with theirs.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        public string? OrganizationId { get; set; }

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Output the removed user (Polytomic answers with it).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool typedOrganization;

        protected override void BeginProcessing() => typedOrganization = MyInvocation.BoundParameters.ContainsKey(nameof(OrganizationId));

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, "Remove user")) return;
            var org = UserInput.PartnerOrganization(OrganizationId, typedOrganization, CurrentSession);
            var removed = Await((c, ct) => c.DeleteUserAsync(org, Id, ct));
            if (PassThru) WriteObject(removed);
        }
    }
}
