using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>How a run ended badly (an error about the run) or with a caveat (a warning).</summary>
    internal sealed class RunOutcome
    {
        private RunOutcome(string? errorId, ErrorCategory category, string message, string? action)
        {
            ErrorId = errorId; Category = category; Message = message; Action = action;
        }

        public static RunOutcome Error(string errorId, ErrorCategory category, string message, string? action) =>
            new RunOutcome(errorId, category, message, action);

        public static RunOutcome Warning(string message) => new RunOutcome(null, ErrorCategory.NotSpecified, message, null);

        /// <summary>Null for a warning.</summary>
        public string? ErrorId { get; }
        public ErrorCategory Category { get; }
        public string Message { get; }
        public string? Action { get; }
    }

    /// <summary>One kind of run (a model-sync run, a bulk-sync run), described once: its noun, how to start it (from
    /// the request its Start- cmdlet builds), re-read it and find the current one, when it has ended, what each outcome
    /// means, and its progress text. <see cref="RunCmdlet"/> does the rest the same way for every kind.</summary>
    internal abstract class RunKind<TRun> where TRun : class
    {
        /// <summary>"Sync", "Bulk sync": progress titles and messages.</summary>
        public abstract string Noun { get; }
        /// <summary>"Sync", "BulkSync": the ErrorIds are {Prefix}AlreadyRunning, {Prefix}ExecutionTimeout…</summary>
        public abstract string ErrorPrefix { get; }
        /// <summary>"Start-PolytomicSync": named in recommended actions.</summary>
        public abstract string StartCmdlet { get; }
        public abstract string StopCmdlet { get; }

        public abstract string IdOf(TRun run);
        public abstract string SyncIdOf(TRun run);
        public abstract string? StatusOf(TRun run);
        /// <summary>A run known only by its ids, to be read.</summary>
        public abstract TRun Known(string syncId, string runId);

        public abstract Task<TRun> ReadAsync(PolytomicClient client, TRun run, CancellationToken ct);
        /// <summary>The sync's run in progress and its last run (either may be null).</summary>
        public abstract Task<(TRun? Current, TRun? Last)> FindAsync(PolytomicClient client, string syncId, CancellationToken ct);
        public abstract bool HasEnded(TRun run);

        /// <summary>The run's state for a progress line ("running: 120 records…").</summary>
        public abstract string Progress(TRun run);
        /// <summary>Per-part progress under the run's (bulk syncs: one per schema), as (name, status text).</summary>
        public virtual IEnumerable<(string Name, string Status)> Parts(TRun run) { yield break; }

        /// <summary>What an ended run means: null when it simply completed. <paramref name="named"/> names the sync.</summary>
        public abstract RunOutcome? Outcome(TRun run, string named);
    }

    /// <summary>A run kind and the request that starts it.</summary>
    internal abstract class RunKind<TRun, TRequest> : RunKind<TRun> where TRun : class
    {
        /// <summary>Starts a run (POST …/executions); 409 when one is already running.</summary>
        public abstract Task<TRun> StartAsync(PolytomicClient client, string syncId, TRequest request, string? idempotencyKey, CancellationToken ct);
    }
}
