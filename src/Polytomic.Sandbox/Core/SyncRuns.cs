using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Sandbox
{
    /// <summary>How a model-sync run ends; chosen when it starts (see <see cref="SyncRuns.OutcomeFor"/>).</summary>
    public enum SyncRunOutcome { Completed, CompletedWithErrors, Failed }

    /// <summary>One model-sync execution. Its status is never stored: it follows from the sandbox clock
    /// (<see cref="At"/>), so tests steer runs by advancing the clock.</summary>
    public sealed class SyncRun
    {
        public string Id { get; init; } = "";
        public string SyncId { get; init; } = "";
        public string SyncName { get; init; } = "";
        public string? TargetConnectionId { get; init; }
        public string Mode { get; init; } = "updateOrCreate";
        public string Type { get; init; } = "manual";
        public bool Test { get; init; }
        public bool Resync { get; init; }
        public DateTimeOffset Created { get; init; }
        public TimeSpan QueuedAfter { get; init; }
        public TimeSpan StartsAfter { get; init; }
        public TimeSpan RunsFor { get; init; }
        public long Records { get; init; }
        public SyncRunOutcome Outcome { get; init; }
        public DateTimeOffset? CancelAt { get; set; }
        /// <summary>A status set with the 2024-02-08 PUT, from OverrideAt on.</summary>
        public string? Override { get; set; }
        public DateTimeOffset OverrideAt { get; set; }

        public DateTimeOffset Started => Created + StartsAfter;
        /// <summary>A failing run stops half way.</summary>
        public DateTimeOffset Finished => Started + (Outcome == SyncRunOutcome.Failed ? TimeSpan.FromTicks(RunsFor.Ticks / 2) : RunsFor);

        public static readonly TimeSpan CancelTakes = TimeSpan.FromMilliseconds(500);

        /// <summary>The run as it stands at time t.</summary>
        public SyncRunState At(DateTimeOffset t)
        {
            if (Override != null && t >= OverrideAt)
            {
                var terminal = Override == "completed" || Override == "failed" || Override == "canceled";
                return new SyncRunState(Override, t >= Started ? Started : (DateTimeOffset?)null, terminal ? OverrideAt : (DateTimeOffset?)null,
                    Progress(OverrideAt < Finished ? OverrideAt : Finished), Override == "failed" ? SyncRunOutcome.Failed : Outcome);
            }
            if (CancelAt is DateTimeOffset c && c < Finished && t >= c)
            {
                var done = t >= c + CancelTakes;
                return new SyncRunState(done ? "canceled" : "canceling", c >= Started ? Started : (DateTimeOffset?)null,
                    done ? c + CancelTakes : (DateTimeOffset?)null, Progress(c), Outcome);
            }
            if (t >= Finished)
                return new SyncRunState(Outcome == SyncRunOutcome.Failed ? "failed" : "completed", Started, Finished, Progress(Finished), Outcome);
            if (t >= Started) return new SyncRunState("running", Started, null, Progress(t), Outcome);
            return new SyncRunState(t >= Created + QueuedAfter ? "queued" : "created", null, null, 0, Outcome);
        }

        /// <summary>Records processed by time t (they grow evenly while running).</summary>
        private long Progress(DateTimeOffset t)
        {
            if (t <= Started) return 0;
            if (t >= Created + StartsAfter + RunsFor) return Records;
            return (long)(Records * ((t - Started).TotalMilliseconds / RunsFor.TotalMilliseconds));
        }
    }

    public readonly record struct SyncRunState(string Status, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, long Processed, SyncRunOutcome Outcome)
    {
        public bool IsTerminal => CompletedAt != null;

        /// <summary>counts{total, insert, update, upserts, delete, error, warnings} of what has been processed.</summary>
        public (long Total, long Insert, long Update, long Upserts, long Delete, long Error, long Warnings) Counts(string mode)
        {
            var errors = Outcome == SyncRunOutcome.Completed ? 0 : Math.Max(1, Processed / 10);
            if (Processed == 0) errors = 0;
            var ok = Processed - errors;
            long insert = 0, update = 0, delete = 0;
            if (mode == "remove") delete = ok;
            else if (mode == "update") update = ok;
            else if (mode == "create" || mode == "append" || mode == "snapshot" || mode == "replace") insert = ok;
            else { insert = ok * 2 / 3; update = ok - insert; }
            var upserts = mode == "updateOrCreate" ? insert + update : 0;
            return (Processed, insert, update, upserts, delete, errors, Processed / 20);
        }
    }

    /// <summary>Every model-sync run of a sandbox, indexed per sync in (created, id) order, so that listing a page of a
    /// sync with tens of thousands of runs costs a binary search, not a scan.</summary>
    public sealed class SyncRuns
    {
        private readonly object gate = new object();
        private readonly Dictionary<string, SyncRun> byId = new Dictionary<string, SyncRun>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<SyncRun>> bySync = new Dictionary<string, List<SyncRun>>(StringComparer.Ordinal);

        /// <summary>Sandbox time a new run stays created, then queued until it starts, then runs (tests shorten these).</summary>
        public TimeSpan QueuedAfter { get; set; } = TimeSpan.FromMilliseconds(300);
        public TimeSpan StartsAfter { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan RunsFor { get; set; } = TimeSpan.FromSeconds(4);

        /// <summary>Starts the runs of syncs that run after others (schedule.run_after); the routes call it before reading runs.</summary>
        public RunAfterFollower RunAfter { get; } = new RunAfterFollower();

        /// <summary>Records a full run processes (a test run processes at most 10).</summary>
        public long RecordsPerRun { get; set; } = 120;

        /// <summary>Sandbox switch: a sync whose name contains "[fail]" fails half way with errors, "[errors]" completes
        /// with some record errors; anything else completes cleanly.</summary>
        public static SyncRunOutcome OutcomeFor(string? syncName) =>
            syncName?.IndexOf("[fail]", StringComparison.OrdinalIgnoreCase) >= 0 ? SyncRunOutcome.Failed
            : syncName?.IndexOf("[errors]", StringComparison.OrdinalIgnoreCase) >= 0 ? SyncRunOutcome.CompletedWithErrors
            : SyncRunOutcome.Completed;

        /// <summary>Log-file downloads received on /_sandbox/files (path, whether an Authorization header came along).</summary>
        public ConcurrentQueue<(string Path, bool HadAuthorization)> Downloads { get; } = new ConcurrentQueue<(string, bool)>();

        public static readonly IComparer<SyncRun> Order = Comparer<SyncRun>.Create((a, b) =>
        {
            var c = a.Created.CompareTo(b.Created);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        });

        public void Add(SyncRun run)
        {
            lock (gate)
            {
                byId[run.Id] = run;
                if (!bySync.TryGetValue(run.SyncId, out var list)) bySync[run.SyncId] = list = new List<SyncRun>();
                var i = list.BinarySearch(run, Order);
                list.Insert(i < 0 ? ~i : i, run);
            }
        }

        public SyncRun? Get(string id) { lock (gate) return byId.TryGetValue(id, out var r) ? r : null; }

        /// <summary>A sync's runs, oldest first (a copy).</summary>
        public List<SyncRun> Of(string syncId) { lock (gate) return bySync.TryGetValue(syncId, out var l) ? new List<SyncRun>(l) : new List<SyncRun>(); }

        /// <summary>Up to limit runs of a sync strictly after (ascending) or before (descending) the given run key,
        /// matching the filter, without copying the sync's list.</summary>
        public List<SyncRun> Page(string syncId, SyncRun? from, bool ascending, int limit, Func<SyncRun, bool> keep, out bool more)
        {
            var page = new List<SyncRun>(limit);
            more = false;
            lock (gate)
            {
                if (!bySync.TryGetValue(syncId, out var list)) return page;
                int i;
                if (from == null) i = ascending ? 0 : list.Count - 1;
                else
                {
                    var at = list.BinarySearch(from, Order);
                    i = at >= 0 ? (ascending ? at + 1 : at - 1) : (ascending ? ~at : ~at - 1);
                }
                for (; i >= 0 && i < list.Count; i += ascending ? 1 : -1)
                {
                    if (!keep(list[i])) continue;
                    if (page.Count == limit) { more = true; break; }
                    page.Add(list[i]);
                }
            }
            return page;
        }

        /// <summary>Every run, for events (a copy).</summary>
        public List<SyncRun> All() { lock (gate) return byId.Values.ToList(); }

        public void RemoveSync(string syncId)
        {
            lock (gate)
            {
                if (!bySync.Remove(syncId, out var list)) return;
                foreach (var r in list) byId.Remove(r.Id);
            }
        }

        /// <summary>Seeds count finished runs of a sync, one every spacing (default 10 minutes) up to now, every tenth
        /// failed: for paging tests and the benchmark. 20,000 take a few milliseconds.</summary>
        public List<SyncRun> Seed(SandboxState state, string syncId, int count, TimeSpan? spacing = null)
        {
            var sync = state.Store(Routes.SyncRoutes.StoreName).Get(syncId) ?? throw new ArgumentException($"sync {syncId} not found");
            var step = spacing ?? TimeSpan.FromMinutes(10);
            var now = state.Clock.Now;
            var name = (string?)sync["name"] ?? "";
            var target = (string?)sync["target"]?["connection_id"];
            var mode = (string?)sync["mode"] ?? "updateOrCreate";
            var runs = new List<SyncRun>(count);
            for (int i = 0; i < count; i++)
            {
                runs.Add(new SyncRun
                {
                    Id = SandboxState.NewId(), SyncId = syncId, SyncName = name, TargetConnectionId = target, Mode = mode, Type = "scheduled",
                    Created = now - RunsFor - StartsAfter - TimeSpan.FromTicks(step.Ticks * (count - i)),
                    QueuedAfter = QueuedAfter, StartsAfter = StartsAfter, RunsFor = RunsFor, Records = RecordsPerRun,
                    Outcome = i % 10 == 9 ? SyncRunOutcome.Failed : SyncRunOutcome.Completed,
                });
            }
            lock (gate)
            {
                if (!bySync.TryGetValue(syncId, out var list)) bySync[syncId] = list = new List<SyncRun>(count);
                foreach (var r in runs) byId[r.Id] = r;
                list.AddRange(runs);
                list.Sort(Order);
            }
            return runs;
        }
    }
}
