using System.Collections.Generic;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
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
