using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes an organization and everything in it (partner key).</summary>
    /// <remarks>
    /// <para>Remove-PolytomicOrganization calls DELETE /api/organizations/{id}. All the organization's connections, models, syncs and users go with it, so the cmdlet has ConfirmImpact High and asks first unless -Force or -Confirm:$false is given.</para>
    /// <para>Needs a partner key; an unknown id is PolytomicApi.NotFound. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicOrganization -Name 'Acme Corp' | Remove-PolytomicOrganization
    /// </code>
    /// <para>Deletes the Acme Corp organization after asking for confirmation.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicOrganization -Name 'ci-*' | Remove-PolytomicOrganization -Force
    /// </code>
    /// <para>Deletes every test organization whose name starts with ci- without prompting, as a cleanup script would.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicOrganization", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicOrganization.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicOrganizationCommand : PolytomicCmdlet
    {
        /// <summary>The id of the organization to delete. Organizations pipe in by Id (or OrganizationId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [IdTransformation(ObjectKinds.Organization)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
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
