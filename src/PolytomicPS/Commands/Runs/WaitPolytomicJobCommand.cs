using System;
using System.Diagnostics;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Wait-PolytomicJob: polls an asynchronous job with backoff until it is done, then outputs it (its Result
    /// holds the created model or the export URL). A failed job is a PolytomicJobFailed error whose TargetObject is the job.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "PolytomicJob")]
    [OutputType(typeof(PolytomicJob))]
    public sealed class WaitPolytomicJobCommand : PolytomicCmdlet
    {
        /// <summary>The job type: createmodel or exportlogs.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("createmodel", "exportlogs")]
        public string Type { get; set; } = "";

        /// <summary>The job id (pipe the job or the log export).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Give up after this many seconds (a PolytomicJobTimeout error).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        /// <summary>Seconds before the first re-check; later checks back off up to 15 s apart.</summary>
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
