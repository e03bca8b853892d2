using System;
using System.Collections.Generic;

namespace Polytomic.Models
{
    /// <summary>The health of one model sync or bulk sync (Get-PolytomicSyncHealth): its last finished run, its last
    /// success, how many runs in a row failed, and the problem it has (Failed, Stale) or null.</summary>
    public sealed class PolytomicSyncHealth
    {
        /// <summary>Sync (a model sync) or BulkSync.</summary>
        public string Kind { get; set; } = SyncHealthRules.Sync;
        public string? Name { get; set; }
        public string Id { get; set; } = "";
        public bool Active { get; set; }
        /// <summary>The status of the last finished run (null when the sync never finished one).</summary>
        public string? Status { get; set; }
        public DateTimeOffset? LastRunAt { get; set; }
        public DateTimeOffset? LastSuccessAt { get; set; }
        /// <summary>Finished runs in a row, newest first, that failed (canceled runs are skipped).</summary>
        public int ConsecutiveFailures { get; set; }
        /// <summary>Records and errors of the last finished run.</summary>
        public long? Records { get; set; }
        public long? Errors { get; set; }
        public bool Running { get; set; }
        public DateTimeOffset? NextRunAt { get; set; }
        /// <summary>Failed, Stale, or null.</summary>
        public string? Problem { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>The organization of the session it was read with (Get-PolytomicSyncHealth -Session takes several).</summary>
        public string? Organization { get; set; }

        /// <summary>So a health object pipes into the execution and status cmdlets.</summary>
        public string SyncId => Id;

        public override string ToString() => $"{Kind} {Name}: {Problem ?? "ok"}";
    }

    /// <summary>A finished run as the health rules see it.</summary>
    public readonly struct HealthRun
    {
        public HealthRun(string? status, DateTimeOffset? startedAt, DateTimeOffset? completedAt)
        {
            Status = status; StartedAt = startedAt; CompletedAt = completedAt;
        }
        public string? Status { get; }
        public DateTimeOffset? StartedAt { get; }
        public DateTimeOffset? CompletedAt { get; }
    }

    /// <summary>One run on the health report's timeline.</summary>
    public sealed class TimelineRun
    {
        public TimelineRun(string? status, DateTimeOffset? createdAt, DateTimeOffset? startedAt, DateTimeOffset? completedAt, long? records, long? errors)
        {
            Status = status; CreatedAt = createdAt; StartedAt = startedAt; CompletedAt = completedAt; Records = records; Errors = errors;
        }
        public string? Status { get; }
        public DateTimeOffset? CreatedAt { get; }
        public DateTimeOffset? StartedAt { get; }
        public DateTimeOffset? CompletedAt { get; }
        public long? Records { get; }
        public long? Errors { get; }
        public DateTimeOffset? At => StartedAt ?? CreatedAt;
    }

    /// <summary>The health rules, in one place (no I/O, so they are tested alone):
    /// Failed: the last finished run failed (failed, interrupted; a bulk run also errors).
    /// Stale: active, scheduled (it has a next run), not failed, and no success since the cutoff (a sync created after
    /// the cutoff that has not run yet is not stale). Canceled runs neither fail nor succeed: they are skipped when
    /// counting failures in a row.</summary>
    public static class SyncHealthRules
    {
        public const string Sync = "Sync";
        public const string BulkSync = "BulkSync";
        public const string Failed = "Failed";
        public const string Stale = "Stale";

        /// <summary>The default -NotSucceededSince of the Stale rule.</summary>
        public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromHours(24);

        private static readonly string[] failures = { "failed", "interrupted", "errors" };

        public static bool IsFailure(string? status) => status != null && Array.IndexOf(failures, status) >= 0;
        public static bool IsSuccess(string? status) => status == "completed";

        /// <summary>Whether a status is of a run that can change no more.</summary>
        public static bool IsFinished(string? status) => IsFailure(status) || IsSuccess(status) || status == "canceled";

        /// <summary>Fills Status, LastRunAt, LastSuccessAt and ConsecutiveFailures from finished runs, newest first.
        /// Returns false when every run given failed (or was canceled), so an older success may lie beyond them.</summary>
        public static bool ApplyHistory(PolytomicSyncHealth health, IEnumerable<HealthRun> newestFirst)
        {
            var first = true;
            var failuresInARow = 0;
            var counting = true;
            foreach (var run in newestFirst)
            {
                if (!IsFinished(run.Status)) continue;
                if (first)
                {
                    health.Status = run.Status;
                    health.LastRunAt = run.StartedAt ?? run.CompletedAt;
                    first = false;
                }
                if (IsSuccess(run.Status))
                {
                    health.LastSuccessAt = run.CompletedAt ?? run.StartedAt;
                    health.ConsecutiveFailures = failuresInARow;
                    return true;
                }
                if (counting && IsFailure(run.Status)) failuresInARow++;
            }
            health.ConsecutiveFailures = failuresInARow;
            return false;
        }

        /// <summary>Sets Problem from the fields: Failed, Stale (see the type's summary), or null.</summary>
        public static string? Judge(PolytomicSyncHealth health, DateTimeOffset staleCutoff)
        {
            if (IsFailure(health.Status)) return health.Problem = Failed;
            health.Problem = health.Active && health.NextRunAt != null && NotSucceededSince(health, staleCutoff) ? Stale : null;
            return health.Problem;
        }

        /// <summary>True when the sync has not succeeded since the cutoff (a sync created after it is given time).</summary>
        public static bool NotSucceededSince(PolytomicSyncHealth health, DateTimeOffset cutoff)
        {
            if (health.LastSuccessAt is DateTimeOffset success) return success < cutoff;
            return !(health.CreatedAt is DateTimeOffset created && created >= cutoff);
        }

        /// <summary>Problems first (Failed, then Stale), then by kind and name.</summary>
        public static int Rank(PolytomicSyncHealth health) => health.Problem == Failed ? 0 : health.Problem == Stale ? 1 : 2;

        public static List<PolytomicSyncHealth> Order(IEnumerable<PolytomicSyncHealth> items)
        {
            var list = new List<PolytomicSyncHealth>(items);
            list.Sort((a, b) =>
            {
                var c = Rank(a).CompareTo(Rank(b));
                if (c == 0) c = b.ConsecutiveFailures.CompareTo(a.ConsecutiveFailures);
                if (c == 0) c = string.CompareOrdinal(a.Kind, b.Kind);
                if (c == 0) c = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
                return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
            });
            return list;
        }
    }
}
