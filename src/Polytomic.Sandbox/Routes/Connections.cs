using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Connection types, connections, connection tests and the schema cache, and what the other connection
    /// route classes use of a connection (Find, RequireSchemaCache, Project). Each of those is its own class with its
    /// own helpers: ConnectionSchemaRoutes, ConnectionSharingRoutes, ConnectionProxyRoutes, ConnectionLookupRoutes.</summary>
    public static class ConnectionRoutes
    {
        public const string Redacted = "********";
        public const string NoSchemasMessage = "No schemas found. This can mean that the Polytomic has not cached any schemas yet. Please try again.";

        /// <summary>Stores of other areas whose objects point at connections, and the fields that do.</summary>
        public static readonly List<(string Store, string Type, Func<JsonObject, IEnumerable<string?>> ConnectionIds)> Dependants =
            new List<(string, string, Func<JsonObject, IEnumerable<string?>>)>
            {
                ("models", "model", o => new[] { (string?)o["connection_id"] }),
                ("syncs", "sync", o => new[] { (string?)o["target"]?["connection_id"] }),
                ("bulk_syncs", "bulk_sync", o => new[] { (string?)o["source_connection_id"], (string?)o["destination_connection_id"] }),
            };

        public static void Map(SandboxApi api)
        {
            var s = api.State;

            api.Get("/api/connection_types", r =>
                Task.FromResult(r.Data(new JsonArray(ConnectionTypes.All.Select(t => (JsonNode)ConnectionTypes.Summary(t)).ToArray()))));

            api.Get("/api/connection_types/{id}", r =>
            {
                var t = ConnectionTypes.Find(r.Route("id")) ?? throw ApiError.NotFound("connection type", r.Route("id"));
                return Task.FromResult(SandboxRequest.Json(ConnectionTypes.JsonSchema(t)));
            });

            api.Get("/api/connections", r =>
                Task.FromResult(r.Data(new JsonArray(s.Connections.All().Select(c => (JsonNode)Project(c)).ToArray()))));

            api.Get("/api/connections/{id}", r => Task.FromResult(r.Data(Project(Find(s, r.Route("id"))))));

            api.Post("/api/connections", async r =>
            {
                var body = await r.BodyAsync();
                var type = TypeOf(body);
                var config = Configuration(body, type, null);
                var now = s.Clock.Stamp();
                var id = SandboxState.NewId();
                var stored = new JsonObject
                {
                    ["id"] = id,
                    ["name"] = RequiredName(body),
                    ["type"] = type.Id,
                    ["configuration"] = config,
                    ["organization_id"] = s.OrganizationFor(body),
                    ["parent_connection_id"] = null,
                    ["policies"] = body["policies"]?.DeepClone() ?? new JsonArray(),
                    ["saved"] = true,
                    ["status"] = "healthy",
                    ["status_error"] = "",
                    ["healthcheck_interval"] = (string?)body["healthcheck_interval"] ?? "",
                    ["api_calls_last_24_hours"] = 0,
                    ["created_at"] = now,
                    ["created_by"] = s.Actor(),
                    ["updated_at"] = now,
                    ["updated_by"] = s.Actor(),
                    ["_cache_started"] = now,
                    ["_cache_ready_at"] = s.Clock.Now.Add(s.SchemaCacheDelay).ToString("o"),
                };
                s.Connections.Add(stored);
                var result = Project(stored);
                if (type.UseOAuth) result["auth_url"] = AuthUrl(type, id, (string?)body["redirect_url"]);
                return r.Data(result);
            });

            api.Put("/api/connections/{id}", async r =>
            {
                var existing = Find(s, r.Route("id"));
                var body = await r.BodyAsync();
                var type = ConnectionTypes.Find((string)existing["type"]!)!;
                if (body["type"] is JsonNode t && (string?)t != type.Id)
                    throw ApiError.BadRequest("the type of a connection cannot be changed");
                var updated = existing.DeepClone().AsObject();
                updated["name"] = RequiredName(body);
                updated["configuration"] = Configuration(body, type, existing["configuration"]!.AsObject());
                updated["policies"] = body["policies"]?.DeepClone() ?? new JsonArray();
                updated["healthcheck_interval"] = (string?)body["healthcheck_interval"] ?? "";
                updated["updated_at"] = s.Clock.Stamp();
                updated["updated_by"] = s.Actor();
                s.Connections.Replace(r.Route("id"), updated);
                var result = Project(updated);
                if (type.UseOAuth && (bool?)body["reconnect"] == true) result["auth_url"] = AuthUrl(type, r.Route("id"), (string?)body["redirect_url"]);
                return r.Data(result);
            });

            api.Delete("/api/connections/{id}", r =>
            {
                var id = r.Route("id");
                var existing = Find(s, id);
                var users = Dependants.SelectMany(d => s.Store(d.Store).All()
                        .Where(o => d.ConnectionIds(o).Contains(id))
                        .Select(o => (d.Store, Node: (JsonNode)new JsonObject { ["type"] = d.Type, ["name"] = (string?)o["name"], ["id"] = (string?)o["id"] })))
                    .ToList();
                if (users.Count > 0 && !r.QueryBool("force"))
                    throw new ApiError(422, $"connection in use: {(string?)existing["name"]} is used by {users.Count} object(s)", "connection_in_use",
                        new JsonObject { ["used_by"] = new JsonArray(users.Select(u => u.Node).ToArray()) });
                foreach (var u in users) s.Store(u.Store).Remove((string)u.Node["id"]!);
                s.Connections.Remove(id);
                return Task.FromResult(SandboxRequest.Empty());
            });

            api.Post("/api/connections/test", async r =>
            {
                var body = await r.BodyAsync();
                JsonObject? baseConfig = null;
                TypeSpec type;
                if ((string?)body["connection_id"] is string cid && cid.Length > 0)
                {
                    var existing = Find(s, cid);
                    type = ConnectionTypes.Find((string)existing["type"]!)!;
                    baseConfig = existing["configuration"]!.AsObject();
                }
                else type = TypeOf(body);
                var config = Configuration(body, type, baseConfig, merge: true);
                // A deterministic way for users and tests to see a failing test.
                if (config.Any(kv => kv.Value is JsonValue v && v.TryGetValue<string>(out var str) && str == "wrong-password"))
                    throw ApiError.BadRequest($"connection test failed: {type.Name} rejected the credentials");
                return SandboxRequest.Empty();
            });

            api.Get("/api/connections/{id}/schemas/status", r =>
            {
                var c = Find(s, r.Route("id"));
                var ready = CacheReady(s, c);
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["cache_status"] = ready ? "cached" : "refreshing",
                    ["last_refresh_started"] = (string?)c["_cache_started"],
                    ["last_refresh_finished"] = ready ? DateTimeOffset.Parse((string)c["_cache_ready_at"]!).ToString("yyyy-MM-ddTHH:mm:ss.fffZ") : null,
                }));
            });

            api.Post("/api/connections/{id}/schemas/refresh", r =>
            {
                var c = Find(s, r.Route("id"));
                if ((string?)c["status"] != "healthy")
                    throw ApiError.BadRequest("schemas can only be refreshed for healthy connections");
                c["_cache_started"] = s.Clock.Stamp();
                c["_cache_ready_at"] = s.Clock.Now.Add(s.SchemaCacheDelay).ToString("o");
                r.Http.Response.Headers.Location = $"/api/connections/{r.Route("id")}/schemas/status";
                return Task.FromResult(Results.StatusCode(202));
            });
        }

        public static JsonObject Find(SandboxState s, string id) => s.Connections.Get(id) ?? throw ApiError.NotFound("connection", id);

        public static bool CacheReady(SandboxState s, JsonObject connection) =>
            s.Clock.Now >= DateTimeOffset.Parse((string)connection["_cache_ready_at"]!);

        /// <summary>Schema reads while the cache refreshes fail as Polytomic's do (422, or 400 naming the cache refresh).</summary>
        public static void RequireSchemaCache(SandboxState s, JsonObject connection)
        {
            if (!CacheReady(s, connection)) throw new ApiError(400, NoSchemasMessage);
        }

        /// <summary>The connection as the API shows it: secrets redacted, internal fields dropped.</summary>
        public static JsonObject Project(JsonObject stored)
        {
            var type = ConnectionTypes.Find((string)stored["type"]!)!;
            var result = InternalFields.Hide(stored);
            result["type"] = new JsonObject { ["id"] = type.Id, ["name"] = type.Name, ["logo_url"] = $"https://connect-assets.polytomic.com/logos/{type.Id}.svg", ["operations"] = new JsonArray() };
            var config = result["configuration"]!.AsObject();
            foreach (var f in type.Fields.Where(f => f.Secret && config.ContainsKey(f.Name) && config[f.Name] != null))
                config[f.Name] = Redacted;
            return result;
        }

        private static string RequiredName(JsonObject body)
        {
            var name = (string?)body["name"];
            if (string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("name is required");
            return name!;
        }

        private static TypeSpec TypeOf(JsonObject body)
        {
            var id = body["type"] is JsonValue v && v.TryGetValue<string>(out var str) ? str : null;
            if (string.IsNullOrEmpty(id)) throw ApiError.BadRequest("type is required");
            return ConnectionTypes.Find(id!) ?? throw ApiError.BadRequest($"unknown connection type '{id}'", new JsonObject { ["type"] = id });
        }

        /// <summary>Validates a configuration against the catalogue and applies defaults. On update, secrets sent back
        /// as "********" keep their stored value; with merge (tests of stored connections) omitted fields keep theirs.</summary>
        private static JsonObject Configuration(JsonObject body, TypeSpec type, JsonObject? stored, bool merge = false)
        {
            if (!(body["configuration"] is JsonObject given)) throw ApiError.BadRequest("configuration is required and must be an object");
            var config = merge && stored != null ? stored.DeepClone().AsObject() : new JsonObject();
            foreach (var kv in given) config[kv.Key] = kv.Value?.DeepClone();
            if (stored != null)
                foreach (var f in type.Fields.Where(f => f.Secret && (string?)(config[f.Name] as JsonValue) == Redacted))
                    config[f.Name] = stored[f.Name]?.DeepClone();
            foreach (var f in type.Fields.Where(f => f.Default != null && !config.ContainsKey(f.Name)))
                config[f.Name] = f.Default!.DeepClone();
            var missing = type.RequiredAtCreation.Where(f => config[f.Name] == null || (config[f.Name] is JsonValue v && v.TryGetValue<string>(out var str) && str.Length == 0))
                .Select(f => f.Name).ToList();
            if (missing.Count > 0)
                throw ApiError.BadRequest($"invalid {type.Id} configuration: missing required field(s): {string.Join(", ", missing)}",
                    new JsonObject { ["missing"] = new JsonArray(missing.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()) });
            return config;
        }

        private static string AuthUrl(TypeSpec type, string id, string? redirect) =>
            $"https://app.polytomic.com/oauth/{type.Id}/authorize?connection_id={id}" +
            (redirect == null ? "" : "&redirect_url=" + Uri.EscapeDataString(redirect));
    }
}
