using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox
{
    /// <summary>Sync dependencies: a sync whose schedule is runafter gets a run when a run of a sync or bulk sync its
    /// run_after names ends (only when that run completed, with run_after_success_only). Runs follow the sandbox clock,
    /// not a timer, so dependent runs are added when runs are next read, created at the moment the upstream run ended.
    /// Each upstream run starts each dependent once, however often it is read.</summary>
    public sealed class RunAfterFollower
    {
        private readonly object gate = new object();
        private readonly HashSet<string> started = new HashSet<string>(StringComparer.Ordinal);

        public void Follow(SandboxState s)
        {
            lock (gate)
            {
                var now = s.Clock.Now;
                // A dependent run can itself have ended by now and start the next sync of a chain: repeat until quiet.
                for (var pass = 0; pass < 20 && Pass(s, now); pass++) { }
            }
        }

        private bool Pass(SandboxState s, DateTimeOffset now)
        {
            var added = false;
            List<BulkSyncRun>? bulkRuns = null;
            foreach (var sync in s.Store(Routes.SyncRoutes.StoreName).AllOrganizations())
            {
                var schedule = sync["schedule"] as JsonObject;
                if ((string?)schedule?["frequency"] != "runafter" || !(schedule!["run_after"] is JsonObject runAfter)) continue;
                var successOnly = (bool?)schedule["run_after_success_only"] == true;
                // Only runs since the dependency was set count, not a named sync's older history (whose state is then
                // never worked out: this runs on every read of model-sync runs).
                var since = DateTimeOffset.TryParse((string?)sync["updated_at"], out var u) ? u : DateTimeOffset.MinValue;
                var ended = new List<(string RunId, DateTimeOffset At, bool Ok)>();
                foreach (var id in Ids(runAfter["sync_ids"]))
                    foreach (var run in s.SyncRuns.Of(id).Where(r => r.Created >= since))
                    {
                        var state = run.At(now);
                        if (state.IsTerminal) ended.Add((run.Id, state.CompletedAt!.Value, state.Status == "completed"));
                    }
                var bulkIds = new HashSet<string>(Ids(runAfter["bulk_sync_ids"]), StringComparer.Ordinal);
                if (bulkIds.Count > 0)
                {
                    bulkRuns ??= s.BulkSyncRuns.All();
                    foreach (var e in bulkRuns.Where(e => bulkIds.Contains(e.SyncId) && e.Created >= since))
                    {
                        var p = e.At(now);
                        if (p.CompletedAt is DateTimeOffset at) ended.Add((e.Id, at, p.Status == "completed"));
                    }
                }
                var syncId = (string)sync["id"]!;
                foreach (var (runId, at, ok) in ended.OrderBy(x => x.At))
                {
                    if ((successOnly && !ok) || !started.Add(syncId + "|" + runId)) continue;
                    var runs = s.SyncRuns;
                    runs.Add(new SyncRun
                    {
                        Id = SandboxState.NewId(), SyncId = syncId, SyncName = (string?)sync["name"] ?? "",
                        TargetConnectionId = (string?)sync["target"]?["connection_id"], Mode = (string?)sync["mode"] ?? "updateOrCreate",
                        Type = "scheduled", Created = at, QueuedAfter = runs.QueuedAfter, StartsAfter = runs.StartsAfter, RunsFor = runs.RunsFor,
                        Records = runs.RecordsPerRun, Outcome = SyncRuns.OutcomeFor((string?)sync["name"]),
                    });
                    added = true;
                }
            }
            return added;
        }

        private static IEnumerable<string> Ids(JsonNode? node) =>
            (node as JsonArray ?? new JsonArray()).Select(x => (string?)x).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!);
    }
}
