using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>How one wait polls: its progress line, its time limit and its back-off.</summary>
    internal sealed class PollOptions
    {
        public PollOptions(string activity, int timeoutSeconds, double firstDelaySeconds)
        {
            Activity = activity; TimeoutSeconds = timeoutSeconds; FirstDelaySeconds = firstDelaySeconds;
        }

        /// <summary>The progress title, and the prefix of each verbose line.</summary>
        public string Activity { get; }
        public int TimeoutSeconds { get; }
        public double FirstDelaySeconds { get; }
        /// <summary>Each pause is this many times the one before…</summary>
        public double Growth { get; set; } = 1.5;
        /// <summary>…up to this (or the first pause, when that is longer).</summary>
        public double MaxDelaySeconds { get; set; } = 15;
        /// <summary>Progress record id (several waits of one command must differ).</summary>
        public int ProgressId { get; set; } = 0x5017;
        /// <summary>Show the share of the time limit used as the progress percentage.</summary>
        public bool PercentOfTimeout { get; set; }
        /// <summary>Whether the time limit also cancels a read in flight. False only where a read is a write that must
        /// not be cut off mid-way (a create retried while the schema cache fills): the session's per-attempt timeout
        /// still bounds it.</summary>
        public bool CancelInFlight { get; set; } = true;
    }

    /// <summary>How a wait ended: the last state read, and whether it was done or the time ran out.</summary>
    internal sealed class PollResult<T>
    {
        internal PollResult(T last, bool done, string? pending, TimeSpan elapsed, int reads)
        {
            Last = last; Done = done; Pending = pending; Elapsed = elapsed; Reads = reads;
        }

        public T Last { get; }
        public bool Done { get; }
        public bool TimedOut => !Done;
        /// <summary>The request in flight when the time ran out (canceled), or null.</summary>
        public string? Pending { get; }
        public TimeSpan Elapsed { get; }
        public int Reads { get; }

        /// <summary>" (the request in flight, GET …, was canceled)", or nothing.</summary>
        public string PendingText => Pending == null ? "" : $"; the request in flight ({Pending}) was canceled";
    }

    public abstract partial class PolytomicCmdlet
    {
        /// <summary>The one polling loop: reads, and until <paramref name="done"/> says so, shows the state as progress
        /// and a verbose line, sleeps (back-off from the first pause, growing up to the cap) and reads again. The time
        /// limit bounds the whole wait, the read in flight included (it is canceled, and named in the result); Ctrl+C
        /// ends it at once. Returns the state as last read (<paramref name="initial"/> if no read came back).</summary>
        private protected PollResult<T> Poll<T>(PollOptions options, T initial, Func<PolytomicClient, CancellationToken, Task<T>> read,
            Func<T, bool> done, Func<T, string> describe, Action<T>? children = null)
        {
            var clock = Stopwatch.StartNew();
            var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
            var delay = TimeSpan.FromSeconds(options.FirstDelaySeconds);
            var cap = TimeSpan.FromSeconds(Math.Max(options.MaxDelaySeconds, options.FirstDelaySeconds));
            var progress = new ProgressRecord(options.ProgressId, options.Activity, "Checking");
            var shown = false;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            deadline.CancelAfter(timeout);
            var last = initial;
            var reads = 0;
            try
            {
                while (true)
                {
                    try
                    {
                        last = Await(read, options.CancelInFlight ? deadline.Token : stopping.Token);
                        reads++;
                    }
                    catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stopping.IsCancellationRequested)
                    {
                        return new PollResult<T>(last, false, LastRequest, clock.Elapsed, reads);
                    }
                    if (done(last)) return new PollResult<T>(last, true, null, clock.Elapsed, reads);
                    var left = timeout - clock.Elapsed;
                    if (left <= TimeSpan.Zero) return new PollResult<T>(last, false, null, clock.Elapsed, reads);
                    var status = describe(last);
                    progress.StatusDescription = $"{status} ({clock.Elapsed.TotalSeconds:0} s)";
                    if (options.PercentOfTimeout)
                        progress.PercentComplete = (int)Math.Min(99, 100 * clock.Elapsed.TotalSeconds / Math.Max(1, options.TimeoutSeconds));
                    WriteProgress(progress);
                    shown = true;
                    children?.Invoke(last);
                    var pause = delay < left ? delay : left;
                    WriteVerbose($"{options.Activity}: {status}; next check in {pause.TotalSeconds:0.##} s");
                    Sleep(pause);
                    delay = TimeSpan.FromTicks(Math.Min(cap.Ticks, (long)(delay.Ticks * options.Growth)));
                }
            }
            finally
            {
                if (shown && !stopping.IsCancellationRequested)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
            }
        }

        /// <summary>Runs a call that Polytomic refuses while a connection's schema cache is still filling (a new
        /// connection): polls it (0.5 s doubling to 5 s) until it is accepted, bounded by timeoutSeconds, with a progress
        /// bar; then a SchemaCacheTimeout error. Each attempt is a new call with a fresh Idempotency-Key (the failed
        /// attempt created nothing), so a create retried here cannot create twice; the attempt in flight is never cut off.
        /// Any create that depends on the schema cache should use this.</summary>
        protected T AwaitSchemaCache<T>(string activity, int timeoutSeconds, Func<PolytomicClient, CancellationToken, Task<T>> call)
        {
            var options = new PollOptions(activity, timeoutSeconds, 0.5)
            {
                Growth = 2, MaxDelaySeconds = 5, ProgressId = 0x5C4E, PercentOfTimeout = true, CancelInFlight = false,
            };
            var result = Poll(options, SchemaAttempt<T>.None, async (c, ct) =>
            {
                try { return new SchemaAttempt<T>(true, await call(c, ct).ConfigureAwait(false), null); }
                catch (PolytomicApiException ex) when (PolytomicClient.IsSchemaCacheNotReady(ex)) { return new SchemaAttempt<T>(false, default!, ex); }
            }, a => a.Ready, a => $"Schemas not cached yet: {a.Failure?.ApiMessage}");
            if (result.Done) return result.Last.Value;
            var last = result.Last.Failure;
            throw new PolytomicApiException(PolytomicErrorKind.SchemaCacheNotReady,
                $"Polytomic had still not cached the connection's schemas after {result.Elapsed.TotalSeconds:0.#} s ({result.Reads} attempt(s)); " +
                $"the last answer was {last?.StatusCode}: {last?.ApiMessage}", last?.StatusCode, last?.ApiMessage, last?.Key, last?.Metadata,
                last?.Method, last?.Path, result.Reads, last);
        }

        private sealed class SchemaAttempt<T>
        {
            public static readonly SchemaAttempt<T> None = new SchemaAttempt<T>(false, default!, null);
            public SchemaAttempt(bool ready, T value, PolytomicApiException? failure) { Ready = ready; Value = value; Failure = failure; }
            public bool Ready { get; }
            public T Value { get; }
            public PolytomicApiException? Failure { get; }
        }
    }
}
