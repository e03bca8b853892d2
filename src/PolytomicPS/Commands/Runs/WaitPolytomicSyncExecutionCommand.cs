using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Wait-PolytomicSyncExecution: waits for runs (piped executions, or the run in progress of piped syncs) to
    /// end, polling with backoff and showing status and record counts as progress. A failed or canceled run is an error
    /// record whose TargetObject is the execution; -PassThru outputs each finished execution.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "PolytomicSyncExecution")]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class WaitPolytomicSyncExecutionCommand : SyncRunCmdlet
    {
        /// <summary>The sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The execution; the sync's run in progress (else its last run) when omitted.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ExecutionId { get; set; }

        /// <summary>Give up after this many seconds (a SyncExecutionTimeout error).</summary>
        [Parameter]
        [ValidateRange(1, 7 * 86400)]
        public int TimeoutSeconds { get; set; } = 3600;

        /// <summary>Seconds before the first re-check; later checks back off up to 15 s apart.</summary>
        [Parameter]
        [ValidateRange(0.01, 300)]
        public double PollIntervalSeconds { get; set; } = 1;

        /// <summary>Output the finished execution.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ExecutionId ?? SyncId;

        protected override void ProcessItem()
        {
            PolytomicSyncExecution run;
            if (ExecutionId != null)
                run = new PolytomicSyncExecution { SyncId = SyncId, Id = Polytomic.Http.ApiPath.Id(ExecutionId, "execution id") };
            else
            {
                var status = Await((c, ct) => c.GetSyncStatusAsync(SyncId, ct));
                var found = status.CurrentExecution ?? status.LastExecution;
                if (found == null)
                {
                    WriteError(ErrorFactory.Input("NoSyncExecution", $"Sync {SyncId} has no run to wait for.", ErrorCategory.ObjectNotFound, SyncId,
                        "Start one with Start-PolytomicSync."));
                    return;
                }
                run = found;
            }
            run = WaitForRun(run, TimeoutSeconds, PollIntervalSeconds);
            if (PassThru) WriteObject(run);
        }
    }
}
