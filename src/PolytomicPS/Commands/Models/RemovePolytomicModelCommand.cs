using System.Linq;
using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a model.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicModel sends DELETE /api/models/{id}. An unknown id is a PolytomicApi.NotFound error. It first lists the syncs: a model that syncs still read is kept and a ModelInUse error names them.</para>
    /// <para>-Recurse deletes those syncs first, then the model; with -WhatIf it lists every object it would delete.</para>
    /// <para>It asks for confirmation (ConfirmImpact High) unless -Force or -Confirm:$false is given; -Force only skips the prompt and never deletes more. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Customer Model' | Remove-PolytomicModel -Force
    /// </code>
    /// <para>Deletes the model without prompting (ModelInUse if a sync still reads it).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Test *' | Remove-PolytomicModel -Recurse -WhatIf
    /// </code>
    /// <para>Lists the models whose names start with 'Test ' and the syncs that would be deleted with them.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicModel", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicModel.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicModelCommand : DependantsCmdlet
    {
        /// <summary>The model to delete: an id or a model object. Takes a model, an id, or an object with a ModelId property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation(ObjectKinds.Model)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Also delete the syncs that read the model (first), so none is left reading a deleted model.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>Do not ask for confirmation. Deletes nothing more than without it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var what = Named("Model", Id);
            var users = UsersOfModel(Id);
            if (users.Count > 0 && !Recurse)
            {
                WriteError(InUse("ModelInUse", what, Id, users.Select(u => u.ToString()), "Remove-PolytomicModel"));
                return;
            }
            if (!ShouldRemove(what, users, Force)) return;
            RemoveDependants(users);
            Await((c, ct) => c.DeleteModelAsync(Id, ct));
            CurrentSession.Completion.Invalidate("models");
        }
    }
}
