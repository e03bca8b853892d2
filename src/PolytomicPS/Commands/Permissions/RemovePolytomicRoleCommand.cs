using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicRole: deletes a role (system roles cannot be deleted).</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicRoleCommand : PolytomicCmdlet
    {
        /// <summary>The role id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, "Delete role")) return;
            Await((c, ct) => c.DeleteRoleAsync(Id, ct));
        }
    }
}
