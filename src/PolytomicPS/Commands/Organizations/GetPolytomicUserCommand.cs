using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicUser: users of an organization. With -OrganizationId the partner route (any organization
    /// the partner manages); without it the current organization's users (API version 2025-09-18).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicUser", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class GetPolytomicUserCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";

        /// <summary>User ids. Not bound from the pipeline, so piped organizations list their users instead.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById)]
        [Alias("UserId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>The organization (partner route); organizations pipe in.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        public string? OrganizationId { get; set; }

        /// <summary>Filter by email (wildcards).</summary>
        [Parameter(Position = 0, ParameterSetName = List)]
        [SupportsWildcards]
        public string? Email { get; set; }

        private string? current;
        private bool typedOrganization;

        protected override void BeginProcessing() => typedOrganization = MyInvocation.BoundParameters.ContainsKey(nameof(OrganizationId));

        protected override object? ErrorTarget => current ?? OrganizationId;

        protected override void ProcessItem()
        {
            var org = UserInput.PartnerOrganization(OrganizationId, typedOrganization, CurrentSession);
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetUserAsync(org, id, ct))); }
                    catch (Polytomic.PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                }
                return;
            }
            var all = Await((c, ct) => c.ListUsersAsync(org, ct));
            if (Email == null) { WriteObject(all, true); return; }
            var w = WildcardPattern.Get(Email, WildcardOptions.IgnoreCase);
            var found = all.Where(u => w.IsMatch(u.Email ?? "")).ToList();
            if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(Email))
                WriteError(ErrorFactory.NotFound("UserNotFound", "user", Email));
            WriteObject(found, true);
        }
    }
}
