using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Renames a role.</summary>
    /// <remarks>
    /// <para>Set-PolytomicRole reads the role, then sends PUT /api/permissions/roles/{id} with the new name and the role's organization. System roles cannot be changed: Polytomic answers PolytomicApi.Forbidden. An unknown id is PolytomicApi.NotFound.</para>
    /// <para>Outputs nothing unless -PassThru. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole role, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicRole calls racing on one role can therefore lose one change: the second write puts back what the first one changed. Change one role from one place at a time, and read it back (Get-PolytomicRole) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicRole -Name Analysts | Set-PolytomicRole -NewName 'Data Analysts' -PassThru
    /// </code>
    /// <para>Renames a role found by name and shows the result.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicRole", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicRole.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicRole))]
    public sealed class SetPolytomicRoleCommand : PolytomicCmdlet
    {
        /// <summary>The id of the role to rename. Roles pipe in by Id (or RoleId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId")]
        [IdTransformation(ObjectKinds.Role)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>The new name of the role.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; } = "";

        /// <summary>Output the renamed role.</summary>
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
