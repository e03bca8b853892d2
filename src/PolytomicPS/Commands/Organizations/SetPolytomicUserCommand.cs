using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicUser: changes a user's roles (and, on the partner route, email). Unchanged values are read
    /// from the current user, since the PUT replaces them.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicUser", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class SetPolytomicUserCommand : PolytomicCmdlet
    {
        /// <summary>The user id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>The organization (partner route); users pipe in with theirs.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        public string? OrganizationId { get; set; }

        /// <summary>A new email (partner route only).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>Role ids, replacing the current ones.</summary>
        [Parameter]
        [IdTransformation]
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
