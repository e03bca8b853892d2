using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Start-PolytomicSync: starts a run of one or more model syncs now (a resync, a test run, or only some
    /// identities) and returns the execution. A sync that is already running is a SyncAlreadyRunning (ResourceBusy)
    /// error, unless -Wait, which then waits for the run in progress. With -Wait it returns the finished run, and a failed
    /// or canceled run is also an error record carrying the execution.</summary>
    [Cmdlet(VerbsLifecycle.Start, "PolytomicSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class StartPolytomicSyncCommand : SyncRunCmdlet
    {
        /// <summary>The sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Resync every record, not only the changed ones.</summary>
        [Parameter]
        public SwitchParameter Resync { get; set; }

        /// <summary>A test run on a few records.</summary>
        [Parameter]
        public SwitchParameter Test { get; set; }

        /// <summary>Sync only the records with these identity values.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Identities { get; set; }

        /// <summary>Wait until the run ends (see Wait-PolytomicSyncExecution); with a run already in progress, wait for it.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: give up after this many seconds (a SyncExecutionTimeout error).</summary>
        [Parameter]
        [ValidateRange(1, 7 * 86400)]
        public int TimeoutSeconds { get; set; } = 3600;

        /// <summary>With -Wait: seconds before the first check; later checks back off up to 15 s apart.</summary>
        [Parameter]
        [ValidateRange(0.01, 300)]
        public double PollIntervalSeconds { get; set; } = 1;

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Resync && Test)
                throw new PolytomicInputException("ConflictingParameters", "-Resync and -Test cannot be used together.", "Test", Id);
            var what = (Test ? "Start a test run" : Resync ? "Start a resync" : "Start a run")
                       + (Identities != null ? $" of {Identities.Length} identit(ies)" : "");
            if (!ShouldProcess(Id, what)) return;
            PolytomicSyncExecution run;
            try
            {
                run = Await((c, ct) => c.StartSyncAsync(Id, new StartSyncRequest
                {
                    Resync = Resync ? true : (bool?)null,
                    Test = Test ? true : (bool?)null,
                    Identities = Identities?.ToList(),
                }, ct));
            }
            catch (PolytomicApiException ex) when (ex.StatusCode == 409)
            {
                var current = CurrentRun(Id);
                if (!Wait || current == null)
                {
                    var message = $"Sync {Id} is already running" + (current != null ? $" (run {current.Id}, {current.Status})." : ".");
                    var record = new ErrorRecord(ex, "SyncAlreadyRunning", ErrorCategory.ResourceBusy, (object?)current ?? Id)
                    {
                        ErrorDetails = new ErrorDetails(message)
                        {
                            RecommendedAction = "Add -Wait to wait for the run in progress, or stop it with Stop-PolytomicSync.",
                        },
                    };
                    WriteError(record);
                    return;
                }
                WriteVerbose($"Sync {Id} is already running (run {current.Id}); waiting for that run.");
                run = current;
            }
            if (Wait) run = WaitForRun(run, TimeoutSeconds, PollIntervalSeconds);
            WriteObject(run);
        }
    }
}
