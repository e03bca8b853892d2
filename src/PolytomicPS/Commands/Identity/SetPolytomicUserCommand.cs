using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes a user's roles or email.</summary>
    /// <remarks>
    /// <para>Set-PolytomicUser reads the user first and sends the change merged over it, because the PUT replaces the user's email and roles: what is not passed is kept.</para>
    /// <para>With -OrganizationId (or a piped user in a partner session) it uses the partner route PUT /api/organizations/{org_id}/users/{id}, which can also change the email. Without it, the current organization's route PUT /api/organization/users/{id} (API version 2025-09-18 only) changes roles only: -Email there is refused with EmailNeedsOrganizationId. -Role and -RoleId together are refused with RoleAndRoleIdTogether.</para>
    /// <para>Outputs nothing unless -PassThru. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole user, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicUser calls racing on one user can therefore lose one change: the second write puts back what the first one changed. Change one user from one place at a time, and read it back (Get-PolytomicUser) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicUser -Email bo@example.com | Set-PolytomicUser -RoleId (Get-PolytomicRole -Name Admin) -PassThru
    /// </code>
    /// <para>Makes a user of the current organization an admin, replacing their roles.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicUser -Id $user.Id -OrganizationId $org.Id -Email ana.new@acme.example.com
    /// </code>
    /// <para>Changes a user's email through the partner route and keeps their roles.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicUser", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicUser.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class SetPolytomicUserCommand : PolytomicCmdlet
    {
        /// <summary>The id of the user to change. Users pipe in by Id (or UserId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [IdTransformation(ObjectKinds.User)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>The user's organization, selecting the partner route. Users pipe in with theirs; omit it for the current organization (2025-09-18).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Organization)]
        public string? OrganizationId { get; set; }

        /// <summary>A new email address (partner route only).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>The ids of the roles to give the user, replacing the current ones; role objects are accepted too. Not together with -Role.</summary>
        [Parameter]
        [IdTransformation(ObjectKinds.Role)]
        public string[]? RoleId { get; set; }

        /// <summary>The deprecated single role name; not together with -RoleId.</summary>
        [Parameter]
        public string? Role { get; set; }

        /// <summary>Output the updated user.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool typedOrganization;

        protected override void BeginProcessing() => typedOrganization = MyInvocation.BoundParameters.ContainsKey(nameof(OrganizationId));

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var org = UserInput.PartnerOrganization(OrganizationId, typedOrganization, CurrentSession);
            if (org == null && Email != null)
                throw new PolytomicInputException("EmailNeedsOrganizationId",
                    "The current organization's user route changes roles only; pass -OrganizationId to change the email (partner key).", "Email", Id);
            var request = UserInput.Request(Email, Role, RoleId);
            var current = Await((c, ct) => c.GetUserAsync(org, Id, ct));
            if (!ShouldProcess($"{current.Email} ({Id})", "Update user")) return;
            request.Email ??= current.Email;
            if (request.Role == null && request.RoleIds == null) request.RoleIds = current.RoleIds;
            var updated = Await((c, ct) => c.UpdateUserAsync(org, Id, request, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
