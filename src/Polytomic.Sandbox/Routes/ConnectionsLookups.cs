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
    /// <summary>Lookups a connection offers: parameter values, enrichment inputs and target-creation properties.</summary>
    public static class ConnectionLookupRoutes
    {
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

        public static void Map(SandboxApi api)
        {
            var s = api.State;

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
