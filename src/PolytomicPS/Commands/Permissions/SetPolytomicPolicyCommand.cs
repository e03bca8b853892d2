using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Renames a permission policy or replaces its actions.</summary>
    /// <remarks>
    /// <para>Set-PolytomicPolicy reads the policy, then sends PUT /api/permissions/policies/{id}. The PUT replaces the whole policy, so what is not passed (the name, or the actions) is sent back unchanged; -PolicyAction replaces all current actions.</para>
    /// <para>An unknown id is PolytomicApi.NotFound; an unknown role in -PolicyAction is PolytomicApi.BadRequest. Outputs nothing unless -PassThru. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole policy, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicPolicy calls racing on one policy can therefore lose one change: the second write puts back what the first one changed. Change one policy from one place at a time, and read it back (Get-PolytomicPolicy) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicPolicy -Name 'Warehouse access' | Set-PolytomicPolicy -NewName 'Warehouse (read only)' -PassThru
    /// </code>
    /// <para>Renames a policy and keeps its actions.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicPolicy -Id $policy.Id -PolicyAction @{ read = (Get-PolytomicRole -Name Analysts, Admin) }
    /// </code>
    /// <para>Replaces the policy's actions: analysts and admins may read, nobody else gets anything.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicPolicy", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicPolicy.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicPolicy))]
    public sealed class SetPolytomicPolicyCommand : PolytomicCmdlet
    {
        /// <summary>The id of the policy to change. Policies pipe in by Id (or PolicyId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PolicyId")]
        [IdTransformation(ObjectKinds.Policy)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new name for the policy; the current name is kept when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>The actions, replacing all current ones, as a hashtable from action name to role ids or role objects. The current actions are kept when omitted.</summary>
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
