using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The schemas of a bulk sync: list, read, enable and change them.</summary>
    public static partial class BulkSyncRoutes
    {
        private static void MapSchemas(SandboxApi api, SandboxState s)
        {
            api.Get("/api/bulk/syncs/{id}/schemas", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var items = sync["_schemas"]!.AsArray().OfType<JsonObject>().Select(x =>
                {
                    var copy = x.DeepClone().AsObject();
                    // 2025-09-18 lists BulkSchemaListItem: no fields or filters (fetch one schema for those).
                    if (r.Is2025) { copy.Remove("fields"); copy.Remove("filters"); }
                    return (JsonNode)copy;
                }).ToArray();
                return Task.FromResult(r.Data(new JsonArray(items)));
            });

            api.Get("/api/bulk/syncs/{id}/schemas/{schema_id}", r =>
                Task.FromResult(r.Data(FindSchema(FindSync(s, r.Route("id")), r.Route("schema_id")).DeepClone())));

            api.Put("/api/bulk/syncs/{id}/schemas/{schema_id}", async r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var b = FindSchema(sync, r.Route("schema_id"));
                var body = await r.BodyAsync();
                var demo = DemoOf(s, sync, (string)b["id"]!);
                // PUT replaces the schema's settings: what is omitted goes back to its default.
                var fresh = NewBulkSchema(demo, (bool?)body["enabled"] ?? true);
                fresh["tracking_field"] = "";
                ApplySchemaChanges(demo, fresh, body, replaceFields: true);
                Replace(sync, fresh);
                return r.Data(fresh.DeepClone());
            });

            api.Patch("/api/bulk/syncs/{id}/schemas", async r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var body = await r.BodyAsync();
                if (!(body["schemas"] is JsonArray list)) throw ApiError.BadRequest("schemas is required");
                var touched = new JsonArray();
                foreach (var item in list.OfType<JsonObject>())
                {
                    var b = FindSchema(sync, Str(item["id"]) ?? throw ApiError.BadRequest("every schemas[] item needs an id"));
                    var demo = DemoOf(s, sync, (string)b["id"]!);
                    if (item.ContainsKey("enabled")) b["enabled"] = (bool?)item["enabled"] ?? true;
                    ApplySchemaChanges(demo, b, item, replaceFields: false);
                    touched.Add(b.DeepClone());
                }
                // 2024-02-08 answers with the whole list, 2025-09-18 with the updated schemas.
                return r.Data(r.Is2025 ? touched : sync["_schemas"]!.DeepClone());
            });
        }

        private static JsonObject FindSchema(JsonObject sync, string schemaId) =>
            sync["_schemas"]!.AsArray().OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == schemaId)
            ?? throw ApiError.NotFound("schema", schemaId);

        private static DemoSchema DemoOf(SandboxState s, JsonObject sync, string schemaId)
        {
            var source = ConnectionRoutes.Find(s, (string)sync["source_connection_id"]!);
            return DemoSchemas.Find((string)source["type"]!, schemaId) ?? throw ApiError.NotFound("schema", schemaId);
        }

        private static void Replace(JsonObject sync, JsonObject schema)
        {
            var list = sync["_schemas"]!.AsArray();
            var index = list.Select((x, i) => (x, i)).First(p => (string?)p.x!["id"] == (string?)schema["id"]).i;
            list[index] = schema;
        }
    }
}
