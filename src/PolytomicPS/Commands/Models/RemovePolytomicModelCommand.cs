using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a model.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicModel sends DELETE /api/models/{id}. An unknown id is a PolytomicApi.NotFound error.</para>
    /// <para>It asks for confirmation (ConfirmImpact High) unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Customer Model' | Remove-PolytomicModel -Force
    /// </code>
    /// <para>Deletes the model without prompting.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Test *' | Remove-PolytomicModel -WhatIf
    /// </code>
    /// <para>Shows which models whose names start with 'Test ' would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicModel", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicModel.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicModelCommand : PolytomicCmdlet
    {
        /// <summary>The model to delete: an id or a model object. Takes pipeline input by property name (Id or ModelId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation(ObjectKinds.Model)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Named("Model", Id), "Delete model")) return;
            Await((c, ct) => c.DeleteModelAsync(Id, ct));
            CurrentSession.Completion.Invalidate("models");
        }
    }
}
