using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a permission policy.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicPolicy calls DELETE /api/permissions/policies/{id}. Objects the policy was applied to lose the access it granted. An unknown id is PolytomicApi.NotFound.</para>
    /// <para>The cmdlet has ConfirmImpact High and asks first unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicPolicy -Name 'Warehouse access' | Remove-PolytomicPolicy
    /// </code>
    /// <para>Deletes a policy after asking for confirmation.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-PolytomicPolicy -Id $policy.Id -Force
    /// </code>
    /// <para>Deletes a policy by id without prompting.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicPolicy", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicPolicy.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicPolicyCommand : PolytomicCmdlet
    {
        /// <summary>The id of the policy to delete. Policies pipe in by Id (or PolicyId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PolicyId")]
        [IdTransformation(ObjectKinds.Policy)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, "Delete policy")) return;
            Await((c, ct) => c.DeletePolicyAsync(Id, ct));
        }
    }
}
