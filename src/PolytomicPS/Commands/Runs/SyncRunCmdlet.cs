using System;
using System.Diagnostics;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>The wait shared by Wait-PolytomicSyncExecution and Start-PolytomicSync -Wait: polls with backoff until a
    /// terminal status, showing status and record counts as progress; a failed or canceled run (or a timeout) becomes an
    /// error record whose TargetObject is the execution.</summary>
    public abstract class SyncRunCmdlet : PolytomicCmdlet
    {
        /// <summary>Longest pause between polls, however long the run takes.</summary>
        private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(15);

        /// <summary>Waits for the run; returns it as it last was (terminal unless the wait timed out).</summary>
        protected PolytomicSyncExecution WaitForRun(PolytomicSyncExecution run, int timeoutSeconds, double pollIntervalSeconds)
        {
            var clock = Stopwatch.StartNew();
            var progress = new ProgressRecord(Math.Abs(run.Id.GetHashCode() % 1000000) + 1, $"{Named("Sync", run.SyncId)}: run {ObjectNames.Short(run.Id)}", "Checking");
            var delay = TimeSpan.FromSeconds(pollIntervalSeconds);
            var cap = delay > MaxPoll ? delay : MaxPoll;
            var timeout = TimeSpan.FromSeconds(timeoutSeconds);
            try
            {
                while (true)
                {
                    var id = run.Id;
                    run = Await((c, ct) => c.GetSyncExecutionAsync(run.SyncId, id, ct));
                    if (run.IsTerminal) break;
                    var left = timeout - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        WriteError(RunError(run, "SyncExecutionTimeout", ErrorCategory.OperationTimeout,
                            $"Run {run.Id} of sync {run.SyncId} was still '{run.Status}' after {timeoutSeconds} s.",
                            "Wait longer with -TimeoutSeconds, or stop it with Stop-PolytomicSync."));
                        return run;
                    }
                    progress.StatusDescription = Describe(run) + $" ({clock.Elapsed.TotalSeconds:0} s)";
                    WriteProgress(progress);
                    WriteVerbose($"Run {run.Id}: {Describe(run)}; next check in {Math.Min(delay.TotalSeconds, left.TotalSeconds):0.##} s");
                    Sleep(delay < left ? delay : left);
                    delay = TimeSpan.FromTicks(Math.Min(cap.Ticks, (long)(delay.Ticks * 1.5)));
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }

            if (run.Status == "failed")
                WriteError(RunError(run, "SyncExecutionFailed", ErrorCategory.InvalidResult,
                    $"Run {run.Id} of sync {run.SyncId} failed" + (run.Errors != null && run.Errors.Count > 0 ? ": " + string.Join("; ", run.Errors) : "."),
                    "Read the run's errors with Get-PolytomicSyncLog -Type errors (the execution is the error's TargetObject)."));
            else if (run.Status == "canceled")
                WriteError(RunError(run, "SyncExecutionCanceled", ErrorCategory.OperationStopped,
                    $"Run {run.Id} of sync {run.SyncId} was canceled.", null));
            else if (run.ErrorCount > 0)
                WriteWarning($"Run {run.Id} of sync {run.SyncId} completed with {run.ErrorCount} record error(s); Get-PolytomicSyncLog -Type errors lists them.");
            return run;
        }

        private static string Describe(PolytomicSyncExecution run)
        {
            var c = run.Counts;
            return c == null || run.Status == "created" || run.Status == "queued" ? run.Status ?? "?"
                : $"{run.Status}: {c.Total ?? 0} records (inserted {c.Insert ?? 0}, updated {c.Update ?? 0}, deleted {c.Delete ?? 0}, errors {c.Error ?? 0})";
        }

        private static ErrorRecord RunError(PolytomicSyncExecution run, string id, ErrorCategory category, string message, string? action)
        {
            var record = new ErrorRecord(new InvalidOperationException(message), id, category, run);
            if (action != null) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = action };
            return record;
        }

        /// <summary>The sync's run in progress, or null.</summary>
        protected PolytomicSyncExecution? CurrentRun(string syncId) => Await((c, ct) => c.GetSyncStatusAsync(syncId, ct)).CurrentExecution;
    }
}
