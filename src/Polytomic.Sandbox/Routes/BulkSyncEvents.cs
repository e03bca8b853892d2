using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The bulk_sync.* events the current organization's bulk runs have emitted by now: bulk_sync.running when
    /// a run starts, then bulk_sync.completed, bulk_sync.failed or bulk_sync.canceled (GET /api/events and the event
    /// webhook deliveries both read them).</summary>
    internal static class BulkSyncEvents
    {
        public static IEnumerable<(string Id, string Type, DateTimeOffset At, JsonObject Payload)> Emitted(SandboxState s, DateTimeOffset now)
        {
            var syncs = s.Store(BulkSyncRoutes.SyncStore);
            foreach (var exec in s.Store(BulkSyncRoutes.ExecutionStore).All())
            {
                var sync = syncs.Get((string?)exec["_sync_id"] ?? "");
                if (sync == null) continue;
                var run = BulkSyncRuns.Project(exec, now, id => id);
                var id = (string)run["id"]!;
                JsonObject Base() => new JsonObject
                {
                    ["sync_id"] = (string?)sync["id"], ["sync_name"] = (string?)sync["name"], ["execution_id"] = id,
                    ["organization_id"] = s.CurrentOrganization, ["source_connection_id"] = (string?)sync["source_connection_id"],
                    ["destination_connection_id"] = (string?)sync["destination_connection_id"],
                };
                if (Time(run["started_at"]) is DateTimeOffset started)
                    yield return (EventId(id, "bulk_sync.running"), "bulk_sync.running", started, Base());
                if (!(Time(run["completed_at"]) is DateTimeOffset done)) continue;
                var payload = Base();
                string type;
                switch ((string?)run["status"])
                {
                    case "failed": type = "bulk_sync.failed"; payload["error"] = (string?)run["status_message"]; break;
                    case "canceled": type = "bulk_sync.canceled"; break;
                    default: type = "bulk_sync.completed"; break;
                }
                yield return (EventId(id, type), type, done, payload);
            }
        }

        /// <summary>Stable ids, so the same event reads the same on every call.</summary>
        private static string EventId(string executionId, string type) =>
            new Guid(MD5.HashData(Encoding.UTF8.GetBytes(executionId + "/" + type))).ToString();

        private static DateTimeOffset? Time(JsonNode? n) => n == null ? (DateTimeOffset?)null : DateTimeOffset.Parse((string)n!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
