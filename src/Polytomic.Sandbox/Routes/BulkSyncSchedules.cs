using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using static Polytomic.Sandbox.Routes.BulkSyncData;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The schedules of a bulk sync. A stored sync keeps them in the schedules sub-resource's camelCase shape
    /// (that route shows them as kept); a sync body sends and a sync shows them per API version (2024-02-08 `schedule`,
    /// 2025-09-18 `default_schedule` + `additional_schedules`), converted here.</summary>
    public static class BulkSyncScheduleRoutes
    {
        private static readonly string[] Frequencies = { "manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "multi", "dbtcloud" };
        private static readonly string[] SelectiveModes = { "none", "incrementalFields", "nonincrementalFields" };
        private static readonly string[] ScheduleSyncModes = { "normal", "refetch", "resync", "rebuild" };
        private static readonly string[] CamelKeys = { "frequency", "minute", "hour", "dayOfWeek", "dayOfMonth", "month", "selectiveMode" };

        public static void Map(SandboxApi api)
        {
            var s = api.State;

            api.Get("/api/bulk/syncs/{sync_id}/schedules", r =>
                Task.FromResult(r.Data(Schedules(FindSync(s, r.Route("sync_id"))).DeepClone())));

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
                Schedules(sync).Add(camel);
                return r.Data(camel.DeepClone());
            });

            api.Put("/api/bulk/syncs/{sync_id}/schedules/{schedule_id}", async r =>
            {
                var sync = FindSync(s, r.Route("sync_id"));
                var existing = FindSchedule(sync, r.Route("schedule_id"));
                var camel = ScheduleBody(await r.BodyAsync());
                // Full replacement of the schedule's timing; identity and history stay.
                foreach (var key in CamelKeys) existing[key] = camel[key]?.DeepClone();
                existing["updatedAt"] = s.Clock.Stamp();
                existing["updatedBy"] = s.UserId;
                return r.Data(existing.DeepClone());
            });

            api.Delete("/api/bulk/syncs/{sync_id}/schedules/{schedule_id}", r =>
            {
                var sync = FindSync(s, r.Route("sync_id"));
                var existing = FindSchedule(sync, r.Route("schedule_id"));
                if ((bool?)existing["isDefault"] == true) throw ApiError.BadRequest("the default schedule of a bulk sync cannot be deleted");
                Schedules(sync).Remove(existing);
                return Task.FromResult(SandboxRequest.Empty());
            });
        }

        private static JsonObject FindSchedule(JsonObject sync, string id) =>
            Schedules(sync).OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == id)
            ?? throw ApiError.NotFound("schedule", id);

        /// <summary>{"schedule": {frequency, minute, hour, dayOfWeek, dayOfMonth, month, selectiveMode}} — camelCase; a
        /// snake_case key is a mistake worth reporting rather than ignoring.</summary>
        private static JsonObject ScheduleBody(JsonObject body)
        {
            if (!(body["schedule"] is JsonObject sched)) throw ApiError.BadRequest("schedule is required");
            var unknown = sched.Select(kv => kv.Key).Where(k => !CamelKeys.Contains(k)).ToList();
            if (unknown.Count > 0) throw ApiError.BadRequest($"unknown schedule field(s): {string.Join(", ", unknown)} (fields are camelCase: {string.Join(", ", CamelKeys)})");
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

        // ---------------------------------------------------------------- in a sync's body and projection

        /// <summary>Reads the version's schedule shape of a sync body into the stored camelCase schedules, keeping ids
        /// (and creation stamps) of schedules that are sent back.</summary>
        public static JsonArray FromSyncBody(SandboxState s, SandboxRequest r, JsonObject body, string syncId, JsonArray? previous)
        {
            var result = new JsonArray();
            JsonObject Keep(JsonObject camel, string? id)
            {
                var old = id == null ? null : previous?.OfType<JsonObject>().FirstOrDefault(p => (string?)p["id"] == id);
                camel["id"] = old != null ? id : SandboxState.NewId();
                camel["syncId"] = syncId;
                camel["createdAt"] = (string?)old?["createdAt"] ?? s.Clock.Stamp();
                camel["createdBy"] = (string?)old?["createdBy"] ?? s.UserId;
                camel["updatedAt"] = s.Clock.Stamp();
                camel["updatedBy"] = s.UserId;
                return camel;
            }

            if (r.Is2025)
            {
                if (body.ContainsKey("schedule"))
                    throw ApiError.BadRequest("schedule is not accepted in API version 2025-09-18: send default_schedule (and additional_schedules)");
                if (!(body["default_schedule"] is JsonObject def)) throw ApiError.BadRequest("default_schedule is required");
                result.Add(Keep(FromSnake(def, isDefault: true), Str(def["id"])));
                if (body["additional_schedules"] is JsonArray extra)
                    foreach (var e in extra.OfType<JsonObject>()) result.Add(Keep(FromSnake(e, isDefault: false), Str(e["id"])));
                return result;
            }

            if (body.ContainsKey("default_schedule") || body.ContainsKey("additional_schedules"))
                throw ApiError.BadRequest("default_schedule is not accepted in API version 2024-02-08: send schedule");
            if (!(body["schedule"] is JsonObject sched)) throw ApiError.BadRequest("schedule is required");
            var prevDefault = previous?.OfType<JsonObject>().FirstOrDefault(p => (bool?)p["isDefault"] == true);
            result.Add(Keep(FromSnake(sched, isDefault: true, allowMulti: true), (string?)prevDefault?["id"]));
            if (sched["multi"]?["schedules"] is JsonArray items)
                foreach (var item in items.OfType<JsonObject>())
                {
                    if (!(item["schedule"] is JsonObject inner)) throw ApiError.BadRequest("schedule.multi.schedules[].schedule is required");
                    var camel = FromSnake(inner, isDefault: false);
                    camel["selectiveMode"] = Str(item["item"]) ?? "none";
                    result.Add(Keep(camel, null));
                }
            return result;
        }

        /// <summary>Adds the version's schedule fields to a projected sync.</summary>
        public static void AddToSync(JsonObject result, JsonArray stored, bool is2025)
        {
            var schedules = stored.OfType<JsonObject>().ToList();
            var def = schedules.First(x => (bool?)x["isDefault"] == true);
            var extra = schedules.Where(x => (bool?)x["isDefault"] != true).ToList();
            if (is2025)
            {
                result["default_schedule"] = ToSnake(def, additional: false, meta: true);
                result["additional_schedules"] = new JsonArray(extra.Select(x => (JsonNode)ToSnake(x, additional: true, meta: true)).ToArray());
                return;
            }
            var legacy = ToSnake(def, additional: false, meta: false);
            if (extra.Count > 0)
                legacy["multi"] = new JsonObject
                {
                    ["type"] = "itemized",
                    ["schedules"] = new JsonArray(extra.Select(x => (JsonNode)new JsonObject
                    {
                        ["item"] = (string?)x["selectiveMode"], ["schedule"] = ToSnake(x, additional: false, meta: false),
                    }).ToArray()),
                };
            result["schedule"] = legacy;
        }

        /// <summary>When an active sync's default schedule next fires (hourly, daily and continuous; null otherwise).</summary>
        public static string? NextExecutionTime(SandboxState s, JsonObject sync)
        {
            if ((bool?)sync["active"] != true) return null;
            var def = Schedules(sync).OfType<JsonObject>().First(x => (bool?)x["isDefault"] == true);
            var now = s.Clock.Now;
            int.TryParse(Str(def["minute"]), out var minute);
            int.TryParse(Str(def["hour"]), out var hour);
            DateTimeOffset? next = (string?)def["frequency"] switch
            {
                "hourly" => new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, minute % 60, 0, TimeSpan.Zero) is var h && h > now ? h : h.AddHours(1),
                "daily" => new DateTimeOffset(now.Year, now.Month, now.Day, hour % 24, minute % 60, 0, TimeSpan.Zero) is var d && d > now ? d : d.AddDays(1),
                "continuous" => now.AddMinutes(1),
                _ => null,
            };
            return next?.ToString("yyyy-MM-ddTHH:mm:ssZ");
        }

        /// <summary>A snake_case schedule (bulk sync bodies) as the stored camelCase form.</summary>
        private static JsonObject FromSnake(JsonObject o, bool isDefault, bool allowMulti = false)
        {
            var frequency = Str(o["frequency"]) ?? throw ApiError.BadRequest("schedule frequency is required");
            if (!Frequencies.Contains(frequency)) throw ApiError.BadRequest($"invalid schedule frequency '{frequency}'");
            var camel = new JsonObject
            {
                ["frequency"] = frequency,
                ["minute"] = Str(o["minute"]), ["hour"] = Str(o["hour"]), ["dayOfWeek"] = Str(o["day_of_week"]),
                ["dayOfMonth"] = Str(o["day_of_month"]), ["month"] = Str(o["month"]),
                ["selectiveMode"] = Str(o["selective_mode"]) ?? "none",
                ["syncMode"] = Str(o["resync_mode"]) ?? "normal",
                ["schemas"] = o["schemas"]?.DeepClone() ?? new JsonArray(),
                ["isDefault"] = isDefault,
            };
            if (!SelectiveModes.Contains((string)camel["selectiveMode"]!)) throw ApiError.BadRequest($"invalid selective_mode '{camel["selectiveMode"]}'");
            if (!ScheduleSyncModes.Contains((string)camel["syncMode"]!)) throw ApiError.BadRequest($"invalid resync_mode '{camel["syncMode"]}'");
            if (frequency == "multi" && !allowMulti) throw ApiError.BadRequest("frequency multi is only valid on a 2024-02-08 schedule");
            return camel;
        }

        private static JsonObject ToSnake(JsonObject camel, bool additional, bool meta)
        {
            var o = new JsonObject();
            if (meta) o["id"] = (string?)camel["id"];
            o["frequency"] = (string?)camel["frequency"];
            foreach (var (snake, key) in new[] { ("minute", "minute"), ("hour", "hour"), ("day_of_week", "dayOfWeek"), ("day_of_month", "dayOfMonth"), ("month", "month") })
                if (Str(camel[key]) is string v) o[snake] = v;
            if (additional)
            {
                o["schemas"] = camel["schemas"]?.DeepClone() ?? new JsonArray();
                o["selective_mode"] = (string?)camel["selectiveMode"];
                o["resync_mode"] = (string?)camel["syncMode"];
            }
            if (meta)
            {
                o["created_at"] = (string?)camel["createdAt"];
                o["created_by"] = new JsonObject { ["id"] = (string?)camel["createdBy"], ["name"] = "Sandbox User", ["type"] = "user" };
                o["updated_at"] = (string?)camel["updatedAt"];
                o["updated_by"] = new JsonObject { ["id"] = (string?)camel["updatedBy"], ["name"] = "Sandbox User", ["type"] = "user" };
            }
            return o;
        }
    }
}
