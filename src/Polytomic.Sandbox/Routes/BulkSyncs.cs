using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;
using static Polytomic.Sandbox.Routes.BulkSyncData;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Bulk syncs (ELT): create, list, read, update, delete and activate. Their schemas, schedules and runs
    /// are their own route classes (BulkSyncSchemas.cs, BulkSyncSchedules.cs, BulkSyncRuns.cs), and what a connection
    /// offers a bulk sync is in BulkSyncConnections.cs; BulkSyncData.cs is what they share.</summary>
    public static class BulkSyncRoutes
    {
        private static readonly string[] Modes = { "snapshot", "replicate" };

        public static void Map(SandboxApi api)
        {
            var s = api.State;

            api.Get("/api/bulk/syncs", r =>
            {
                var all = s.Store(SyncStore).All().AsEnumerable();
                if (r.Query("active") is string a) all = all.Where(x => (bool?)x["active"] == (a == "true"));
                var list = all.Select(x => (JsonNode)Project(x, r.Is2025)).ToList();
                if (!r.Is2025) return Task.FromResult(r.Data(new JsonArray(list.ToArray())));
                // 2025-09-18 pages the list (docs: page_token, limit <= 50).
                var (page, next) = ListPages.Slice(list, r, "bulk_syncs", 50, 50);
                return Task.FromResult(r.Data(new JsonArray(page.ToArray()), ListPages.Pagination(next)));
            });

            api.Post("/api/bulk/syncs", async r =>
            {
                var body = await r.BodyAsync();
                var now = s.Clock.Stamp();
                var stored = new JsonObject { ["id"] = SandboxState.NewId() };
                var source = ApplyBody(s, r, body, stored, creating: true);
                // The cache check comes after the body checks and before schema names can be resolved, as Polytomic orders them.
                ConnectionRoutes.RequireSchemaCache(s, source);
                stored[SchemasKey] = BulkSyncSchemaRoutes.Initial(source, body["schemas"]);
                stored["organization_id"] = s.OrganizationFor(body);
                stored["created_at"] = now;
                stored["created_by"] = s.Actor();
                stored["updated_at"] = now;
                stored["updated_by"] = s.Actor();
                s.Store(SyncStore).Add(stored);
                return r.Data(Project(stored, r.Is2025));
            });

            api.Get("/api/bulk/syncs/{id}", r => Task.FromResult(r.Data(Project(FindSync(s, r.Route("id")), r.Is2025))));

            api.Put("/api/bulk/syncs/{id}", async r =>
            {
                var existing = FindSync(s, r.Route("id"));
                var body = await r.BodyAsync();
                var updated = existing.DeepClone().AsObject();
                ApplyBody(s, r, body, updated, creating: false);
                updated["updated_at"] = s.Clock.Stamp();
                updated["updated_by"] = s.Actor();
                s.Store(SyncStore).Replace(r.Route("id"), updated);
                return r.Data(Project(updated, r.Is2025));
            });

            api.Delete("/api/bulk/syncs/{id}", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                s.BulkSyncRuns.RemoveSync((string)sync["id"]!);
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
                if (!active && Current(s, (string)sync["id"]!) is BulkSyncRun running) running.CancelAt = s.Clock.Now;
                return r.Data(new JsonObject { ["id"] = (string)sync["id"]!, ["active"] = active });
            });
        }

        /// <summary>Validates a create/update body and writes its top-level fields into stored; returns the source
        /// connection. PUT is a full replacement (omitted fields reset to defaults) but never touches schemas.</summary>
        private static JsonObject ApplyBody(SandboxState s, SandboxRequest r, JsonObject body, JsonObject stored, bool creating)
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
            stored[SchedulesKey] = BulkSyncScheduleRoutes.FromSyncBody(s, r, body, (string)stored["id"]!, stored[SchedulesKey] as JsonArray);
            return source;
        }

        private static string Enum(JsonObject body, string key, string def, params string[] allowed)
        {
            var v = Str(body[key]) ?? def;
            if (!allowed.Contains(v)) throw ApiError.BadRequest($"invalid {key} '{v}': use one of {string.Join(", ", allowed)}");
            return v;
        }

        /// <summary>A stored bulk sync as the version shows it: schedules per version (2024-02-08 `schedule` and
        /// `discover`, 2025-09-18 `default_schedule` + `additional_schedules`).</summary>
        private static JsonObject Project(JsonObject stored, bool is2025)
        {
            var result = InternalFields.Hide(stored);
            BulkSyncScheduleRoutes.AddToSync(result, Schedules(stored), is2025);
            if (!is2025) result["discover"] = (string?)stored["automatically_add_new_objects"] != "none";
            return result;
        }
    }
}
