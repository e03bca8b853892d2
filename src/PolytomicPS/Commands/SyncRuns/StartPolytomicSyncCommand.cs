using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Starts a run of a model sync now, optionally waiting for it to end.</summary>
    /// <remarks>
    /// <para>Start-PolytomicSync sends POST /api/syncs/{id}/executions (both API versions) for each sync given or piped, and outputs the new execution (PolytomicSyncExecution, with SyncId filled in so it pipes into the other run cmdlets). -Resync syncs every record rather than only the changed ones, -Test runs on a few records, -Identities only on the records with those identity values; -Resync and -Test together are a ConflictingParameters error.</para>
    /// <para>A sync that is already running answers 409: that is a SyncAlreadyRunning (ResourceBusy) error whose TargetObject is the run in progress. With -Wait it waits for that run instead.</para>
    /// <para>-Wait polls the run with backoff (from -PollIntervalSeconds up to 15 s apart), showing status and record counts as progress, and outputs the finished execution. A failed run is a SyncExecutionFailed error, a canceled one SyncExecutionCanceled, and a run still going after -TimeoutSeconds SyncExecutionTimeout; each carries the execution as its TargetObject, so -ErrorAction Stop ends a runbook on it. A run that completed with record errors gives a warning.</para>
    /// <para>An id that is not a UUID is InvalidId (nothing is sent); an unknown sync is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Users to CRM' | Start-PolytomicSync -Wait -ErrorAction Stop
    /// </code>
    /// <para>Runs the sync, shows its progress, and outputs the completed execution; a failed or canceled run stops the script.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $run = Start-PolytomicSync -Id $sync.Id -Test -Identities 'ana@example.com', 'bo@example.com'
    /// $run | Wait-PolytomicSyncExecution -PassThru
    /// </code>
    /// <para>Starts a test run on two records only, then waits for it separately.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Start-PolytomicSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class StartPolytomicSyncCommand : RunCmdlet
    {
        /// <summary>The id of the sync to run; takes sync objects (or anything with an Id or SyncId) and ids from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Resyncs every record of the model, not only the changed ones. Cannot be used with -Test.</summary>
        [Parameter]
        public SwitchParameter Resync { get; set; }

        /// <summary>Runs a test on a few records only. Cannot be used with -Resync.</summary>
        [Parameter]
        public SwitchParameter Test { get; set; }

        /// <summary>Syncs only the records with these identity values (for example email addresses, when the sync identity is the email).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Identities { get; set; }

        /// <summary>Waits until the run ends and outputs it finished (as Wait-PolytomicSyncExecution does); when the sync is already running, waits for that run instead of failing.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Resync && Test)
                throw new PolytomicInputException("ConflictingParameters", "-Resync and -Test cannot be used together.", "Test", Id);
            var what = (Test ? "Start a test run" : Resync ? "Start a resync" : "Start a run")
                       + (Identities != null ? $" of {Identities.Length} identit(ies)" : "");
            if (!ShouldProcess(Named("Sync", Id), what)) return;
            var request = new StartSyncRequest
            {
                Resync = Resync ? true : (bool?)null,
                Test = Test ? true : (bool?)null,
                Identities = Identities?.ToList(),
            };
            StartRun(SyncRunKind.Instance, Id, request, OneRequestKey(IdempotencyKey), Wait);
        }
    }
}
