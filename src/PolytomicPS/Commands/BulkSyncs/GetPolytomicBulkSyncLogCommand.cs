using System;
using System.Diagnostics;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkSyncLog: signed URLs of a run's log files; with -Export, starts an export of the logs
    /// (a job), and with -Wait polls it until its download URL is ready.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSyncLog", DefaultParameterSetName = Urls)]
    [OutputType(typeof(PolytomicBulkSyncLog), typeof(PolytomicLogExport))]
    public sealed class GetPolytomicBulkSyncLogCommand : PolytomicCmdlet
    {
        public const string Urls = "Urls";
        public const string ExportSet = "Export";

        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The execution (execution objects bind by their ExecutionId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>Export the logs as one download (an asynchronous job).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExportSet)]
        public SwitchParameter Export { get; set; }

        /// <summary>Have Polytomic email when the export is ready.</summary>
        [Parameter(ParameterSetName = ExportSet)]
        public SwitchParameter Notify { get; set; }

        /// <summary>Wait for the export job to finish.</summary>
        [Parameter(ParameterSetName = ExportSet)]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits.</summary>
        [Parameter(ParameterSetName = ExportSet)]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        /// <summary>Seconds between polls of the export job.</summary>
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
            if (Wait && export.JobId != null)
            {
                var clock = Stopwatch.StartNew();
                var progress = new ProgressRecord(0x10C5, $"Exporting the logs of execution {ExecutionId}", "Waiting for the export job");
                while (!export.IsDone)
                {
                    if (clock.Elapsed.TotalSeconds >= TimeoutSeconds)
                    {
                        progress.RecordType = ProgressRecordType.Completed;
                        WriteProgress(progress);
                        WriteError(ErrorFactory.Input("LogExportTimeout", $"The log export job {export.JobId} was still '{export.Status}' after {TimeoutSeconds} s.",
                            ErrorCategory.OperationTimeout, export.JobId, "Wait longer with -TimeoutSeconds."));
                        return;
                    }
                    progress.StatusDescription = $"Job {export.JobId}: {export.Status} ({clock.Elapsed.TotalSeconds:0} s)";
                    WriteProgress(progress);
                    Sleep(TimeSpan.FromSeconds(PollIntervalSeconds));
                    var job = Await((c, ct) => c.GetJobAsync("exportlogs", export.JobId!, ct));
                    export.Status = job.Status;
                    export.Error = job.Error;
                    if (job.Result is System.Collections.Generic.IDictionary<string, object?> result && result.TryGetValue("url", out var url) && url != null)
                        export.Url = url.ToString();
                }
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
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
