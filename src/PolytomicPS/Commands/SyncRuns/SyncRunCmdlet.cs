using System;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>The wait shared by Wait-PolytomicSyncExecution and Start-PolytomicSync -Wait: polls with backoff until a
    /// terminal status, showing status and record counts as progress; a failed or canceled run (or a timeout) becomes an
    /// error record whose TargetObject is the execution.</summary>
    public abstract class SyncRunCmdlet : RunWaitCmdlet
    {
        /// <summary>Waits for the run; returns it as it last was (terminal unless the wait timed out).</summary>
        protected PolytomicSyncExecution WaitForRun(PolytomicSyncExecution run, int timeoutSeconds, double pollIntervalSeconds)
        {
            var progress = new ProgressRecord(Math.Abs(run.Id.GetHashCode() % 1000000) + 1, $"{Named("Sync", run.SyncId)}: run {ObjectNames.Short(run.Id)}", "Checking");
            bool timedOut;
            try
            {
                run = PollUntilDone(run, r => Await((c, ct) => c.GetSyncExecutionAsync(r.SyncId, r.Id, ct)), r => r.IsTerminal,
                    (r, waited) =>
                    {
                        progress.StatusDescription = Describe(r) + $" ({waited.TotalSeconds:0} s)";
                        WriteProgress(progress);
                    },
                    r => $"Run {r.Id}: {Describe(r)}", timeoutSeconds, pollIntervalSeconds, out timedOut);
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            if (timedOut)
            {
                WriteError(RunError(run, "SyncExecutionTimeout", ErrorCategory.OperationTimeout,
                    $"Run {run.Id} of sync {run.SyncId} was still '{run.Status}' after {timeoutSeconds} s.",
                    "Wait longer with -TimeoutSeconds, or stop it with Stop-PolytomicSync."));
                return run;
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

        /// <summary>The sync's run in progress, or null.</summary>
        protected PolytomicSyncExecution? CurrentRun(string syncId) => Await((c, ct) => c.GetSyncStatusAsync(syncId, ct)).CurrentExecution;
    }
}
