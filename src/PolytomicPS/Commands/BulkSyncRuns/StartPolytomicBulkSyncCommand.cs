using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Starts a run of a bulk sync now, optionally waiting for it to end.</summary>
    /// <remarks>
    /// <para>Start-PolytomicBulkSync sends POST /api/bulk/syncs/{id}/executions for all enabled schemas, or only those in -Schema, and outputs the new run (PolytomicBulkSyncExecution), which pipes into Get-PolytomicBulkSyncExecution to follow it.</para>
    /// <para>-ResyncMode refetches, resyncs or rebuilds the destination; -FetchMode chooses between incremental and full reads; -Test runs on a few records. -Test with -ResyncMode is a ConflictingParameters error. A bulk sync that is already running answers 409: that is a BulkSyncAlreadyRunning (ResourceBusy) error whose TargetObject is the run in progress; with -Wait the run in progress is waited for instead. Supports -WhatIf and -Confirm.</para>
    /// <para>-Wait polls the run with backoff (from -PollIntervalSeconds up to 15 s apart), showing its status and each schema's record count as progress, and outputs the finished execution, as Wait-PolytomicBulkSyncExecution does. A failed or interrupted run is a BulkSyncExecutionFailed error, a canceled one BulkSyncExecutionCanceled, and a run still going after -TimeoutSeconds BulkSyncExecutionTimeout; each carries the execution as its TargetObject, so -ErrorAction Stop ends a runbook on it.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $run = Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Start-PolytomicBulkSync
    /// $run | Get-PolytomicBulkSyncExecution
    /// </code>
    /// <para>Starts a run and reads its progress.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Start-PolytomicBulkSync -Wait -TimeoutSeconds 7200 -ErrorAction Stop
    /// </code>
    /// <para>Runs the bulk sync, shows each schema's progress, and outputs the completed execution; a failed or canceled run stops the script.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-PolytomicBulkSync -Id $sync.Id -Schema Contact -ResyncMode rebuild
    /// </code>
    /// <para>Rebuilds only the Contact table in the destination.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "Start-PolytomicBulkSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSyncExecution))]
    public sealed class StartPolytomicBulkSyncCommand : RunCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes ids from the pipeline, and objects by property name (Id or SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Run only these schemas (they must be enabled on the bulk sync). When omitted, all enabled schemas run.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Schema { get; set; }

        /// <summary>Resync the destination: refetch, resync or rebuild.</summary>
        [Parameter]
        [ValidateSet("refetch", "resync", "rebuild")]
        public string? ResyncMode { get; set; }

        /// <summary>How the source is read: none, incremental or full.</summary>
        [Parameter]
        [ValidateSet("none", "incremental", "full")]
        public string? FetchMode { get; set; }

        /// <summary>A test run on a few records. Cannot be combined with -ResyncMode.</summary>
        [Parameter]
        public SwitchParameter Test { get; set; }

        /// <summary>Waits until the run ends and outputs it finished (as Wait-PolytomicBulkSyncExecution does); when the bulk sync is already running, waits for that run instead of failing.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Test && ResyncMode != null)
                throw new PolytomicInputException("ConflictingParameters", "-Test and -ResyncMode cannot be used together.", "ResyncMode", Id);
            var what = (Test ? "Start a test run" : ResyncMode != null ? $"Start a {ResyncMode} run" : "Start a run")
                       + (Schema != null ? " of " + string.Join(", ", Schema) : "");
            if (!ShouldProcess(Named("Bulk sync", Id), what)) return;
            var request = new StartBulkSyncRequest
            {
                Test = Test ? true : (bool?)null,
                ResyncMode = ResyncMode,
                FetchMode = FetchMode,
                Schemas = Schema?.ToList(),
            };
            StartRun(BulkSyncRunKind.Instance, Id, request, OneRequestKey(IdempotencyKey), Wait);
        }
    }
}
