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
    /// <summary>A connection's schemas: one schema and its records, user-defined fields and primary-key overrides.</summary>
    public static class ConnectionSchemaRoutes
    {
        /// <summary>Overrides per "connection-id/schema-id": user fields ("fields") and primary keys ("primary_keys").</summary>
        public const string SchemaOverrides = "schema_overrides";

        public static readonly string[] FieldTypes = { "unknown", "string", "number", "boolean", "datetime", "array", "object", "binary" };

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            s.Store(SchemaOverrides);

            api.Get("/api/connections/{id}/schemas/{schema_id}", r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("id"));
                ConnectionRoutes.RequireSchemaCache(s, c);
                var schema = DemoSchemas.Find((string)c["type"]!, r.Route("schema_id")) ?? throw ApiError.NotFound("schema", r.Route("schema_id"));
                return Task.FromResult(r.Data(DemoSchemas.SchemaJson(schema)));
            });

            api.Get("/api/connections/{id}/schemas/{schema_id}/records", r =>
            {
                var c = ConnectionRoutes.Find(s, r.Route("id"));
                ConnectionRoutes.RequireSchemaCache(s, c);
                var schema = DemoSchemas.Find((string)c["type"]!, r.Route("schema_id")) ?? throw ApiError.NotFound("schema", r.Route("schema_id"));
                return Task.FromResult(r.Data(new JsonArray(schema.Records.Select(x => (JsonNode)x.DeepClone()).ToArray())));
            });

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
        }

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
    }
}
