using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The schedules sub-resource of a bulk sync (camelCase keys).</summary>
    public static partial class BulkSyncRoutes
    {
        private static void MapSchedules(SandboxApi api, SandboxState s)
        {
            api.Get("/api/bulk/syncs/{sync_id}/schedules", r =>
            {
                var sync = FindSync(s, r.Route("sync_id"));
                return Task.FromResult(r.Data(sync["_schedules"]!.DeepClone()));
            });

            api.Get("/api/bulk/syncs/{sync_id}/schedules/{schedule_id}", r =>
                Task.FromResult(r.Data(FindSchedule(FindSync(s, r.Route("sync_id")), r.Route("schedule_id")).DeepClone())));

            api.Post("/api/bulk/syncs/{sync_id}/schedules", async r =>
            {
                var sync = FindSync(s, r.Route("sync_id"));
                var camel = ScheduleBody(await r.BodyAsync());
                camel["id"] = SandboxState.NewId();
                camel["syncId"] = (string)sync["id"]!;
                camel["isDefault"] = false;
                camel["syncMode"] = "normal";
                camel["schemas"] = new JsonArray();
                camel["createdAt"] = s.Clock.Stamp();
                camel["createdBy"] = s.UserId;
                camel["updatedAt"] = s.Clock.Stamp();
                camel["updatedBy"] = s.UserId;
                camel["deletedAt"] = null;
                camel["deletedBy"] = null;
                sync["_schedules"]!.AsArray().Add(camel);
                return r.Data(camel.DeepClone());
            });

            api.Put("/api/bulk/syncs/{sync_id}/schedules/{schedule_id}", async r =>
            {
                var sync = FindSync(s, r.Route("sync_id"));
                var existing = FindSchedule(sync, r.Route("schedule_id"));
                var camel = ScheduleBody(await r.BodyAsync());
                // Full replacement of the schedule's timing; identity and history stay.
                foreach (var key in new[] { "frequency", "minute", "hour", "dayOfWeek", "dayOfMonth", "month", "selectiveMode" })
                    existing[key] = camel[key]?.DeepClone();
                existing["updatedAt"] = s.Clock.Stamp();
                existing["updatedBy"] = s.UserId;
                return r.Data(existing.DeepClone());
            });

            api.Delete("/api/bulk/syncs/{sync_id}/schedules/{schedule_id}", r =>
            {
                var sync = FindSync(s, r.Route("sync_id"));
                var existing = FindSchedule(sync, r.Route("schedule_id"));
                if ((bool?)existing["isDefault"] == true) throw ApiError.BadRequest("the default schedule of a bulk sync cannot be deleted");
                sync["_schedules"]!.AsArray().Remove(existing);
                return Task.FromResult(SandboxRequest.Empty());
            });
        }

        private static JsonObject FindSchedule(JsonObject sync, string id) =>
            sync["_schedules"]!.AsArray().OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == id)
            ?? throw ApiError.NotFound("schedule", id);

        /// <summary>{"schedule": {frequency, minute, hour, dayOfWeek, dayOfMonth, month, selectiveMode}} — camelCase; a
        /// snake_case key is a mistake worth reporting rather than ignoring.</summary>
        private static JsonObject ScheduleBody(JsonObject body)
        {
            if (!(body["schedule"] is JsonObject sched)) throw ApiError.BadRequest("schedule is required");
            var allowed = new[] { "frequency", "minute", "hour", "dayOfWeek", "dayOfMonth", "month", "selectiveMode" };
            var unknown = sched.Select(kv => kv.Key).Where(k => !allowed.Contains(k)).ToList();
            if (unknown.Count > 0) throw ApiError.BadRequest($"unknown schedule field(s): {string.Join(", ", unknown)} (fields are camelCase: {string.Join(", ", allowed)})");
            var frequency = Str(sched["frequency"]) ?? throw ApiError.BadRequest("schedule.frequency is required");
            if (!Frequencies.Contains(frequency) || frequency == "multi") throw ApiError.BadRequest($"invalid schedule frequency '{frequency}'");
            var selective = Str(sched["selectiveMode"]) ?? "none";
            if (!SelectiveModes.Contains(selective)) throw ApiError.BadRequest($"invalid selectiveMode '{selective}'");
            return new JsonObject
            {
                ["frequency"] = frequency, ["minute"] = Str(sched["minute"]), ["hour"] = Str(sched["hour"]),
                ["dayOfWeek"] = Str(sched["dayOfWeek"]), ["dayOfMonth"] = Str(sched["dayOfMonth"]), ["month"] = Str(sched["month"]),
                ["selectiveMode"] = selective,
            };
        }
    }
}
