using System;
using System.Diagnostics;
using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>The polling shared by the cmdlets that wait for runs (model-sync and bulk-sync executions): checks with
    /// backoff until the run is done or the time is up, and builds the error records that carry the run.</summary>
    public abstract class RunWaitCmdlet : PolytomicCmdlet
    {
        /// <summary>Longest pause between polls, however long the run takes.</summary>
        private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(15);

        /// <summary>Re-reads the run until <paramref name="done"/> says so or <paramref name="timeoutSeconds"/> pass,
        /// showing each unfinished state (with the time waited so far) through <paramref name="show"/>. Pauses start at
        /// <paramref name="pollIntervalSeconds"/> and grow by half up to 15 s. Returns the run as it last was.</summary>
        protected T PollUntilDone<T>(T run, Func<T, T> refresh, Func<T, bool> done, Action<T, TimeSpan> show, Func<T, string> describe,
            int timeoutSeconds, double pollIntervalSeconds, out bool timedOut)
        {
            var clock = Stopwatch.StartNew();
            var delay = TimeSpan.FromSeconds(pollIntervalSeconds);
            var cap = delay > MaxPoll ? delay : MaxPoll;
            var timeout = TimeSpan.FromSeconds(timeoutSeconds);
            while (true)
            {
                run = refresh(run);
                timedOut = false;
                if (done(run)) return run;
                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero) { timedOut = true; return run; }
                show(run, clock.Elapsed);
                WriteVerbose($"{describe(run)}; next check in {Math.Min(delay.TotalSeconds, left.TotalSeconds):0.##} s");
                Sleep(delay < left ? delay : left);
                delay = TimeSpan.FromTicks(Math.Min(cap.Ticks, (long)(delay.Ticks * 1.5)));
            }
        }

        /// <summary>An error about a run: its TargetObject is the run, so scripts can read what happened to it.</summary>
        protected static ErrorRecord RunError(object run, string id, ErrorCategory category, string message, string? action)
        {
            var record = new ErrorRecord(new InvalidOperationException(message), id, category, run);
            if (action != null) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = action };
            return record;
        }
    }
}
