using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>GET /api/events and /api/events_types: the events model-sync runs (SyncRunEvents) and bulk-sync runs
    /// (BulkSyncEvents) have emitted, kept 48 hours; and the same events for the webhook deliveries
    /// (Core/WebhookDeliveries.cs).</summary>
    public static class EventRoutes
    {
        private static readonly string[] EventTypes =
        {
            "sync.running", "sync.failed", "sync.canceled", "sync.completed", "sync.completed_with_errors",
            "bulk_sync.running", "bulk_sync.completed", "bulk_sync.canceled", "bulk_sync.failed", "bulk_sync.completed_with_error",
        };

        public static void Map(SandboxApi api)
        {
            var s = api.State;

            api.Get("/api/events_types", r => Task.FromResult(r.Data(new JsonArray(EventTypes.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()))));

            api.Get("/api/events", r =>
            {
                var now = s.Clock.Now;
                var type = r.Query("type");
                if (type != null && !EventTypes.Contains(type)) throw ApiError.BadRequest($"unknown event type '{type}'");
                var after = Time(r, "starting_after");
                var before = Time(r, "ending_before");
                var limit = ListPages.Limit(r, 10, 100);
                // Events are kept 48 hours.
                var since = now.AddHours(-48);
                var events = Emitted(s, now, since)
                    .Where(e => e.At >= since && (type == null || e.Type == type) && (after == null || e.At > after) && (before == null || e.At < before))
                    .OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)
                    .Take(limit)
                    .Select(e => (JsonNode)Json(s, e.Id, e.Type, e.At, e.Payload)).ToArray();
                return Task.FromResult(r.Data(new JsonArray(events)));
            });
        }

        /// <summary>A run's event id: stable, so the same event reads the same on every call.</summary>
        internal static string EventId(string runId, string type) =>
            new Guid(MD5.HashData(Encoding.UTF8.GetBytes(runId + "/" + type))).ToString();

        /// <summary>The current organization's events emitted in (since, now], oldest first, as GET /api/events shows
        /// them: what the webhook deliveries (Core/WebhookDeliveries.cs) send.</summary>
        internal static List<(DateTimeOffset At, JsonObject Event)> EventsSince(SandboxState s, DateTimeOffset since)
        {
            var now = s.Clock.Now;
            return Emitted(s, now, since)
                .Where(e => e.At > since)
                .OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => (e.At, Json(s, e.Id, e.Type, e.At, (JsonObject)e.Payload.DeepClone()))).ToList();
        }

        private static IEnumerable<(string Id, string Type, DateTimeOffset At, JsonObject Payload)> Emitted(SandboxState s, DateTimeOffset now, DateTimeOffset since) =>
            SyncRunEvents.Emitted(s, now, since).Concat(BulkSyncEvents.Emitted(s, now, since));

        private static JsonObject Json(SandboxState s, string id, string type, DateTimeOffset at, JsonObject payload) => new JsonObject
        {
            ["id"] = id, ["organization_id"] = s.CurrentOrganization, ["type"] = type,
            ["created_at"] = SyncRunRoutes.Stamp(at), ["event"] = payload,
        };

        private static DateTimeOffset? Time(SandboxRequest r, string name)
        {
            var v = r.Query(name);
            if (v == null) return null;
            return DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? t : throw ApiError.BadRequest($"{name} must be an RFC 3339 timestamp");
        }
    }
}
