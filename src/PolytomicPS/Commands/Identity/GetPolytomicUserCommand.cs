using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the users of an organization.</summary>
    /// <remarks>
    /// <para>With -OrganizationId (or a piped organization in a partner session), Get-PolytomicUser uses the partner route GET /api/organizations/{org_id}/users, which works for any organization the partner key manages, in both API versions.</para>
    /// <para>Without it, it lists the users of the key's own organization (GET /api/organization/users), a route that exists only in API version 2025-09-18: a 2024-02-08 session fails with ApiVersionNotSupported before sending anything.</para>
    /// <para>-Email filters by email with wildcards (a literal email matching nothing is a UserNotFound error); -Id reads given users (unknown ones are PolytomicApi.NotFound). Outputs PolytomicUser objects with their RoleIds.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicOrganization -Name 'Acme Corp' | Get-PolytomicUser
    /// </code>
    /// <para>Lists the users of a managed organization (partner key).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Connect-Polytomic -ApiKey $env:POLYTOMIC_API_KEY -ApiVersion 2025-09-18 | Out-Null
    /// Get-PolytomicUser -Email '*@example.com'
    /// </code>
    /// <para>Lists the users of the key's own organization whose email is at example.com.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicUser", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicUser.md", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class GetPolytomicUserCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";

        /// <summary>The ids of the users to read. Not bound from the pipeline, so piped organizations list their users instead.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById)]
        [Alias("UserId")]
        [IdTransformation(ObjectKinds.User)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>The organization whose users to list, through the partner route. Organizations pipe in by OrganizationId; omit it for the current organization (2025-09-18).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Organization)]
        public string? OrganizationId { get; set; }

        /// <summary>Only users whose email matches; wildcards are allowed. A literal email that matches nothing is a UserNotFound error.</summary>
        [Parameter(Position = 0, ParameterSetName = List)]
        [SupportsWildcards]
        public string? Email { get; set; }

        private bool typedOrganization;

        protected override void BeginProcessing() => typedOrganization = MyInvocation.BoundParameters.ContainsKey(nameof(OrganizationId));

        protected override object? ErrorTarget => OrganizationId;

        protected override void ProcessItem()
        {
            var org = UserInput.PartnerOrganization(OrganizationId, typedOrganization, CurrentSession);
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetUserAsync(org, id, ct)));
                return;
            }
            var w = Email == null ? null : Wildcards.Get(Email, nameof(Email));
            var all = Await((c, ct) => c.ListUsersAsync(org, ct));
            if (w == null || Email == null) { WriteObject(all, true); return; }
            var found = all.Where(u => w.IsMatch(u.Email ?? "")).ToList();
            if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(Email))
                WriteError(ErrorFactory.NotFound("UserNotFound", "user", Email));
            WriteObject(found, true);
        }
    }
}
