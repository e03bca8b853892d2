using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Connection routes beyond CRUD: parameter values, Connect card, sharing, proxy (2025-09-18), user-defined
    /// schema fields and primary-key overrides, enrichment and target-creation properties.</summary>
    public static class ConnectionExtraRoutes
    {
        /// <summary>Overrides per "connection-id/schema-id": user fields ("fields") and primary keys ("primary_keys").</summary>
        public const string SchemaOverrides = "schema_overrides";

        public static readonly string[] FieldTypes = { "unknown", "string", "number", "boolean", "datetime", "array", "object", "binary" };

        /// <summary>Fields with a value list, per connection type.</summary>
        private static readonly Dictionary<string, Dictionary<string, (bool AllowsCreation, string[] Values)>> ParameterValues =
            new Dictionary<string, Dictionary<string, (bool, string[])>>
            {
                ["snowflake"] = new Dictionary<string, (bool, string[])> { ["warehouse"] = (false, new[] { "COMPUTE_WH", "LOAD_WH", "REPORTING_WH" }) },
                ["bigquery"] = new Dictionary<string, (bool, string[])> { ["location"] = (false, new[] { "US", "EU", "us-central1" }) },
                ["s3"] = new Dictionary<string, (bool, string[])> { ["s3_bucket_region"] = (false, new[] { "us-east-1", "us-west-2", "eu-west-1" }) },
            };

        /// <summary>Types that can create their target object, and the properties that takes.</summary>
        private static readonly Dictionary<string, (string Id, string Title, string[] Values)> TargetCreation =
            new Dictionary<string, (string, string, string[])>
            {
                ["bigquery"] = ("dataset", "Dataset", new[] { "analytics", "marketing" }),
                ["postgresql"] = ("schema", "Schema", new[] { "public", "staging" }),
                ["snowflake"] = ("schema", "Schema", new[] { "PUBLIC", "STAGING" }),
                ["mysql"] = ("schema", "Database", new[] { "app", "reporting" }),
            };

        private static readonly string[] ProxyTypes = { "api", "stripe", "hubspot", "salesforce" };
        private static readonly string[] ProxyMethods = { "GET", "POST", "PUT", "PATCH", "DELETE" };
        private static readonly string[] LockedHeaders = { "authorization", "cookie", "host", "proxy-authorization" };

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var overrides = s.Store(SchemaOverrides);
            var proxyCalls = new ConcurrentDictionary<string, int>();

            // Parameter values.
            api.Get("/api/connections/{id}/parameter_values", r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("id"));
                return Task.FromResult(r.Data(Values((string)c["type"]!, null, null)));
            });
            api.Post("/api/connection_types/{type}/parameter_values", async r =>
            {
                var type = ConnectionTypes.Find(r.Route("type")) ?? throw ApiError.NotFound("connection type", r.Route("type"));
                var body = await r.BodyAsync();
                var field = IdentityRoutes.RequiredString(body, "field");
                if ((string?)body["connection_id"] is string cid && cid.Length > 0) ConnectionRoutes.Find(s, cid);
                if (!ParameterValues.TryGetValue(type.Id, out var fields) || !fields.ContainsKey(field))
                    throw ApiError.BadRequest($"field '{field}' of {type.Id} has no parameter values");
                return r.Data(Values(type.Id, field, (string?)body["query"]));
            });

            // Polytomic Connect (note the trailing slash of the route).
            api.Post("/api/connections/connect/", async r =>
            {
                var body = await r.BodyAsync();
                IdentityRoutes.RequiredString(body, "name");
                var redirect = IdentityRoutes.RequiredString(body, "redirect_url");
                if (!Uri.TryCreate(redirect, UriKind.Absolute, out _)) throw ApiError.BadRequest($"redirect_url '{redirect}' is not a URL");
                if ((string?)body["type"] is string t && t.Length > 0 && ConnectionTypes.Find(t) == null)
                    throw ApiError.BadRequest($"unknown connection type '{t}'");
                if ((string?)body["connection"] is string existing && existing.Length > 0) ConnectionRoutes.Find(s, existing);
                var token = Guid.NewGuid().ToString("N");
                return r.Data(new JsonObject { ["redirect_url"] = $"https://app.polytomic.com/connect/{token}", ["token"] = token });
            });

            // Sharing with child organizations (partner key).
            api.Post("/api/connections/{id}/share", async r =>
            {
                IdentityRoutes.RequirePartner(r, null);
                return r.Data(Share(s, ConnectionRoutes.Find(s, r.Route("id")), await r.BodyAsync()));
            }, SandboxVersions.Only2024);
            api.Post("/api/organizations/{org_id}/connections/{connection_id}/shared", async r =>
            {
                var parent = OwnedConnection(r);
                return r.Data(Share(s, parent, await r.BodyAsync()));
            }, SandboxVersions.Only2025);
            api.Get("/api/connections/{id}/shared", r => Task.FromResult(r.Data(Copies(s, ConnectionRoutes.Find(s, r.Route("id"))))));
            api.Get("/api/organizations/{org_id}/connections/{connection_id}/shared", r =>
                Task.FromResult(r.Data(Copies(s, OwnedConnection(r)))), SandboxVersions.Only2025);

            // Connection proxy (2025-09-18; camelCase shapes).
            api.Post("/api/connections/{id}/proxy", async r =>
            {
                var c = ProxyConnection(s, r.Route("id"));
                var body = await r.BodyAsync();
                if (!(body["request"] is JsonObject call)) throw ApiError.BadRequest("request is required");
                var method = ((string?)call["method"] ?? "").ToUpperInvariant();
                if (!ProxyMethods.Contains(method)) throw ApiError.BadRequest($"method '{method}' is not allowed; use one of {string.Join(", ", ProxyMethods)}");
                var path = (string?)call["path"] ?? "";
                if (!path.StartsWith("/", StringComparison.Ordinal) || path.Contains("://")) throw ApiError.BadRequest("path must be relative and start with '/'");
                if (call["query"] is JsonObject && call["rawQuery"] is JsonValue) throw ApiError.BadRequest("query and rawQuery cannot be used together");
                if (call["headers"] is JsonObject headers)
                    foreach (var h in headers)
                        if (LockedHeaders.Contains(h.Key.ToLowerInvariant())) throw ApiError.BadRequest($"header '{h.Key}' is locked by the connection");
                proxyCalls.AddOrUpdate(r.Route("id"), 1, (_, n) => n + 1);
                var status = path.StartsWith("/status/", StringComparison.Ordinal) && int.TryParse(path.Substring(8), out var st) ? st : 200;
                var echo = new JsonObject
                {
                    ["method"] = method, ["path"] = path, ["query"] = call["query"]?.DeepClone(), ["rawQuery"] = (string?)call["rawQuery"],
                    ["received_body"] = call["body"]?.DeepClone(),
                };
                return r.Data(new JsonObject
                {
                    ["status"] = status,
                    ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                    ["body"] = echo.ToJsonString(),
                    ["contentType"] = "application/json",
                    ["latencyMs"] = 12,
                    ["truncated"] = path == "/large",
                    ["proxyCallId"] = SandboxState.NewId(),
                });
            }, SandboxVersions.Only2025);
            api.Get("/api/connections/{id}/proxy/info", r =>
            {
                var c = ProxyConnection(s, r.Route("id"));
                var calls = proxyCalls.TryGetValue(r.Route("id"), out var n) ? n : 0;
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["connectionId"] = r.Route("id"),
                    ["backendType"] = (string?)c["type"],
                    ["inheritedBase"] = new JsonObject
                    {
                        ["baseUrl"] = BaseUrl(c),
                        ["lockedHeaders"] = new JsonArray(new JsonObject { ["name"] = "Authorization", ["value"] = ConnectionRoutes.Redacted, ["redacted"] = true }),
                        ["lockedQuery"] = new JsonObject(),
                    },
                    ["mergeRules"] = new JsonObject { ["headers"] = "request_overrides_unlocked", ["query"] = "merge" },
                    ["requestContract"] = new JsonObject
                    {
                        ["allowedMethods"] = new JsonArray(ProxyMethods.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                        ["blockedRequestHeaders"] = new JsonArray(LockedHeaders.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                        ["blockedResponseHeaders"] = new JsonArray("set-cookie"),
                        ["bodyTypes"] = new JsonArray("json", "text"),
                        ["maxRequestBodyBytes"] = 262144, ["maxResponseBodyBytes"] = 1048576,
                        ["pathRule"] = "relative", ["queryModes"] = new JsonArray("query", "rawQuery"),
                        ["queryValueTypes"] = new JsonArray("string", "number", "boolean", "array"),
                        ["rateLimitPerMinute"] = 60, ["rawQueryRule"] = "no_leading_question_mark", ["timeoutMs"] = 30000,
                    },
                    ["stats"] = new JsonObject
                    {
                        ["callsLast24h"] = calls, ["proxyCallsLast24h"] = calls, ["proxy2xxLast24h"] = calls, ["proxy4xxLast24h"] = 0,
                        ["proxy5xxLast24h"] = 0, ["lastProxyCallAt"] = calls > 0 ? s.Clock.Stamp() : null,
                    },
                }));
            }, SandboxVersions.Only2025);

            // User-defined fields and primary-key overrides.
            api.Post("/api/connections/{connection_id}/schemas/{schema_id}/fields", async r =>
            {
                var o = Overrides(s, r);
                var body = await r.BodyAsync();
                if (!(body["fields"] is JsonArray fields) || fields.Count == 0) throw ApiError.BadRequest("fields is required");
                foreach (var f in fields)
                {
                    var id = (string?)f?["field_id"];
                    if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace((string?)f!["label"]))
                        throw ApiError.BadRequest("each field needs field_id and label");
                    var type = (string?)f["type"];
                    if (!FieldTypes.Contains(type)) throw ApiError.BadRequest($"field {id}: type '{type}' is not one of {string.Join(", ", FieldTypes)}");
                }
                lock (o)
                {
                    var stored = o["fields"]!.AsObject();
                    foreach (var f in fields) stored[(string)f!["field_id"]!] = f.DeepClone();
                }
                return SandboxRequest.Empty();
            });
            api.Delete("/api/connections/{connection_id}/schemas/{schema_id}/fields/{field_id}", r =>
            {
                var o = Overrides(s, r);
                lock (o)
                    if (!o["fields"]!.AsObject().Remove(r.Route("field_id"))) throw ApiError.NotFound("user-defined field", r.Route("field_id"));
                return Task.FromResult(SandboxRequest.Empty());
            });
            api.Put("/api/connections/{connection_id}/schemas/{schema_id}/primary_keys", async r =>
            {
                var o = Overrides(s, r);
                var body = await r.BodyAsync();
                var keys = new JsonArray();
                foreach (var f in (body["fields"] as JsonArray) ?? new JsonArray())
                {
                    var id = (string?)f?["field_id"];
                    if (string.IsNullOrWhiteSpace(id)) throw ApiError.BadRequest("each primary key needs field_id");
                    keys.Add(new JsonObject { ["field_id"] = id, ["is_primary_key"] = (bool?)f!["is_primary_key"] ?? false });
                }
                lock (o) o["primary_keys"] = keys; // full replacement
                return SandboxRequest.Empty();
            });
            api.Delete("/api/connections/{connection_id}/schemas/{schema_id}/primary_keys", r =>
            {
                var o = Overrides(s, r);
                lock (o) o["primary_keys"] = new JsonArray();
                return Task.FromResult(SandboxRequest.Empty());
            });

            // Enrichment (HTTP API connections act as enrichers here) and target-creation properties.
            api.Get("/api/connections/{id}/modelsync/enrichment-source", r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("id"));
                if ((string?)c["type"] != "api") throw ApiError.NotFound("enrichment source for connection", r.Route("id"));
                var chosen = Params(r);
                var endpoints = new JsonArray(new JsonObject { ["label"] = "Person lookup", ["value"] = "person" },
                    new JsonObject { ["label"] = "Company lookup", ["value"] = "company" });
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["configuration"] = new JsonObject { ["endpoint"] = new JsonObject { ["type"] = "string", ["items"] = new JsonArray() } },
                    ["items"] = new JsonObject { ["endpoint"] = new JsonObject { ["has_items"] = true, ["items"] = endpoints, ["requires_one_of"] = new JsonArray() } },
                    ["requires_one_of"] = chosen.ContainsKey("endpoint") ? new JsonArray() : new JsonArray("endpoint"),
                }));
            });
            api.Post("/api/enrichment/{connection_id}/inputfields", async r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("connection_id"));
                if ((string?)c["type"] != "api") throw ApiError.NotFound("enrichment source for connection", r.Route("connection_id"));
                var body = await r.BodyAsync();
                var endpoint = (string?)body["configuration"]?["endpoint"];
                JsonArray sets = endpoint switch
                {
                    "person" => new JsonArray(new JsonArray("email"), new JsonArray("first_name", "last_name", "company_domain")),
                    "company" => new JsonArray(new JsonArray("domain"), new JsonArray("company_name")),
                    _ => throw ApiError.BadRequest($"configuration.endpoint must be person or company, not '{endpoint}'"),
                };
                return r.Data(sets);
            });
            api.Get("/api/connections/{id}/modelsync/targetobjects/properties/{property}", r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("id"));
                if (!TargetCreation.TryGetValue((string)c["type"]!, out var p) || p.Id != r.Route("property"))
                    throw ApiError.NotFound("target creation property", r.Route("property"));
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["id"] = p.Id, ["title"] = p.Title, ["enum"] = true,
                    ["values"] = new JsonArray(p.Values.Select(v => (JsonNode)new JsonObject { ["label"] = v, ["value"] = v }).ToArray()),
                }));
            });
        }

        private static JsonObject Values(string type, string? only, string? search)
        {
            var result = new JsonObject();
            if (!ParameterValues.TryGetValue(type, out var fields)) return result;
            foreach (var kv in fields.Where(f => only == null || f.Key == only))
                result[kv.Key] = new JsonObject
                {
                    ["allows_creation"] = kv.Value.AllowsCreation,
                    ["values"] = new JsonArray(kv.Value.Values.Where(v => search == null || v.Contains(search, StringComparison.OrdinalIgnoreCase))
                        .Select(v => (JsonNode)new JsonObject { ["label"] = v, ["value"] = v }).ToArray()),
                };
            return result;
        }

        private static JsonObject OwnedConnection(SandboxRequest r)
        {
            var org = r.Route("org_id");
            IdentityRoutes.RequirePartner(r, org);
            IdentityRoutes.FindOrg(r.State, org);
            var c = r.State.Connections.Get(r.Route("connection_id"));
            // A connection of another organization is not found, as Polytomic answers (API.md §1.6).
            if (c == null || (string?)c["organization_id"] != org) throw ApiError.NotFound("connection", r.Route("connection_id"));
            return c;
        }

        private static JsonObject Share(SandboxState s, JsonObject parent, JsonObject body)
        {
            var child = IdentityRoutes.RequiredString(body, "child_organization_id");
            IdentityRoutes.FindOrg(s, child);
            if ((string?)parent["parent_connection_id"] != null) throw ApiError.BadRequest("a shared connection cannot be shared again");
            if (child == (string?)parent["organization_id"]) throw ApiError.BadRequest("the connection already belongs to that organization");
            var copy = parent.DeepClone().AsObject();
            copy["id"] = SandboxState.NewId();
            copy["name"] = (string?)body["name"] is string n && n.Length > 0 ? n : (string?)parent["name"];
            copy["organization_id"] = child;
            copy["parent_connection_id"] = (string?)parent["id"];
            copy["created_at"] = s.Clock.Stamp();
            copy["updated_at"] = s.Clock.Stamp();
            s.Connections.Add(copy);
            return new JsonObject { ["id"] = (string?)copy["id"] };
        }

        private static JsonArray Copies(SandboxState s, JsonObject parent) =>
            new JsonArray(s.Connections.All().Where(c => (string?)c["parent_connection_id"] == (string?)parent["id"])
                .Select(c => (JsonNode)ConnectionRoutes.Project(c)).ToArray());

        private static JsonObject ProxyConnection(SandboxState s, string id)
        {
            var c = ConnectionRoutes.Find(s, id);
            if (!ProxyTypes.Contains((string?)c["type"])) throw new ApiError(403, "the connection proxy is not enabled for this connection", "proxy_not_enabled");
            return c;
        }

        private static string BaseUrl(JsonObject c) => (string?)c["type"] switch
        {
            "api" => (string?)c["configuration"]?["url"] ?? "https://api.example.com",
            "stripe" => "https://api.stripe.com",
            "hubspot" => "https://api.hubapi.com",
            _ => "https://example.my.salesforce.com",
        };

        private static JsonObject Overrides(SandboxState s, SandboxRequest r)
        {
            var c = ConnectionRoutes.Find(s, r.Route("connection_id"));
            ConnectionRoutes.RequireSchemaCache(s, c);
            var key = r.Route("connection_id") + "/" + r.Route("schema_id");
            var store = s.Store(SchemaOverrides);
            lock (store)
            {
                var o = store.Get(key);
                if (o == null) store.Add(o = new JsonObject { ["id"] = key, ["fields"] = new JsonObject(), ["primary_keys"] = new JsonArray() });
                return o;
            }
        }

        /// <summary>params as one JSON value ({"k":["v"]}, TypeScript SDKs) or deepObject (params[k]=v, Python).</summary>
        private static Dictionary<string, string> Params(SandboxRequest r)
        {
            var result = new Dictionary<string, string>();
            if (r.Query("params") is string json)
            {
                try
                {
                    if (JsonNode.Parse(json) is JsonObject o)
                        foreach (var kv in o) result[kv.Key] = kv.Value is JsonArray a ? string.Join(",", a.Select(x => (string?)x)) : kv.Value?.ToString() ?? "";
                }
                catch (JsonException) { throw ApiError.BadRequest("params must be a JSON object"); }
            }
            foreach (var q in r.Http.Request.Query.Where(q => q.Key.StartsWith("params[", StringComparison.Ordinal) && q.Key.EndsWith("]")))
                result[q.Key.Substring(7, q.Key.Length - 8)] = q.Value.ToString();
            return result;
        }
    }
}
