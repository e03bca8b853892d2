using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>What a connection offers a bulk sync: GET /api/connections/{id}/bulksync/source (its schemas) and
    /// /bulksync/target (its destination options and modes).</summary>
    public static class BulkSyncConnectionRoutes
    {
        public static void Map(SandboxApi api)
        {
            var s = api.State;

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
                    ["supported_resync_modes"] = new JsonArray(BulkSyncRunRoutes.ResyncModes.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
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
    }
}
