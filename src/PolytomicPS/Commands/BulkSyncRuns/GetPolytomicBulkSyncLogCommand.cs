using System;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the log files of a bulk-sync run, or exports them as one download.</summary>
    /// <remarks>
    /// <para>Get-PolytomicBulkSyncLog reads GET /api/bulk/syncs/{id}/executions/{execution_id}/logs and outputs a PolytomicBulkSyncLog whose Urls are signed links to the log files, valid until Expires.</para>
    /// <para>With -Export it starts an export of the run's logs (POST .../logs/export), an asynchronous job, and outputs a PolytomicLogExport (JobId, Status, Url). With -Wait it polls the job (GET /api/jobs/exportlogs/{job_id}) every -PollIntervalSeconds with a progress bar until Url is ready; LogExportTimeout is written when -TimeoutSeconds pass first and LogExportFailed when the job fails. -Notify has Polytomic email when the export is ready.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSyncExecution -SyncId $sync.Id -OnlyTerminal | Select-Object -First 1 | Get-PolytomicBulkSyncLog
    /// </code>
    /// <para>Gets the log file links of the latest finished run.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $run | Get-PolytomicBulkSyncLog -Export -Wait -TimeoutSeconds 120
    /// </code>
    /// <para>Exports the run's logs and waits for the download URL (the Url property).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSyncLog", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkSyncLog.md", DefaultParameterSetName = Urls)]
    [OutputType(typeof(PolytomicBulkSyncLog), typeof(PolytomicLogExport))]
    public sealed class GetPolytomicBulkSyncLogCommand : PolytomicCmdlet
    {
        public const string Urls = "Urls";
        public const string ExportSet = "Export";

        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The execution whose logs to get. Takes pipeline input by property name, so execution objects (ExecutionId) pipe in.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>Export the logs as one download (an asynchronous job) instead of listing the log files.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExportSet)]
        public SwitchParameter Export { get; set; }

        /// <summary>Have Polytomic email you when the export is ready.</summary>
        [Parameter(ParameterSetName = ExportSet)]
        public SwitchParameter Notify { get; set; }

        /// <summary>Wait until the export job finishes and output its download URL.</summary>
        [Parameter(ParameterSetName = ExportSet)]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits, in seconds (1 to 86400, default 300).</summary>
        [Parameter(ParameterSetName = ExportSet)]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        /// <summary>Seconds between polls of the export job (0.05 to 300, default 2).</summary>
        [Parameter(ParameterSetName = ExportSet)]
        [ValidateRange(0.05, 300)]
        public double PollIntervalSeconds { get; set; } = 2;

        protected override object? ErrorTarget => ExecutionId;

        protected override void ProcessItem()
        {
            if (!Export)
            {
                WriteObject(Await((c, ct) => c.GetBulkSyncLogsAsync(SyncId, ExecutionId, ct)));
                return;
            }
            var export = Await((c, ct) => c.ExportBulkSyncLogsAsync(SyncId, ExecutionId, Notify, ct));
            if (Wait && export.JobId != null && !export.IsDone)
            {
                var options = new PollOptions($"Exporting the logs of execution {ExecutionId}", TimeoutSeconds, PollIntervalSeconds)
                {
                    Growth = 1, ProgressId = 0x10C5,
                };
                var jobId = export.JobId;
                var result = Poll(options, (PolytomicJob?)null, async (c, ct) => (PolytomicJob?)await c.GetJobAsync("exportlogs", jobId, ct).ConfigureAwait(false),
                    j => j!.Status == "done" || j.Status == "failed", j => $"Job {jobId}: {j!.Status}");
                if (result.Last is PolytomicJob job)
                {
                    export.Status = job.Status;
                    export.Error = job.Error;
                    if (job.Result is System.Collections.Generic.IDictionary<string, object?> done && done.TryGetValue("url", out var url) && url != null)
                        export.Url = url.ToString();
                }
                if (result.TimedOut)
                {
                    WriteError(ErrorFactory.Input("LogExportTimeout", $"The log export job {jobId} was still '{export.Status}' after {TimeoutSeconds} s{result.PendingText}.",
                        ErrorCategory.OperationTimeout, jobId, "Wait longer with -TimeoutSeconds."));
                    return;
                }
                if (export.Status == "failed")
                {
                    WriteError(ErrorFactory.Input("LogExportFailed", $"The log export job {export.JobId} failed: {export.Error}",
                        ErrorCategory.InvalidResult, export.JobId));
                    return;
                }
            }
            WriteObject(export);
        }
    }
}
