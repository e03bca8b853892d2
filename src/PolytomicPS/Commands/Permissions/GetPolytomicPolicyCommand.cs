using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets permission policies.</summary>
    /// <remarks>
    /// <para>Get-PolytomicPolicy lists the policies (GET /api/permissions/policies) and filters them by -Name with wildcards, or reads given policies by -Id (GET /api/permissions/policies/{id}). Each PolytomicPolicy carries its PolicyActions: which roles may perform which action.</para>
    /// <para>A literal name that matches nothing is a PolicyNotFound error; an unknown id is PolytomicApi.NotFound and the other ids are still read.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicPolicy
    /// </code>
    /// <para>Lists every policy of the organization.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-PolytomicPolicy -Name 'Analysts read models').PolicyActions
    /// </code>
    /// <para>Shows the actions of one policy and the roles that have them.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicPolicy", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicPolicy.md", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicPolicy))]
    public sealed class GetPolytomicPolicyCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>The ids of the policies to read. Policies pipe in by Id (or PolicyId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PolicyId")]
        [IdTransformation(ObjectKinds.Policy)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only policies whose name matches; wildcards are allowed. A literal name that matches nothing is a PolicyNotFound error.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        public string[]? Name { get; set; }


        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetPolicyAsync(id, ct)));
                return;
            }
            var names = new NameFilter(Name);
            var all = Await((c, ct) => c.ListPoliciesAsync(ct));
            foreach (var item in all) if (names.Matches(item.Name)) WriteObject(item);
            foreach (var e in names.Missing("PolicyNotFound", "policy")) WriteError(e);
        }
    }
}
