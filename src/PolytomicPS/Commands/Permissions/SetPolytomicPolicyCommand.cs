using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicPolicy: renames a policy and/or replaces its actions. The PUT replaces the policy, so what
    /// is not passed is read from the current one.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicPolicy", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicPolicy))]
    public sealed class SetPolytomicPolicyCommand : PolytomicCmdlet
    {
        /// <summary>The policy id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PolicyId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Action → role ids, replacing all current actions.</summary>
        [Parameter]
        public IDictionary? PolicyAction { get; set; }

        /// <summary>Output the updated policy.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var actions = PolicyActions.From(PolicyAction);
            var current = Await((c, ct) => c.GetPolicyAsync(Id, ct));
            if (!ShouldProcess($"{current.Name} ({Id})", "Update policy")) return;
            var updated = Await((c, ct) => c.UpdatePolicyAsync(Id, new PolicyRequest
            {
                Name = NewName ?? current.Name,
                OrganizationId = current.OrganizationId,
                PolicyActions = actions ?? current.PolicyActions,
            }, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
