using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicRole: renames a role (system roles cannot be changed).</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicRole", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicRole))]
    public sealed class SetPolytomicRoleCommand : PolytomicCmdlet
    {
        /// <summary>The role id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>The new name.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; } = "";

        /// <summary>Output the updated role.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var current = Await((c, ct) => c.GetRoleAsync(Id, ct));
            if (!ShouldProcess($"{current.Name} ({Id})", "Rename role to " + NewName)) return;
            var updated = Await((c, ct) => c.UpdateRoleAsync(Id, new RoleRequest { Name = NewName, OrganizationId = current.OrganizationId }, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
