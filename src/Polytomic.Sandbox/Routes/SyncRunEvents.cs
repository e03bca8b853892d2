using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The sync.* events the current organization's model-sync runs have emitted by now: sync.running when a
    /// run starts, then its terminal event (GET /api/events and the event webhook deliveries both read them).</summary>
    internal static class SyncRunEvents
    {
        /// <summary>Events of runs that may have emitted one since then (a run long finished by then has none, which
        /// keeps this cheap with many seeded runs).</summary>
        public static IEnumerable<(string Id, string Type, DateTimeOffset At, JsonObject Payload)> Emitted(SandboxState s, DateTimeOffset now, DateTimeOffset since)
        {
            var syncs = s.Store(SyncRoutes.StoreName);
            return s.SyncRuns.All().Where(x => x.Created + x.StartsAfter + x.RunsFor + x.RunsFor >= since || x.CancelAt != null || x.Override != null)
                .Where(x => syncs.Get(x.SyncId) != null) // the caller's organization's runs only
                .SelectMany(x => Events(s, x, now));
        }

        /// <summary>The events a run has emitted by now: sync.running when it started, then its terminal event.</summary>
        private static IEnumerable<(string Id, string Type, DateTimeOffset At, JsonObject Payload)> Events(SandboxState s, SyncRun run, DateTimeOffset now)
        {
            var st = run.At(now);
            JsonObject Base() => new JsonObject
            {
                ["sync_id"] = run.SyncId, ["sync_name"] = run.SyncName, ["execution_id"] = run.Id,
                ["organization_id"] = s.CurrentOrganization, ["target_connection_id"] = run.TargetConnectionId,
            };
            if (st.StartedAt is DateTimeOffset started && started <= now)
                yield return (EventRoutes.EventId(run.Id, "sync.running"), "sync.running", started, Base());
            if (!(st.CompletedAt is DateTimeOffset done) || done > now) yield break;
            var c = st.Counts(run.Mode);
            var payload = Base();
            string type;
            switch (st.Status)
            {
                case "failed":
                    type = "sync.failed";
                    payload["error"] = SyncRunRoutes.FailureMessage(run);
                    break;
                case "canceled":
                    type = "sync.canceled";
                    payload["status"] = "canceled";
                    break;
                default:
                    if (c.Error > 0)
                    {
                        type = "sync.completed_with_errors";
                        payload["error"] = $"{c.Error} record(s) were rejected by the target";
                        payload["number_of_errors"] = c.Error;
                        payload["number_of_warnings"] = c.Warnings;
                        break;
                    }
                    type = "sync.completed";
                    payload["status"] = "completed";
                    payload["trigger"] = run.Type == "manual" ? "api" : "schedule";
                    payload["record_count"] = c.Total;
                    payload["inserted_count"] = c.Insert;
                    payload["updated_count"] = c.Update;
                    payload["upserted_count"] = c.Upserts;
                    payload["error_count"] = c.Error;
                    payload["warning_count"] = c.Warnings;
                    foreach (var key in new[] { "total_records", "inserted_records", "updated_records", "deleted_records", "errored_records", "warnings" })
                        payload[key] = new JsonArray();
                    break;
            }
            yield return (EventRoutes.EventId(run.Id, type), type, done, payload);
        }
    }
}
