using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicModel: deletes a model.</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicModelCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Id, "Delete model")) return;
            Await((c, ct) => c.DeleteModelAsync(Id, ct));
            CurrentSession.Completion.Invalidate("models");
        }
    }
}
