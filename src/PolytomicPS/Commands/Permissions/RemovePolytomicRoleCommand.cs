using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a role.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicRole calls DELETE /api/permissions/roles/{id}. System roles (Admin, Member...) cannot be deleted: Polytomic answers PolytomicApi.Forbidden. An unknown id is PolytomicApi.NotFound.</para>
    /// <para>The cmdlet has ConfirmImpact High and asks first unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicRole -Name Analysts | Remove-PolytomicRole
    /// </code>
    /// <para>Deletes a role after asking for confirmation.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicRole -Name 'tmp-*' | Remove-PolytomicRole -Force
    /// </code>
    /// <para>Deletes every temporary role without prompting.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicRole", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicRole.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicRoleCommand : PolytomicCmdlet
    {
        /// <summary>The id of the role to delete. Roles pipe in by Id (or RoleId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId")]
        [IdTransformation(ObjectKinds.Role)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
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
