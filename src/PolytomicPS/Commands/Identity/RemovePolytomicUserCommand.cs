using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Removes a user from an organization.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicUser calls DELETE /api/organizations/{org_id}/users/{id} when an organization is given (partner route), else DELETE /api/organization/users/{id} for the current organization, which exists only in API version 2025-09-18.</para>
    /// <para>The cmdlet has ConfirmImpact High and asks first unless -Force or -Confirm:$false is given. An unknown user is PolytomicApi.NotFound. With -PassThru it outputs the removed user, as Polytomic returns it.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicUser -Email bo@example.com | Remove-PolytomicUser
    /// </code>
    /// <para>Removes a user of the current organization after asking for confirmation.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicOrganization -Name 'Acme Corp' | Get-PolytomicUser | Where-Object Email -Like '*@contractor.example.com' | Remove-PolytomicUser -Force -PassThru
    /// </code>
    /// <para>Removes all contractor accounts of a managed organization without prompting and lists them.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicUser", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicUser.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class RemovePolytomicUserCommand : PolytomicCmdlet
    {
        /// <summary>The id of the user to remove. Users pipe in by Id (or UserId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [IdTransformation(ObjectKinds.User)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>The user's organization, selecting the partner route. Users pipe in with theirs; omit it for the current organization (2025-09-18).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Organization)]
        public string? OrganizationId { get; set; }

        /// <summary>Remove without asking for confirmation.</summary>
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
