using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicOrganization: deletes an organization and everything in it (partner key).</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicOrganizationCommand : PolytomicCmdlet
    {
        /// <summary>The organization id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, "Delete organization and everything in it")) return;
            Await((c, ct) => c.DeleteOrganizationAsync(Id, ct));
        }
    }
}
