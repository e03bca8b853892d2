using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the roles of the organization.</summary>
    /// <remarks>
    /// <para>Get-PolytomicRole lists the roles (GET /api/permissions/roles) and filters them by -Name with wildcards, or reads given roles by -Id (GET /api/permissions/roles/{id}). The system roles (Admin, Member...) are included and marked System.</para>
    /// <para>A literal name that matches nothing is a RoleNotFound error; an unknown id is PolytomicApi.NotFound and the other ids are still read. Outputs PolytomicRole objects, which can be passed wherever a role id is expected (New-PolytomicUser -RoleId, New-PolytomicPolicy -PolicyAction).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicRole
    /// </code>
    /// <para>Lists every role of the organization, system roles included.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicUser -Email bo@example.com -RoleId (Get-PolytomicRole -Name Member)
    /// </code>
    /// <para>Finds a role by name and gives it to a new user.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicRole", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicRole.md", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicRole))]
    public sealed class GetPolytomicRoleCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>The ids of the roles to read. Roles pipe in by Id (or RoleId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("RoleId")]
        [IdTransformation(ObjectKinds.Role)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only roles whose name matches; wildcards are allowed. A literal name that matches nothing is a RoleNotFound error.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        public string[]? Name { get; set; }


        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetRoleAsync(id, ct)));
                return;
            }
            var names = new NameFilter(Name);
            var all = Await((c, ct) => c.ListRolesAsync(ct));
            foreach (var item in all) if (names.Matches(item.Name)) WriteObject(item);
            foreach (var e in names.Missing("RoleNotFound", "role")) WriteError(e);
        }
    }
}
