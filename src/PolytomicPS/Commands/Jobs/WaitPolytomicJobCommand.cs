using System;
using System.Diagnostics;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Waits for an asynchronous Polytomic job to finish and outputs it.</summary>
    /// <remarks>
    /// <para>Wait-PolytomicJob polls GET /api/jobs/{type}/{id} with backoff (from -PollIntervalSeconds, growing to at most 15 s between checks), showing the job's status as progress, until it is done or failed. A done job is output: its Result holds the created model (createmodel) or the export's download URL (exportlogs).</para>
    /// <para>A failed job is a PolytomicJobFailed error and a job still going after -TimeoutSeconds a PolytomicJobTimeout error; either carries the job as its TargetObject. An unknown job is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $job = Get-PolytomicConnection -Name Warehouse | New-PolytomicModel -Name 'Users (async)' -Table public.users -Async
    /// ($job | Wait-PolytomicJob -TimeoutSeconds 300).Result
    /// </code>
    /// <para>Creates a model asynchronously and waits up to five minutes for it, then shows the created model.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSyncLog -SyncId $bulk.Id -ExecutionId $run.Id -Export | Wait-PolytomicJob -PollIntervalSeconds 5
    /// </code>
    /// <para>Exports a bulk-sync run's logs and waits for the download URL.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "PolytomicJob", HelpUri = HelpLinks.Cmdlets + "Wait-PolytomicJob.md")]
    [OutputType(typeof(PolytomicJob))]
    public sealed class WaitPolytomicJobCommand : PolytomicCmdlet
    {
        /// <summary>The job type: createmodel or exportlogs; binds from piped jobs and log exports.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("createmodel", "exportlogs")]
        public string Type { get; set; } = "";

        /// <summary>The id of the job; binds from piped jobs and log exports (their JobId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>How long to wait, in seconds, before giving up with a PolytomicJobTimeout error (default 600).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        /// <summary>Seconds before the first re-check (default 1); later checks back off up to 15 seconds apart.</summary>
        [Parameter]
        [ValidateRange(0.01, 300)]
        public double PollIntervalSeconds { get; set; } = 1;

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var clock = Stopwatch.StartNew();
            var delay = TimeSpan.FromSeconds(PollIntervalSeconds);
            var cap = TimeSpan.FromSeconds(Math.Max(15, PollIntervalSeconds));
            var progress = new ProgressRecord(Math.Abs(Id.GetHashCode() % 1000000) + 1, $"Waiting for {Type} job {Id}", "Checking");
            PolytomicJob job;
            try
            {
                while (true)
                {
                    job = Await((c, ct) => c.GetJobAsync(Type, Id, ct));
                    if (job.Status == "done" || job.Status == "failed") break;
                    var left = TimeSpan.FromSeconds(TimeoutSeconds) - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        WriteError(new ErrorRecord(new TimeoutException($"The {Type} job {Id} was still '{job.Status}' after {TimeoutSeconds} s."),
                            "PolytomicJobTimeout", ErrorCategory.OperationTimeout, job));
                        return;
                    }
                    progress.StatusDescription = $"{job.Status} ({clock.Elapsed.TotalSeconds:0} s)";
                    WriteProgress(progress);
                    Sleep(delay < left ? delay : left);
                    delay = TimeSpan.FromTicks(Math.Min(cap.Ticks, (long)(delay.Ticks * 1.5)));
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            if (job.Status == "failed")
                WriteError(new ErrorRecord(new InvalidOperationException($"The {Type} job {Id} failed: {job.Error ?? "no reason given"}."),
                    "PolytomicJobFailed", ErrorCategory.InvalidResult, job));
            else WriteObject(job);
        }
    }
}
