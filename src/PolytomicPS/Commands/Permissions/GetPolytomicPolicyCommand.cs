using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicPolicy: permission policies, by id, by name (wildcards), or all.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicPolicy", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicPolicy))]
    public sealed class GetPolytomicPolicyCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>Policy ids.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [Alias("PolicyId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Policy names (wildcards).</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        private string? current;
        protected override object? ErrorTarget => current;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetPolicyAsync(id, ct))); }
                    catch (Polytomic.PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                }
                return;
            }
            var all = Await((c, ct) => c.ListPoliciesAsync(ct));
            foreach (var item in NameFilter.Apply(this, all, p => p.Name, Name, "PolicyNotFound", "policy")) WriteObject(item);
        }
    }
}
