using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The bulk_sync.* events the current organization's bulk runs have emitted by now: bulk_sync.running when
    /// a run starts, then bulk_sync.completed, bulk_sync.failed or bulk_sync.canceled (GET /api/events and the event
    /// webhook deliveries both read them).</summary>
    internal static class BulkSyncEvents
    {
        /// <summary>Events of runs that may have emitted one since then: a run's last event comes at the latest when a
        /// cancel asked for just before it finished takes effect, so runs over by then are not worked out at all.</summary>
        public static IEnumerable<(string Id, string Type, DateTimeOffset At, JsonObject Payload)> Emitted(SandboxState s, DateTimeOffset now, DateTimeOffset since)
        {
            var syncs = s.Store(BulkSyncData.SyncStore);
            foreach (var exec in s.BulkSyncRuns.All())
            {
                if (exec.Finished + BulkSyncRuns.CancelTakes < since) continue;
                // The caller's organization's runs only: those of syncs it can see.
                var sync = syncs.Get(exec.SyncId);
                if (sync == null) continue;
                var run = exec.At(now);
                var id = exec.Id;
                JsonObject Base() => new JsonObject
                {
                    ["sync_id"] = (string?)sync["id"], ["sync_name"] = (string?)sync["name"], ["execution_id"] = id,
                    ["organization_id"] = s.CurrentOrganization, ["source_connection_id"] = (string?)sync["source_connection_id"],
                    ["destination_connection_id"] = (string?)sync["destination_connection_id"],
                };
                if (run.StartedAt is DateTimeOffset started)
                    yield return (EventRoutes.EventId(id, "bulk_sync.running"), "bulk_sync.running", started, Base());
                if (!(run.CompletedAt is DateTimeOffset done)) continue;
                var payload = Base();
                string type;
                switch (run.Status)
                {
                    case "failed": type = "bulk_sync.failed"; payload["error"] = run.Message; break;
                    case "canceled": type = "bulk_sync.canceled"; break;
                    default: type = "bulk_sync.completed"; break;
                }
                yield return (EventRoutes.EventId(id, type), type, done, payload);
            }
        }
    }
}
