using System.Collections.Generic;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicUser: invites a user (Polytomic emails them). With -OrganizationId into that organization
    /// (partner route), else into the current one (2025-09-18).</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicUser", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class NewPolytomicUserCommand : PolytomicCmdlet
    {
        /// <summary>The user's email address.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = "";

        /// <summary>The organization (partner route); organizations pipe in.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        public string? OrganizationId { get; set; }

        /// <summary>Role ids (Get-PolytomicRole); roles pipe in by id.</summary>
        [Parameter]
        [IdTransformation]
        public string[]? RoleId { get; set; }

        /// <summary>The deprecated single role name (admin, user…); not together with -RoleId.</summary>
        [Parameter]
        public string? Role { get; set; }

        private bool typedOrganization;

        protected override void BeginProcessing() => typedOrganization = MyInvocation.BoundParameters.ContainsKey(nameof(OrganizationId));

        protected override object? ErrorTarget => Email;

        protected override void ProcessItem()
        {
            var request = UserInput.Request(Email, Role, RoleId);
            if (!ShouldProcess(Email, "Create user")) return;
            var org = UserInput.PartnerOrganization(OrganizationId, typedOrganization, CurrentSession);
            WriteObject(Await((c, ct) => c.CreateUserAsync(org, request, ct)));
        }
    }

    internal static class UserInput
    {
        /// <summary>-OrganizationId typed on the command line always selects the partner route; one that came with a
        /// piped object only in a partner session (a user key's own users go through the current-organization route).</summary>
        public static string? PartnerOrganization(string? org, bool typed, PolytomicSession session) =>
            string.IsNullOrEmpty(org) ? null : typed || session.AuthMode != Polytomic.PolytomicAuthMode.ApiKey ? org : null;

        /// <summary>Polytomic rejects role and role_ids together: say so before sending.</summary>
        public static UserRequest Request(string? email, string? role, string[]? roleIds)
        {
            if (role != null && roleIds != null)
                throw new PolytomicInputException("RoleAndRoleIdTogether", "Pass -Role or -RoleId, not both (-Role is deprecated).", "Role", role);
            return new UserRequest { Email = email, Role = role, RoleIds = roleIds == null ? null : new List<string>(roleIds) };
        }
    }
}
