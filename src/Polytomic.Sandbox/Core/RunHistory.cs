using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Polytomic.Sandbox.Routes;

namespace Polytomic.Sandbox
{
    /// <summary>Run histories spread over days, for health tests, the health report and the benchmark: a model sync's or
    /// bulk sync's finished runs, oldest first, one every spacing, the newest ending about now. Outcomes are letters:
    /// C completed, E completed with record errors, F failed. POST /_sandbox/history does the same for a sandbox run
    /// standalone: {"sync_id", "outcomes": "CCF", "spacing_minutes": 360, "ago_minutes": 0} (ago: how long before now the
    /// newest run ended).</summary>
    public static class RunHistory
    {
        /// <summary>Seeds the runs; returns their ids, oldest first. The sync may be in any organization.</summary>
        public static List<string> Seed(SandboxState s, string syncId, string outcomes, TimeSpan spacing, TimeSpan ago = default)
        {
            if (outcomes.Any(c => "CEF".IndexOf(char.ToUpperInvariant(c)) < 0))
                throw new ArgumentException("outcomes are letters C (completed), E (completed with errors) or F (failed)");
            var model = s.Store(SyncRoutes.StoreName).GetInAnyOrganization(syncId);
            if (model != null) return SeedModel(s, model.Value.Item, outcomes, spacing, ago);
            var bulk = s.Store(BulkSyncData.SyncStore).GetInAnyOrganization(syncId);
            if (bulk != null) return SeedBulk(s, bulk.Value.Item, bulk.Value.OrganizationId, outcomes, spacing, ago);
            throw new ArgumentException($"no sync or bulk sync {syncId}");
        }

        private static SyncRunOutcome Outcome(char c) => char.ToUpperInvariant(c) switch
        {
            'F' => SyncRunOutcome.Failed,
            'E' => SyncRunOutcome.CompletedWithErrors,
            _ => SyncRunOutcome.Completed,
        };

        private static List<string> SeedModel(SandboxState s, JsonObject sync, string outcomes, TimeSpan spacing, TimeSpan ago)
        {
            var runs = s.SyncRuns;
            var now = s.Clock.Now - ago;
            var ids = new List<string>();
            for (int i = 0; i < outcomes.Length; i++)
            {
                var run = new SyncRun
                {
                    Id = SandboxState.NewId(), SyncId = (string)sync["id"]!, SyncName = (string?)sync["name"] ?? "",
                    TargetConnectionId = (string?)sync["target"]?["connection_id"], Mode = (string?)sync["mode"] ?? "updateOrCreate",
                    Type = "scheduled",
                    Created = now - runs.RunsFor - runs.StartsAfter - TimeSpan.FromTicks(spacing.Ticks * (outcomes.Length - 1 - i)) - TimeSpan.FromSeconds(1),
                    QueuedAfter = runs.QueuedAfter, StartsAfter = runs.StartsAfter, RunsFor = runs.RunsFor, Records = runs.RecordsPerRun,
                    Outcome = Outcome(outcomes[i]),
                };
                runs.Add(run);
                ids.Add(run.Id);
            }
            return ids;
        }

        private static List<string> SeedBulk(SandboxState s, JsonObject sync, string? organizationId, string outcomes, TimeSpan spacing, TimeSpan ago)
        {
            var connections = organizationId == null ? s.Connections : s.Connections.In(organizationId);
            var sourceType = (string?)connections.Get((string?)sync["source_connection_id"] ?? "")?["type"] ?? "";
            var schemas = BulkSyncData.Schemas(sync).OfType<JsonObject>().Where(x => (bool?)x["enabled"] == true).Select(x => (string)x["id"]!).ToList();
            var (queuedFor, runsFor) = (s.BulkSyncRuns.QueuedFor, s.BulkSyncRuns.RunsFor);
            var now = s.Clock.Now - ago;
            var ids = new List<string>();
            for (int i = 0; i < outcomes.Length; i++)
            {
                var outcome = Outcome(outcomes[i]);
                var run = new BulkSyncRun
                {
                    Id = SandboxState.NewId(), SyncId = (string)sync["id"]!, SourceType = sourceType, Schemas = schemas,
                    Created = now - queuedFor - runsFor - TimeSpan.FromTicks(spacing.Ticks * (outcomes.Length - 1 - i)) - TimeSpan.FromSeconds(1),
                    Type = "scheduled",
                    // A bulk run has no "completed with errors": E completes.
                    Outcome = outcome == SyncRunOutcome.Failed ? SyncRunOutcome.Failed : SyncRunOutcome.Completed,
                    QueuedFor = queuedFor, RunsFor = runsFor,
                };
                s.BulkSyncRuns.Add(run);
                ids.Add(run.Id);
            }
            return ids;
        }
    }
}
