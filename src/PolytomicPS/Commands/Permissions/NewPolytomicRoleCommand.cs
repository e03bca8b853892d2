using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicRole: creates a role.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicRole", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicRole))]
    public sealed class NewPolytomicRoleCommand : PolytomicCmdlet
    {
        /// <summary>The role's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>Partner callers only: the organization to create it in.</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Name, "Create role")) return;
            WriteObject(Await((c, ct) => c.CreateRoleAsync(new RoleRequest { Name = Name, OrganizationId = OrganizationId }, ct)));
        }
    }
}
