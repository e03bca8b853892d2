using System;
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
            var options = new PollOptions($"Waiting for {Type} job {Id}", TimeoutSeconds, PollIntervalSeconds)
            {
                ProgressId = Math.Abs(Id.GetHashCode() % 1000000) + 1,
            };
            var result = Poll(options, new PolytomicJob { JobId = Id, Type = Type }, (c, ct) => c.GetJobAsync(Type, Id, ct),
                j => j.Status == "done" || j.Status == "failed", j => j.Status ?? "?");
            var job = result.Last;
            if (result.TimedOut)
                WriteError(ErrorFactory.About(job, "PolytomicJobTimeout", ErrorCategory.OperationTimeout,
                    $"The {Type} job {Id} was still '{job.Status ?? "unread"}' after {TimeoutSeconds} s{result.PendingText}.", "Wait longer with -TimeoutSeconds."));
            else if (job.Status == "failed")
                WriteError(ErrorFactory.About(job, "PolytomicJobFailed", ErrorCategory.InvalidResult, $"The {Type} job {Id} failed: {job.Error ?? "no reason given"}."));
            else WriteObject(job);
        }
    }
}
