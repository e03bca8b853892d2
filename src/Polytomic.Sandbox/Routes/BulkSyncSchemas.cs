using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;
using static Polytomic.Sandbox.Routes.BulkSyncData;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The schemas of a bulk sync: list, read, enable and change them, and the schemas a new sync starts with.</summary>
    public static class BulkSyncSchemaRoutes
    {
        public static void Map(SandboxApi api)
        {
            var s = api.State;

            api.Get("/api/bulk/syncs/{id}/schemas", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var items = Schemas(sync).OfType<JsonObject>().Select(x =>
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
                ApplyChanges(demo, fresh, body, replaceFields: true);
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
                    ApplyChanges(demo, b, item, replaceFields: false);
                    touched.Add(b.DeepClone());
                }
                // 2024-02-08 answers with the whole list, 2025-09-18 with the updated schemas.
                return r.Data(r.Is2025 ? touched : Schemas(sync).DeepClone());
            });
        }

        /// <summary>The schemas a new sync starts with: every source schema, enabled when selected (all when the body
        /// names none), with the settings the body gives.</summary>
        public static JsonArray Initial(JsonObject source, JsonNode? requested)
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
                    ApplyChanges(schema, b, config, replaceFields: true);
                }
                result.Add(b);
            }
            return result;
        }

        private static JsonObject NewBulkSchema(DemoSchema schema, bool enabled) => new JsonObject
        {
            ["id"] = schema.Id,
            ["output_name"] = OutputName(schema.Id),
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
            ["id"] = f.Id, ["output_name"] = OutputName(f.Id), ["user_output_name"] = "", ["enabled"] = true, ["obfuscated"] = false,
        };

        /// <summary>Applies schema settings (PUT replaces fields, PATCH merges the listed ones). Unknown fields are 400s.</summary>
        private static void ApplyChanges(DemoSchema schema, JsonObject b, JsonObject change, bool replaceFields)
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

        private static JsonObject FindSchema(JsonObject sync, string schemaId) =>
            Schemas(sync).OfType<JsonObject>().FirstOrDefault(x => (string?)x["id"] == schemaId)
            ?? throw ApiError.NotFound("schema", schemaId);

        private static DemoSchema DemoOf(SandboxState s, JsonObject sync, string schemaId)
        {
            var source = ConnectionRoutes.Find(s, (string)sync["source_connection_id"]!);
            return DemoSchemas.Find((string)source["type"]!, schemaId) ?? throw ApiError.NotFound("schema", schemaId);
        }

        private static void Replace(JsonObject sync, JsonObject schema)
        {
            var list = Schemas(sync);
            var index = list.Select((x, i) => (x, i)).First(p => (string?)p.x!["id"] == (string?)schema["id"]).i;
            list[index] = schema;
        }
    }
}
