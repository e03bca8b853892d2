using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>The Wait- cmdlets of every run kind: the run to wait for and -PassThru, declared once; each cmdlet adds
    /// its sync parameter (its kind's id transformation and completer) and names its kind.</summary>
    public abstract class RunWaitCmdlet : RunCmdlet
    {
        /// <summary>The id of the execution to wait for; binds from piped executions. Without it, the run in progress (else the last run) is waited for.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ExecutionId { get; set; }

        /// <summary>Outputs each execution once it has ended (or as it was at a timeout); by default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
