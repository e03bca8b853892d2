using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Sync targets (objects, the 2024-02-08 drill-down, fields and modes), model syncs and schedule options.</summary>
    public static class SyncRoutes
    {
        public const string StoreName = "syncs";
        public const int MaxPageSize = 50;

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var syncs = s.Store(StoreName);

            api.Get("/api/connections/{id}/modelsync/targetobjects", r =>
            {
                var (type, objects) = Target(s, r.Route("id"));
                var list = new JsonArray(objects.Select(o => (JsonNode)new JsonObject
                {
                    ["id"] = o.Name,
                    ["name"] = o.Name,
                    ["modes"] = new JsonArray(DemoData.ModesOf(type).Select(m => (JsonNode)new JsonObject
                    {
                        ["id"] = m.Mode, ["requires_identity"] = m.Identity, ["supports_per_field_mode"] = false, ["supports_target_filters"] = false,
                    }).ToArray()),
                }).ToArray());
                var creation = DemoData.IsWarehouseTarget(type)
                    ? new JsonObject { ["supported"] = true, ["properties"] = new JsonArray(new JsonObject { ["id"] = "schema", ["title"] = "Schema", ["enum"] = true }) }
                    : new JsonObject { ["supported"] = false, ["properties"] = new JsonArray() };
                return Task.FromResult(r.Data(list, new JsonObject { ["target_creation"] = creation }));
            });

            // Deprecated drill-down, removed in 2025-09-18.
            api.Get("/api/connections/{id}/modelsync/target", r =>
            {
                var (type, objects) = Target(s, r.Route("id"));
                return Task.FromResult(r.Data(TargetMeta(type, objects, r.Query("type"), r.Query("search"))));
            }, SandboxVersions.Only2024);

            api.Get("/api/connections/{id}/modelsync/target/fields", r =>
                Task.FromResult(r.Data(TargetFields(s, r.Route("id"), r.Query("target")))));

            // Seed 003 posts {"target": …} to the same path (the 2023-04-25 form); 2024-02-08 still answers it.
            api.Post("/api/connections/{id}/modelsync/target/fields", async r =>
            {
                var body = await r.BodyAsync();
                return r.Data(TargetFields(s, r.Route("id"), (string?)body["target"]));
            }, SandboxVersions.Only2024);

            api.Get("/api/syncs/schedules", r => Task.FromResult(r.Data(new JsonObject { ["schedule_options"] = ScheduleOptions() })));

            api.Get("/api/syncs", r =>
            {
                var all = syncs.All().AsEnumerable();
                if (r.Query("active") is string active) all = all.Where(x => (bool?)x["active"] == string.Equals(active, "true", StringComparison.OrdinalIgnoreCase));
                if (r.Query("mode") is string mode) all = all.Where(x => (string?)x["mode"] == mode);
                if (r.Query("target_connection_id") is string tc) all = all.Where(x => (string?)x["target"]?["connection_id"] == tc);
                if (!r.Is2025) return Task.FromResult(r.Data(new JsonArray(all.Select(x => (JsonNode)Project(x)).ToArray())));

                // 2025-09-18: newest change first, id as tiebreak, cursor-paged list items.
                var ordered = all.OrderByDescending(x => (string?)x["updated_at"], StringComparer.Ordinal).ThenBy(x => (string?)x["id"], StringComparer.Ordinal).ToList();
                var (page, next) = ListPages.Slice(ordered, r, "syncs", MaxPageSize, MaxPageSize);
                return Task.FromResult(r.Data(new JsonArray(page.Select(x => (JsonNode)ListItem(x)).ToArray()), ListPages.Pagination(next, nullOnLast: true)));
            });

            api.Get("/api/syncs/{id}", r => Task.FromResult(r.Data(Project(Find(s, r.Route("id"))))));

            api.Post("/api/syncs", async r =>
            {
                var body = await r.BodyAsync();
                var sync = Validate(s, body);
                var now = s.Clock.Stamp();
                sync["id"] = SandboxState.NewId();
                sync["created_at"] = now;
                sync["created_by"] = s.Actor();
                sync["updated_at"] = now;
                sync["updated_by"] = s.Actor();
                sync["_body"] = body.ToJsonString();
                syncs.Add(sync);
                return r.Data(Project(sync));
            });

            api.Put("/api/syncs/{id}", async r =>
            {
                var existing = Find(s, r.Route("id"));
                var body = await r.BodyAsync();
                var sync = Validate(s, body);
                if ((sync["schedule"]?["run_after"]?["sync_ids"] as JsonArray)?.Any(x => (string?)x == (string?)existing["id"]) == true)
                    throw ApiError.BadRequest("schedule.run_after: a sync cannot run after itself");
                foreach (var k in new[] { "id", "created_at", "created_by" }) sync[k] = existing[k]?.DeepClone();
                sync["updated_at"] = s.Clock.Stamp();
                sync["updated_by"] = s.Actor();
                sync["_body"] = body.ToJsonString();
                syncs.Replace(r.Route("id"), sync);
                return r.Data(Project(sync));
            });

            api.Delete("/api/syncs/{id}", r =>
            {
                Find(s, r.Route("id"));
                syncs.Remove(r.Route("id"));
                s.SyncRuns.RemoveSync(r.Route("id"));
                return Task.FromResult(SandboxRequest.Empty());
            });

            api.Post("/api/syncs/{id}/activate", async r =>
            {
                var sync = Find(s, r.Route("id"));
                var body = await r.BodyAsync();
                if (!(body["active"] is JsonValue v && v.TryGetValue<bool>(out var active))) throw ApiError.BadRequest("active is required and must be a boolean");
                sync["active"] = active;
                sync["updated_at"] = s.Clock.Stamp();
                return r.Data(new JsonObject { ["id"] = r.Route("id"), ["active"] = active });
            });
        }

        public static JsonObject Find(SandboxState s, string id) => s.Store(StoreName).Get(id) ?? throw ApiError.NotFound("sync", id);

        public static JsonObject Project(JsonObject stored) => ModelRoutes.Project(stored);

        private static JsonObject ListItem(JsonObject x) => new JsonObject
        {
            ["id"] = (string?)x["id"], ["name"] = (string?)x["name"], ["mode"] = (string?)x["mode"], ["active"] = x["active"]?.DeepClone(),
            ["model_ids"] = x["model_ids"]?.DeepClone(), ["schedule"] = x["schedule"]?.DeepClone(),
            ["target_connection_id"] = (string?)x["target"]?["connection_id"], ["target_object"] = (string?)x["target"]?["object"],
            ["only_enrich_updates"] = x["only_enrich_updates"]?.DeepClone(), ["skip_initial_backfill"] = x["skip_initial_backfill"]?.DeepClone(),
            ["sync_all_records"] = x["sync_all_records"]?.DeepClone(), ["organization_id"] = (string?)x["organization_id"],
            ["created_at"] = (string?)x["created_at"], ["created_by"] = x["created_by"]?.DeepClone(),
            ["updated_at"] = (string?)x["updated_at"], ["updated_by"] = x["updated_by"]?.DeepClone(),
        };

        /// <summary>A connection that can be a sync target, and its objects.</summary>
        private static (string Type, TableSpec[] Objects) Target(SandboxState s, string id)
        {
            var conn = ConnectionRoutes.Find(s, id);
            var type = (string)conn["type"]!;
            if (!DemoData.IsTarget(type)) throw ApiError.BadRequest($"connection type '{type}' cannot be used as a model sync target");
            return (type, DemoData.SourceOf(type)!.Value.Tables);
        }

        private static JsonArray Strings(IEnumerable<string> items) => new JsonArray(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());

        private static JsonObject Meta(IEnumerable<string>? items, params string[] requires) => new JsonObject
        {
            ["items"] = items == null ? null : Strings(items),
            ["requires_one_of"] = requires.Length == 0 ? null : Strings(requires),
            ["has_items"] = items != null,
        };

        /// <summary>The 2024-02-08 drill-down: ?type= names the level to list, ?search= filters it.</summary>
        private static JsonObject TargetMeta(string type, TableSpec[] objects, string? level, string? search)
        {
            bool Match(string x) => string.IsNullOrEmpty(search) || x.Contains(search!, StringComparison.OrdinalIgnoreCase);
            JsonObject items;
            JsonArray requires;
            if (DemoData.IsCrmTarget(type))
            {
                if (level != null && level != "object") throw ApiError.BadRequest($"unknown type '{level}': use object");
                items = new JsonObject { ["object"] = Meta(level == null ? null : objects.Select(o => o.Name).Where(Match)) };
                requires = Strings(new[] { "object" });
            }
            else
            {
                var schemas = objects.Select(o => o.Schema!).Distinct().OrderBy(x => x, StringComparer.Ordinal);
                switch (level)
                {
                    case null:
                        items = new JsonObject { ["schema"] = Meta(null, "table", "view"), ["table"] = Meta(null), ["view"] = Meta(null) };
                        break;
                    case "schema":
                        items = new JsonObject { ["schema"] = Meta(new[] { DemoData.NewSchema }.Concat(schemas.Where(Match)), "table"), ["table"] = Meta(null) };
                        break;
                    case "table":
                        items = new JsonObject { ["schema"] = Meta(null, "table"), ["table"] = Meta(new[] { DemoData.NewTarget }.Concat(objects.Select(o => o.Name).Where(Match))) };
                        break;
                    default:
                        throw ApiError.BadRequest($"unknown type '{level}': use schema or table");
                }
                requires = Strings(new[] { "schema" });
            }
            return new JsonObject { ["items"] = items, ["requires_one_of"] = requires };
        }

        private static JsonObject TargetFields(SandboxState s, string connectionId, string? target)
        {
            var (type, objects) = Target(s, connectionId);
            if (string.IsNullOrEmpty(target)) throw ApiError.BadRequest("target is required");
            var warehouse = DemoData.IsWarehouseTarget(type);
            TableSpec? obj = target == DemoData.NewTarget && warehouse ? new TableSpec(target, Array.Empty<ColumnSpec>(), Array.Empty<object?[]>())
                : objects.FirstOrDefault(o => o.Name == target);
            if (obj == null) throw new ApiError(404, $"target object '{target}' not found on this connection", "not_found");
            return new JsonObject
            {
                ["id"] = obj.Name,
                ["name"] = obj.Name,
                ["modes"] = new JsonArray(DemoData.ModesOf(type).Select(m => (JsonNode)new JsonObject
                {
                    ["mode"] = m.Mode, ["description"] = m.Description, ["label"] = m.Label, ["requires_identity"] = m.Identity,
                    ["supports_target_filters"] = false, ["supports_field_sync_mode"] = false,
                }).ToArray()),
                ["properties"] = new JsonObject { ["supports_field_creation"] = warehouse, ["target_creator"] = warehouse, ["supports_target_filters"] = false },
                ["refreshed_at"] = "0001-01-01T00:00:00Z",
                ["fields"] = new JsonArray(obj.Columns.Select(c => (JsonNode)FieldOf(type, c)).ToArray()),
            };
        }

        private static JsonObject FieldOf(string type, ColumnSpec c)
        {
            var readOnly = c.Name == "Id";
            var functions = readOnly ? new[] { "Equality" } : DemoData.IdentityFunctions(type, c);
            return new JsonObject
            {
                ["id"] = c.Name, ["name"] = c.Name, ["description"] = "", ["required"] = c.Required, ["filterable"] = false,
                ["createable"] = !readOnly, ["updateable"] = !readOnly, ["association"] = c.RemoteType == "reference",
                ["supports_identity"] = functions.Length > 0,
                ["identity_functions"] = new JsonArray(functions.Select(f => (JsonNode)new JsonObject { ["id"] = f, ["label"] = f }).ToArray()),
                ["source_type"] = c.RemoteType, ["type"] = c.Type,
            };
        }

        private static readonly string[] Modes = { "create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot" };
        private static readonly string[] Frequencies = { "manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "multi", "dbtcloud" };

        /// <summary>Checks a create/update body against the target and the models, the way Polytomic answers 400s, and
        /// returns the sync to store (the body's fields plus what Polytomic derives).</summary>
        private static JsonObject Validate(SandboxState s, JsonObject body)
        {
            var name = (string?)body["name"];
            if (string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("name is required");
            var mode = (string?)body["mode"];
            if (!Modes.Contains(mode)) throw ApiError.BadRequest($"invalid mode '{mode}': use one of {string.Join(", ", Modes)}");
            if (!(body["schedule"] is JsonObject schedule)) throw ApiError.BadRequest("schedule is required");
            var frequency = (string?)schedule["frequency"];
            if (!Frequencies.Contains(frequency ?? "", StringComparer.OrdinalIgnoreCase))
                throw ApiError.BadRequest($"invalid schedule frequency '{frequency}': use one of {string.Join(", ", Frequencies)}");
            // Polytomic accepts any case and answers with its own spelling of the enum.
            var canonicalFrequency = Frequencies.First(f => string.Equals(f, frequency, StringComparison.OrdinalIgnoreCase));
            string? canonicalFunction = null;
            if (!(body["target"] is JsonObject target)) throw ApiError.BadRequest("target is required");
            var targetId = (string?)target["connection_id"];
            if (string.IsNullOrEmpty(targetId)) throw ApiError.BadRequest("target.connection_id is required");
            var conn = s.Connections.Get(targetId!) ?? throw ApiError.BadRequest($"target connection {targetId} not found");
            var (type, objects) = Target(s, targetId!);
            var objectId = (string?)target["object"];
            var creating = target["create"] is JsonObject || objectId == DemoData.NewTarget;
            if (creating && !DemoData.IsWarehouseTarget(type)) throw ApiError.BadRequest($"{conn["name"]} cannot create new target objects");
            TableSpec? obj = null;
            if (!creating)
            {
                if (string.IsNullOrEmpty(objectId)) throw ApiError.BadRequest("target.object is required (or target.create to make a new one)");
                obj = objects.FirstOrDefault(o => o.Name == objectId)
                    ?? throw ApiError.BadRequest($"unknown target object '{objectId}' on connection '{conn["name"]}'",
                        new JsonObject { ["object"] = objectId, ["available"] = Strings(objects.Select(o => o.Name)) });
            }
            var modeSpec = DemoData.ModesOf(type).FirstOrDefault(m => m.Mode == mode);
            if (modeSpec.Mode == null) throw ApiError.BadRequest($"mode '{mode}' is not supported by {objectId ?? "this target"}: use one of {string.Join(", ", DemoData.ModesOf(type).Select(m => m.Mode))}");

            var modelIds = new List<string>();
            JsonObject Model(JsonNode? source, string where)
            {
                var modelId = (string?)source?["model_id"];
                if (string.IsNullOrEmpty(modelId)) throw ApiError.BadRequest($"{where}.source.model_id is required");
                var model = s.Store(ModelRoutes.StoreName).Get(modelId!) ?? throw ApiError.BadRequest($"{where}: model {modelId} not found");
                var field = (string?)source!["field"];
                if (!model["fields"]!.AsArray().Any(f => (string?)f!["name"] == field))
                    throw ApiError.BadRequest($"{where}: unknown field '{field}' on model '{model["name"]}'",
                        new JsonObject { ["field"] = field, ["model_id"] = modelId });
                if (!modelIds.Contains(modelId!)) modelIds.Add(modelId!);
                return model;
            }
            ColumnSpec? TargetField(string? id, string where, bool isNew)
            {
                if (string.IsNullOrEmpty(id)) throw ApiError.BadRequest($"{where}.target is required");
                if (obj == null || isNew) return null;
                return obj.Column(id!) is { } c && c.Name == id ? c
                    : throw ApiError.BadRequest($"{where}: unknown target field '{id}' on {obj.Name}", new JsonObject { ["field"] = id, ["object"] = obj.Name });
            }

            if (body["identity"] is JsonObject identity)
            {
                Model(identity["source"], "identity");
                var field = TargetField((string?)identity["target"], "identity", (bool?)identity["new_field"] == true);
                var function = (string?)identity["function"];
                if (field != null)
                {
                    var allowed = field.Name == "Id" ? new[] { "Equality" } : DemoData.IdentityFunctions(type, field);
                    if (allowed.Length == 0) throw ApiError.BadRequest($"identity: field '{field.Name}' cannot be used as an identity");
                    // Polytomic's own walkthroughs send "equality": functions match case-insensitively.
                    if (!allowed.Contains(function ?? "", StringComparer.OrdinalIgnoreCase))
                        throw ApiError.BadRequest($"identity: function '{function}' is not supported by field '{field.Name}': use one of {string.Join(", ", allowed)}");
                    // ...and answers with its own spelling ("Equality"), whatever case was sent.
                    canonicalFunction = allowed.First(a => string.Equals(a, function, StringComparison.OrdinalIgnoreCase));
                }
            }
            else if (modeSpec.Identity)
                throw ApiError.BadRequest($"mode '{mode}' requires an identity: map a model field to a target field that supports identity");

            if (!(body["fields"] is JsonArray fields) || fields.Count == 0) throw ApiError.BadRequest("fields must map at least one model field to a target field");
            int i = 0;
            foreach (var f in fields)
            {
                var where = $"fields[{i++}]";
                if (!(f is JsonObject fo)) throw ApiError.BadRequest($"{where} must be an object");
                if (fo["source"] != null) Model(fo["source"], where);
                else if (fo["override_value"] == null) throw ApiError.BadRequest($"{where} needs a source or an override_value");
                TargetField((string?)fo["target"], where, (bool?)fo["new"] == true);
            }
            foreach (var f in (body["filters"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                if (string.IsNullOrEmpty((string?)f["function"])) throw ApiError.BadRequest("filters[].function is required");
                if (f["field"] is JsonObject ff) Model(ff, "filter");
            }

            foreach (var o in (body["overrides"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                var fn = (string?)o["function"];
                if (fn != null && !FilterFunctionValues.All.Contains(fn)) throw ApiError.BadRequest($"overrides[].function '{fn}' is not valid");
                if (o["field"] is JsonObject of) Model(of, "override");
            }
            foreach (var f in (body["override_fields"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                if (f["source"] != null) Model(f["source"], "override_fields");
                TargetField((string?)f["target"], "override_fields", (bool?)f["new"] == true);
            }
            if (schedule["run_after"] is JsonObject runAfter)
            {
                // run_after names syncs and bulk syncs of the organization; a missing one is a 400.
                foreach (var (key, store) in new[] { ("sync_ids", StoreName), ("bulk_sync_ids", BulkSyncData.SyncStore) })
                    foreach (var id in (runAfter[key] as JsonArray ?? new JsonArray()).Select(x => (string?)x))
                        if (string.IsNullOrEmpty(id) || s.Store(store).Get(id!) == null) throw ApiError.BadRequest($"schedule.run_after.{key}: '{id}' not found");
            }

            var sync = new JsonObject();
            foreach (var kv in body) sync[kv.Key] = kv.Value?.DeepClone();
            sync["schedule"]!["frequency"] = canonicalFrequency;
            if (canonicalFunction != null) sync["identity"]!["function"] = canonicalFunction;
            sync["model_ids"] = Strings(modelIds);
            sync["active"] = (bool?)body["active"] ?? true;
            foreach (var flag in new[] { "sync_all_records", "skip_initial_backfill", "only_enrich_updates" })
                sync[flag] = (bool?)body[flag] ?? false;
            sync["organization_id"] = s.OrganizationFor(body);
            return sync;
        }

        private static JsonArray ScheduleOptions()
        {
            JsonObject Option(string frequency, string label, string description, params string[] fields) => new JsonObject
            {
                ["frequency"] = frequency, ["label"] = label, ["description"] = description,
                ["configuration"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject(fields.Select(f => KeyValuePair.Create(f, (JsonNode?)new JsonObject { ["type"] = "string" }))),
                },
            };
            return new JsonArray(
                Option("manual", "Manual", "Runs when manually triggered"),
                Option("continuous", "Continuous", "Runs continuously, picking up changes as they happen"),
                Option("hourly", "Hourly", "Runs every hour at the given minute", "minute"),
                Option("daily", "Daily", "Runs every day at the given time (UTC)", "hour", "minute"),
                Option("weekly", "Weekly", "Runs every week on the given day and time (UTC)", "day_of_week", "hour", "minute"),
                Option("custom", "Custom", "Runs on a cron-like schedule (UTC)", "minute", "hour", "day_of_month", "month", "day_of_week"),
                Option("runafter", "Run after", "Runs after other syncs finish", "run_after"),
                Option("dbtcloud", "dbt Cloud", "Runs after a dbt Cloud job", "connection_id", "job_id"));
        }
    }
}
