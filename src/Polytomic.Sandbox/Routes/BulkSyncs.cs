using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Bulk syncs (ELT): create, list, read, update, delete, activate and status, and the source and destination a
    /// connection offers to a bulk sync. Runs, schemas and schedules are in BulkSyncRuns.cs, BulkSyncSchemas.cs and
    /// BulkSyncSchedules.cs. Stored syncs keep schedules in the camelCase sub-resource form and project them per API version
    /// (2024-02-08 `schedule`, 2025-09-18 `default_schedule` + `additional_schedules`).</summary>
    public static partial class BulkSyncRoutes
    {
        public const string SyncStore = "bulk_syncs";
        public const string ExecutionStore = "bulk_executions";

        private static readonly string[] Frequencies = { "manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "multi", "dbtcloud" };
        private static readonly string[] Modes = { "snapshot", "replicate" };
        private static readonly string[] ResyncModes = { "refetch", "resync", "rebuild" };
        private static readonly string[] FetchModes = { "none", "incremental", "full" };
        private static readonly string[] SelectiveModes = { "none", "incrementalFields", "nonincrementalFields" };
        private static readonly string[] ScheduleSyncModes = { "normal", "refetch", "resync", "rebuild" };
        private static readonly string[] Terminal = { "completed", "canceled", "failed", "errors", "interrupted" };
        private static readonly string[] ScheduleTimeKeys = { "minute", "hour", "day_of_week", "day_of_month", "month" };

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            MapIntrospection(api, s);

            api.Get("/api/bulk/syncs", r =>
            {
                var all = s.Store(SyncStore).All().AsEnumerable();
                if (r.Query("active") is string a) all = all.Where(x => (bool?)x["active"] == (a == "true"));
                var list = all.Select(x => (JsonNode)Project(s, x, r.Is2025)).ToList();
                if (!r.Is2025) return Task.FromResult(r.Data(new JsonArray(list.ToArray())));
                // 2025-09-18 pages the list (docs: page_token, limit <= 50).
                var (page, next) = Paginate(list, r.Query("page_token"), Limit(r, 50, 50));
                return Task.FromResult(r.Data(new JsonArray(page.ToArray()), Paging(next)));
            });

            api.Post("/api/bulk/syncs", async r =>
            {
                var body = await r.BodyAsync();
                var now = s.Clock.Stamp();
                var id = SandboxState.NewId();
                var stored = new JsonObject { ["id"] = id };
                var (source, _) = ApplyBody(s, r, body, stored, creating: true);
                // The cache check comes after the body checks and before schema names can be resolved, as Polytomic orders them.
                ConnectionRoutes.RequireSchemaCache(s, source);
                stored["_schemas"] = InitialSchemas(source, body["schemas"]);
                stored["organization_id"] = s.OrganizationFor(body);
                stored["created_at"] = now;
                stored["created_by"] = s.Actor();
                stored["updated_at"] = now;
                stored["updated_by"] = s.Actor();
                s.Store(SyncStore).Add(stored);
                return r.Data(Project(s, stored, r.Is2025));
            });

            api.Get("/api/bulk/syncs/status", r =>
            {
                var ids = r.Http.Request.Query["sync_id"].Where(v => v != null).SelectMany(v => v!.Split(',')).ToList();
                IEnumerable<JsonObject> syncs = s.Store(SyncStore).All();
                if (r.QueryBool("active")) syncs = syncs.Where(x => (bool?)x["active"] == true);
                else if (!r.QueryBool("all") && ids.Count > 0) syncs = syncs.Where(x => ids.Contains((string)x["id"]!));
                var items = syncs.Select(x =>
                {
                    var exec = Executions(s, (string)x["id"]!).FirstOrDefault();
                    var e = exec == null ? null : ProjectExecution(s, exec);
                    return (JsonNode)new JsonObject
                    {
                        ["sync_id"] = (string)x["id"]!,
                        ["status"] = (string?)e?["status"],
                        ["nextExecutionTime"] = NextExecutionTime(s, x),
                        ["schemas"] = new JsonArray((e?["schemas"]?.AsArray() ?? new JsonArray()).Select(sc => (JsonNode)new JsonObject
                        {
                            ["schema"] = sc!["schema"]?.DeepClone(), ["execution_id"] = (string?)e!["id"], ["status"] = sc["status"]?.DeepClone(),
                            ["record_count"] = sc["record_count"]?.DeepClone(), ["error_count"] = 0, ["warning_count"] = 0,
                            ["started_at"] = sc["started_at"]?.DeepClone(), ["completed_at"] = sc["completed_at"]?.DeepClone(),
                        }).ToArray()),
                    };
                }).ToArray();
                return Task.FromResult(r.Data(new JsonArray(items)));
            });

            api.Get("/api/bulk/syncs/{id}", r => Task.FromResult(r.Data(Project(s, FindSync(s, r.Route("id")), r.Is2025))));

            api.Put("/api/bulk/syncs/{id}", async r =>
            {
                var existing = FindSync(s, r.Route("id"));
                var body = await r.BodyAsync();
                var updated = existing.DeepClone().AsObject();
                ApplyBody(s, r, body, updated, creating: false);
                updated["updated_at"] = s.Clock.Stamp();
                updated["updated_by"] = s.Actor();
                s.Store(SyncStore).Replace(r.Route("id"), updated);
                return r.Data(Project(s, updated, r.Is2025));
            });

            api.Delete("/api/bulk/syncs/{id}", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                foreach (var e in Executions(s, (string)sync["id"]!)) s.Store(ExecutionStore).Remove((string)e["id"]!);
                s.Store(SyncStore).Remove((string)sync["id"]!);
                return Task.FromResult(SandboxRequest.Empty());
            });

            api.Post("/api/bulk/syncs/{id}/activate", async r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var body = await r.BodyAsync();
                if (!(body["active"] is JsonValue v) || !v.TryGetValue<bool>(out var active)) throw ApiError.BadRequest("active is required and must be a boolean");
                sync["active"] = active;
                // Deactivating cancels the run in progress.
                if (!active && Current(s, (string)sync["id"]!) is JsonObject running) running["_cancel_at"] = s.Clock.Now.ToString("o");
                return r.Data(new JsonObject { ["id"] = (string)sync["id"]!, ["active"] = active });
            });

            MapExecutions(api, s);
            MapSchemas(api, s);
            MapSchedules(api, s);
        }

        // ---------------------------------------------------------------- connections: source and destination

        private static void MapIntrospection(SandboxApi api, SandboxState s)
        {
            api.Get("/api/connections/{id}/bulksync/source", r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("id"));
                ConnectionRoutes.RequireSchemaCache(s, c);
                var type = (string)c["type"]!;
                var schemas = DemoSchemas.For(type);
                var config = new JsonObject();
                if ((bool?)c["configuration"]?["change_detection"] == true)
                    config["replication_slot"] = new JsonObject { ["default"] = "", ["required"] = false };
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["capabilities"] = new JsonObject { ["supports_tracking_fields"] = schemas.Any(x => x.TrackingField != null) },
                    ["configuration"] = config,
                    ["schemas"] = new JsonArray(schemas.Select(x => (JsonNode)DemoSchemas.SchemaJson(x, r.QueryBool("include_fields"))).ToArray()),
                }));
            });

            api.Get("/api/connections/{id}/bulksync/target", r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("id"));
                var type = (string)c["type"]!;
                var options = DemoSchemas.DestinationOptions(type) ?? throw ApiError.BadRequest($"connections of type {type} cannot be bulk sync destinations");
                var config = new JsonObject();
                foreach (var o in options) config[o.Name] = OptionJson(o);
                config["advanced"] = new JsonObject { ["items"] = new JsonObject(DemoSchemas.Advanced.Select(o => KeyValuePair.Create(o.Name, (JsonNode?)OptionJson(o)))) };
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["configuration"] = config,
                    ["modes"] = new JsonArray(
                        ModeJson("replicate", "Replicate", "Keep the destination in step with the source, updating changed records"),
                        ModeJson("snapshot", "Snapshot", "Write a full copy of the source on every run")),
                    ["supported_resync_modes"] = new JsonArray(ResyncModes.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                }));
            });
        }

        private static JsonObject OptionJson(DemoSchemas.DestinationOption o) =>
            new JsonObject { ["default"] = o.Default?.DeepClone() ?? JsonValue.Create(""), ["required"] = o.Required };

        private static JsonObject ModeJson(string id, string label, string description) => new JsonObject
        {
            ["id"] = id, ["label"] = label, ["description"] = description,
            ["requires_identity"] = false, ["supports_field_sync_mode"] = false, ["supports_target_filters"] = false,
        };

        // ---------------------------------------------------------------- create / update body

        /// <summary>Validates a create/update body and writes its top-level fields into stored. PUT is a full
        /// replacement (omitted fields reset to defaults) but never touches schemas.</summary>
        private static (JsonObject Source, JsonObject Destination) ApplyBody(SandboxState s, SandboxRequest r, JsonObject body, JsonObject stored, bool creating)
        {
            var name = Str(body["name"]);
            if (string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("name is required");
            var sourceId = Str(body["source_connection_id"]) ?? throw ApiError.BadRequest("source_connection_id is required");
            var destId = Str(body["destination_connection_id"]) ?? throw ApiError.BadRequest("destination_connection_id is required");
            if (!creating && sourceId != (string?)stored["source_connection_id"])
                throw ApiError.BadRequest("the source connection of a bulk sync cannot be changed");
            var source = ConnectionRoutes.Find(s, sourceId);
            var dest = ConnectionRoutes.Find(s, destId);
            var destType = (string)dest["type"]!;
            var options = DemoSchemas.DestinationOptions(destType) ?? throw ApiError.BadRequest($"connections of type {destType} cannot be bulk sync destinations");

            if (!(body["destination_configuration"] is JsonObject destConfig)) throw ApiError.BadRequest("destination_configuration is required and must be an object");
            var missing = options.Where(o => o.Required && string.IsNullOrEmpty(Str(destConfig[o.Name]))).Select(o => o.Name).ToList();
            if (missing.Count > 0)
                throw ApiError.BadRequest($"destination_configuration is missing required option(s): {string.Join(", ", missing)}",
                    new JsonObject { ["missing"] = new JsonArray(missing.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()) });

            var mode = Str(body["mode"]) ?? "replicate";
            if (!Modes.Contains(mode)) throw ApiError.BadRequest($"invalid mode '{mode}': use snapshot or replicate");

            stored["name"] = name;
            stored["source_connection_id"] = sourceId;
            stored["destination_connection_id"] = destId;
            stored["mode"] = mode;
            stored["active"] = (bool?)body["active"] ?? false;
            stored["destination_configuration"] = destConfig.DeepClone();
            stored["source_configuration"] = body["source_configuration"]?.DeepClone() ?? new JsonObject();
            stored["automatically_add_new_fields"] = Enum(body, "automatically_add_new_fields", "all", "all", "onlyIncremental", "onlyNonIncremental", "none");
            stored["automatically_add_new_objects"] = Enum(body, "automatically_add_new_objects", "none", "all", "onlyIncremental", "onlyNonIncremental", "none");
            stored["normalize_names"] = Enum(body, "normalize_names", "enabled", "enabled", "disabled", "legacy");
            stored["disable_record_timestamps"] = (bool?)body["disable_record_timestamps"] ?? false;
            stored["data_cutoff_timestamp"] = Str(body["data_cutoff_timestamp"]);
            stored["concurrency_limit"] = body["concurrency_limit"]?.DeepClone();
            stored["resync_concurrency_limit"] = body["resync_concurrency_limit"]?.DeepClone();
            stored["policies"] = body["policies"]?.DeepClone() ?? new JsonArray();
            stored["_schedules"] = Schedules(s, r, body, (string)stored["id"]!, stored["_schedules"] as JsonArray);
            return (source, dest);
        }

        private static string Enum(JsonObject body, string key, string def, params string[] allowed)
        {
            var v = Str(body[key]) ?? def;
            if (!allowed.Contains(v)) throw ApiError.BadRequest($"invalid {key} '{v}': use one of {string.Join(", ", allowed)}");
            return v;
        }

        /// <summary>Reads the version's schedule shape into the stored camelCase schedules, keeping ids (and creation
        /// stamps) of schedules that are sent back.</summary>
        private static JsonArray Schedules(SandboxState s, SandboxRequest r, JsonObject body, string syncId, JsonArray? previous)
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

        /// <summary>Every source schema, enabled when selected (all when the body names none).</summary>
        private static JsonArray InitialSchemas(JsonObject source, JsonNode? requested)
        {
            var type = (string)source["type"]!;
            var all = DemoSchemas.For(type);
            var chosen = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
            if (requested is JsonArray list)
            {
                foreach (var item in list)
                {
                    var id = item is JsonObject obj ? Str(obj["id"]) : Str(item);
                    if (string.IsNullOrEmpty(id)) throw ApiError.BadRequest("every schemas[] item needs a schema id");
                    var schema = all.FirstOrDefault(x => x.Id == id)
                        ?? throw ApiError.BadRequest($"schema '{id}' was not found on the source connection",
                            new JsonObject { ["schema"] = id, ["available"] = new JsonArray(all.Select(x => (JsonNode)JsonValue.Create(x.Id)!).ToArray()) });
                    chosen[schema.Id] = item as JsonObject;
                }
            }
            else if (requested != null) throw ApiError.BadRequest("schemas must be an array");

            var result = new JsonArray();
            foreach (var schema in all)
            {
                var selected = requested == null || chosen.ContainsKey(schema.Id);
                var b = NewBulkSchema(schema, selected);
                if (chosen.TryGetValue(schema.Id, out var config) && config != null)
                {
                    if (config["enabled"] is JsonNode en) b["enabled"] = (bool?)en ?? true;
                    ApplySchemaChanges(schema, b, config, replaceFields: true);
                }
                result.Add(b);
            }
            return result;
        }

        private static JsonObject NewBulkSchema(DemoSchema schema, bool enabled) => new JsonObject
        {
            ["id"] = schema.Id,
            ["output_name"] = Output(schema.Id),
            ["user_output_name"] = "",
            ["enabled"] = enabled,
            ["partition_key"] = "",
            ["tracking_field"] = schema.TrackingField ?? "",
            ["data_cutoff_timestamp"] = null,
            ["disable_data_cutoff"] = false,
            ["fields"] = new JsonArray(schema.Fields.Select(f => (JsonNode)NewField(f)).ToArray()),
            ["filters"] = new JsonArray(),
        };

        private static JsonObject NewField(DemoField f) => new JsonObject
        {
            ["id"] = f.Id, ["output_name"] = Output(f.Id), ["user_output_name"] = "", ["enabled"] = true, ["obfuscated"] = false,
        };

        private static string Output(string id) => id.Replace('.', '_').ToLowerInvariant();

        /// <summary>Applies schema settings (PUT replaces fields, PATCH merges the listed ones). Unknown fields are 400s.</summary>
        private static void ApplySchemaChanges(DemoSchema schema, JsonObject b, JsonObject change, bool replaceFields)
        {
            bool IsField(string? id) => id != null && schema.Fields.Any(f => f.Id == id);
            foreach (var key in new[] { "partition_key", "tracking_field" })
            {
                if (!change.ContainsKey(key)) continue;
                var v = Str(change[key]) ?? "";
                if (v.Length > 0 && !IsField(v)) throw ApiError.BadRequest($"{key} '{v}' is not a field of schema {schema.Id}");
                b[key] = v;
            }
            foreach (var key in new[] { "user_output_name", "data_cutoff_timestamp" })
                if (change.ContainsKey(key)) b[key] = Str(change[key]);
            if (change.ContainsKey("disable_data_cutoff")) b["disable_data_cutoff"] = (bool?)change["disable_data_cutoff"] ?? false;
            if (change["filters"] is JsonArray filters)
            {
                foreach (var f in filters)
                {
                    // Polytomic refuses a filter without a known function (BulkFilter.function is required) or on a field the schema lacks.
                    var function = f is JsonObject fo ? Str(fo["function"]) : null;
                    if (function == null || Array.IndexOf(FilterFunctionValues.All, function) < 0) throw ApiError.BadRequest($"filter function '{function}' is not valid");
                    var fieldId = Str(((JsonObject)f!)["field_id"]);
                    if (!string.IsNullOrEmpty(fieldId) && !IsField(fieldId)) throw ApiError.BadRequest($"filter field '{fieldId}' is not a field of schema {schema.Id}");
                }
                b["filters"] = filters.DeepClone();
            }
            if (!(change["fields"] is JsonArray fields)) return;
            var current = b["fields"]!.AsArray();
            if (replaceFields)
                foreach (var f in current.OfType<JsonObject>()) { f["enabled"] = true; f["obfuscated"] = false; f["user_output_name"] = ""; }
            foreach (var item in fields)
            {
                var id = item is JsonObject fo ? Str(fo["id"]) : Str(item);
                if (!IsField(id)) throw ApiError.BadRequest($"field '{id}' is not a field of schema {schema.Id}");
                var target = current.OfType<JsonObject>().First(f => (string?)f["id"] == id);
                if (item is JsonObject o)
                {
                    if (o.ContainsKey("enabled")) target["enabled"] = (bool?)o["enabled"] ?? true;
                    // The create body calls it obfuscate, the schema API obfuscated.
                    if (o.ContainsKey("obfuscated") || o.ContainsKey("obfuscate")) target["obfuscated"] = (bool?)(o["obfuscated"] ?? o["obfuscate"]) ?? false;
                    if (o.ContainsKey("user_output_name")) target["user_output_name"] = Str(o["user_output_name"]) ?? "";
                }
            }
        }

        // ---------------------------------------------------------------- projection

        private static JsonObject Project(SandboxState s, JsonObject stored, bool is2025)
        {
            var result = new JsonObject();
            foreach (var kv in stored)
                if (!kv.Key.StartsWith("_", StringComparison.Ordinal)) result[kv.Key] = kv.Value?.DeepClone();
            var schedules = stored["_schedules"]!.AsArray().OfType<JsonObject>().ToList();
            var def = schedules.First(x => (bool?)x["isDefault"] == true);
            var extra = schedules.Where(x => (bool?)x["isDefault"] != true).ToList();
            if (is2025)
            {
                result["default_schedule"] = ToSnake(def, additional: false, meta: true);
                result["additional_schedules"] = new JsonArray(extra.Select(x => (JsonNode)ToSnake(x, additional: true, meta: true)).ToArray());
            }
            else
            {
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
                result["discover"] = (string?)stored["automatically_add_new_objects"] != "none";
            }
            return result;
        }

        public static JsonObject FindSync(SandboxState s, string id) => s.Store(SyncStore).Get(id) ?? throw ApiError.NotFound("bulk sync", id);

        private static string? NextExecutionTime(SandboxState s, JsonObject sync)
        {
            if ((bool?)sync["active"] != true) return null;
            var def = sync["_schedules"]!.AsArray().OfType<JsonObject>().First(x => (bool?)x["isDefault"] == true);
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

        // ---------------------------------------------------------------- helpers

        private static string? Str(JsonNode? n) =>
            n is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.TryGetValue<long>(out var l) ? l.ToString() : null) : null;

        private static int Limit(SandboxRequest r, int def, int max)
        {
            if (!int.TryParse(r.Query("limit"), out var limit) || limit <= 0) return def;
            return Math.Min(limit, max);
        }

        /// <summary>Opaque page tokens (base64 of an offset): clients must only echo them.</summary>
        private static (List<JsonNode> Page, string? Next) Paginate(List<JsonNode> all, string? token, int limit)
        {
            var offset = 0;
            if (!string.IsNullOrEmpty(token))
            {
                try { offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token!)).Substring(2)); }
                catch (Exception) { throw ApiError.BadRequest("invalid page_token"); }
            }
            var page = all.Skip(offset).Take(limit).Select(x => x.DeepClone()).ToList();
            var next = offset + limit < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes("o:" + (offset + limit))) : null;
            return (page, next);
        }

        private static JsonObject Paging(string? next) =>
            new JsonObject { ["pagination"] = next == null ? new JsonObject() : new JsonObject { ["next_page_token"] = next } };
    }
}
