using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic.Workspace
{
    /// <summary>Turns objects read from Polytomic into workspace files' form (ids to names, server-owned fields out,
    /// secrets to placeholders) and back into request bodies (names to ids).</summary>
    public static class WorkspaceNormalizer
    {
        /// <summary>Fields Polytomic owns: never written, never compared.</summary>
        private static readonly string[] ServerOwned =
        {
            "id", "organization_id", "created_at", "created_by", "updated_at", "updated_by", "policies", "version", "status",
            "status_error", "saved", "api_calls_last_24_hours", "auth_url", "auth_code", "parent_connection_id",
        };

        /// <summary>Id fields and the name fields that replace them in the files, with the kind they point at.</summary>
        private static readonly (string IdKey, string NameKey, string Kind)[] References =
        {
            ("connection_id", "connection", WorkspaceKinds.Connections),
            ("source_connection_id", "source_connection", WorkspaceKinds.Connections),
            ("destination_connection_id", "destination_connection", WorkspaceKinds.Connections),
            ("model_id", "model", WorkspaceKinds.Models),
        };

        /// <summary>Free-form user configuration: its keys are the user's, never renamed.</summary>
        private static readonly string[] Opaque = { "configuration", "destination_configuration", "source_configuration" };

        /// <summary>Looks a name up from an id (export) or an id from a name (import); null when there is none.</summary>
        public delegate string? Resolver(string kind, string key);

        public static JsonObject Connection(PolytomicConnection c, PolytomicConnectionTypeSchema? schema, bool oauth)
        {
            var doc = new JsonObject { ["name"] = c.Name, ["type"] = c.Type };
            var secretFields = new HashSet<string>((schema?.Fields ?? new List<PolytomicConnectionTypeField>()).Where(f => f.Secret).Select(f => f.Name),
                StringComparer.OrdinalIgnoreCase);
            var config = new JsonObject();
            foreach (var kv in c.Configuration.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (kv.Value == null) continue;
                if (secretFields.Contains(kv.Key))
                {
                    // OAuth types get their tokens from signing in: nothing to carry over.
                    if (oauth || (kv.Value is string s && s.Length == 0)) continue;
                    config[kv.Key] = WorkspaceJson.Placeholder(c.Name + "." + kv.Key);
                    continue;
                }
                config[kv.Key] = JsonSerializer.SerializeToNode(kv.Value, PolytomicJson.Options);
            }
            doc["configuration"] = config;
            if (!string.IsNullOrEmpty(c.HealthcheckInterval)) doc["healthcheck_interval"] = c.HealthcheckInterval;
            if (oauth) doc["sign_in"] = "oauth";
            return doc;
        }

        public static JsonObject Model(PolytomicModel m, Resolver names)
        {
            var doc = Strip(Serialize(m));
            doc.Remove("type");
            doc.Remove("fields");
            var own = m.Fields.Where(f => f.UserAdded != true && f.Name != null).Select(f => (JsonNode)JsonValue.Create(f.Name)!).ToArray();
            if (own.Length > 0) doc["fields"] = new JsonArray(own);
            var added = m.Fields.Where(f => f.UserAdded == true && f.Name != null).Select(f =>
            {
                var o = new JsonObject { ["name"] = f.Name, ["type"] = f.Type };
                if (!string.IsNullOrEmpty(f.Label) && f.Label != f.Name) o["label"] = f.Label;
                return (JsonNode)o;
            }).ToArray();
            if (added.Length > 0) doc["additional_fields"] = new JsonArray(added);
            if (m.Labels != null && m.Labels.Count > 0)
                doc["labels"] = new JsonArray(m.Labels.Select(l => l is IDictionary<string, object?> d && d.TryGetValue("name", out var n) ? n?.ToString() : l?.ToString())
                    .Where(n => n != null).OrderBy(n => n, StringComparer.Ordinal).Select(n => (JsonNode)JsonValue.Create(n)!).ToArray());
            else doc.Remove("labels");
            return (JsonObject)Rename(doc, names, toNames: true)!;
        }

        public static JsonObject Sync(PolytomicSync s, Resolver names)
        {
            var hasPassphrase = s.EncryptionPassphrase != null && s.EncryptionPassphrase.Length > 0;
            var doc = Strip(Serialize(s));
            foreach (var k in new[] { "model_ids", "target_connection_id", "target_object", "encryption_passphrase" }) doc.Remove(k);
            if (hasPassphrase) doc["encryption_passphrase"] = WorkspaceJson.Placeholder(s.Name + ".encryption_passphrase");
            var result = (JsonObject)Rename(doc, names, toNames: true)!;
            RunAfter(result, names, toNames: true);
            return result;
        }

        /// <summary>run_after's id lists and the name lists that replace them in the files.</summary>
        private static readonly (string IdKey, string NameKey, string Kind)[] RunAfterLists =
        {
            ("sync_ids", "syncs", WorkspaceKinds.Syncs), ("bulk_sync_ids", "bulk_syncs", WorkspaceKinds.BulkSyncs),
        };

        /// <summary>A sync's schedule.run_after: {sync_ids, bulk_sync_ids} in Polytomic, {syncs, bulk_syncs} by name in the
        /// files (empty lists left out, and run_after with them).</summary>
        private static void RunAfter(JsonObject sync, Resolver resolve, bool toNames)
        {
            if (!(sync["schedule"] is JsonObject schedule) || !(schedule["run_after"] is JsonObject runAfter)) return;
            var result = new JsonObject();
            foreach (var (idKey, nameKey, kind) in RunAfterLists)
            {
                var from = runAfter[toNames ? idKey : nameKey] as JsonArray;
                if (from == null || from.Count == 0) continue;
                result[toNames ? nameKey : idKey] = new JsonArray(from.Select(x =>
                {
                    var key = x is JsonValue v && v.TryGetValue<string>(out var k) ? k : "";
                    var resolved = resolve(kind, key) ?? throw new WorkspaceException("UnresolvedReference",
                        toNames ? $"{WorkspaceKinds.Display(kind)} {key} is referred to (schedule.run_after) but does not exist."
                                : $"{WorkspaceKinds.Display(kind)} '{key}' is referred to (schedule.run_after) but is neither in the folder nor in the workspace.");
                    return (JsonNode)JsonValue.Create(resolved)!;
                }).ToArray());
            }
            if (result.Count == 0) schedule.Remove("run_after");
            else schedule["run_after"] = result;
        }

        public static JsonObject BulkSync(PolytomicBulkSync b, IEnumerable<PolytomicBulkSchema> schemas, Resolver names)
        {
            var doc = Strip(Serialize(b));
            doc.Remove("default_schedule");
            doc.Remove("additional_schedules");
            if (b.Schedule != null) doc["schedule"] = Schedule(b.Schedule);
            if (b.AdditionalSchedules.Count > 0)
                doc["additional_schedules"] = new JsonArray(b.AdditionalSchedules.Select(x => (JsonNode)Schedule(x)).ToArray());
            doc["schemas"] = new JsonArray(schemas.Where(x => x.Enabled).OrderBy(x => x.Id, StringComparer.Ordinal).Select(x =>
            {
                var o = Serialize(x);
                o.Remove("enabled");
                o.Remove("output_name");
                if (o["fields"] is JsonArray fields)
                    foreach (var f in fields.OfType<JsonObject>()) f.Remove("output_name");
                return (JsonNode)o;
            }).ToArray());
            return (JsonObject)Rename(doc, names, toNames: true)!;
        }

        private static JsonObject Schedule(PolytomicBulkSyncSchedule s)
        {
            var o = Strip(Serialize(s));
            o.Remove("multi");
            return o;
        }

        /// <summary>The request body of an object: names back to ids. Throws WorkspaceException naming what is missing.</summary>
        public static JsonObject ToRequest(WorkspaceObject o, Resolver ids)
        {
            var body = (JsonObject)WorkspaceJson.WithoutNulls(o.Body)!;
            body.Remove("sign_in");
            if (o.Kind == WorkspaceKinds.Connections) return body;
            var request = (JsonObject)Rename(body, ids, toNames: false)!;
            if (o.Kind == WorkspaceKinds.Syncs) RunAfter(request, ids, toNames: false);
            return request;
        }

        /// <summary>The object's body with its connection references renamed through map (folder name → target name).</summary>
        public static JsonObject MapConnections(WorkspaceObject o, IDictionary<string, string> map) =>
            o.Kind == WorkspaceKinds.Connections || !WorkspaceKinds.Core.Contains(o.Kind) ? o.Body : (JsonObject)Remap(o.Body, map)!;

        private static JsonNode? Remap(JsonNode? node, IDictionary<string, string> map)
        {
            if (node is JsonArray a) return new JsonArray(a.Select(x => Remap(x, map)).ToArray());
            if (!(node is JsonObject obj)) return node?.DeepClone();
            var result = new JsonObject();
            foreach (var kv in obj)
            {
                var r = References.FirstOrDefault(x => x.NameKey == kv.Key);
                if (!Opaque.Contains(kv.Key) && r.Kind == WorkspaceKinds.Connections && kv.Value is JsonValue v && v.TryGetValue<string>(out var name)
                    && map.TryGetValue(name, out var mapped))
                    result[kv.Key] = mapped;
                else result[kv.Key] = Opaque.Contains(kv.Key) ? kv.Value?.DeepClone() : Remap(kv.Value, map);
            }
            return result;
        }

        /// <summary>The names of the objects this one refers to, by kind.</summary>
        public static IEnumerable<(string Kind, string Name)> Dependencies(WorkspaceObject o)
        {
            if (o.Kind == WorkspaceKinds.Policies) return WorkspaceAccess.RoleNames(o.Body).Select(n => (WorkspaceKinds.Roles, n));
            if (!WorkspaceKinds.Core.Contains(o.Kind)) return new (string, string)[0];
            var found = new List<(string, string)>();
            if (o.Kind != WorkspaceKinds.Connections) Collect(o.Body, found);
            if (o.Kind == WorkspaceKinds.Syncs && o.Body["schedule"]?["run_after"] is JsonObject runAfter)
                foreach (var (_, nameKey, kind) in RunAfterLists)
                    foreach (var n in (runAfter[nameKey] as JsonArray ?? new JsonArray()).OfType<JsonValue>())
                        if (n.TryGetValue<string>(out var name)) found.Add((kind, name));
            return found.Distinct();
        }

        private static void Collect(JsonNode? node, List<(string, string)> found)
        {
            if (node is JsonObject obj)
            {
                foreach (var kv in obj)
                {
                    if (Opaque.Contains(kv.Key)) continue;
                    var r = References.FirstOrDefault(x => x.NameKey == kv.Key);
                    if (r.NameKey != null && kv.Value is JsonValue v && v.TryGetValue<string>(out var name)) found.Add((r.Kind, name));
                    else Collect(kv.Value, found);
                }
            }
            else if (node is JsonArray a) foreach (var item in a) Collect(item, found);
        }

        private static JsonNode? Rename(JsonNode? node, Resolver resolve, bool toNames)
        {
            if (node is JsonArray a) return new JsonArray(a.Select(x => Rename(x, resolve, toNames)).ToArray());
            if (!(node is JsonObject obj)) return node?.DeepClone();
            var result = new JsonObject();
            foreach (var kv in obj)
            {
                if (Opaque.Contains(kv.Key)) { result[kv.Key] = kv.Value?.DeepClone(); continue; }
                var r = References.FirstOrDefault(x => (toNames ? x.IdKey : x.NameKey) == kv.Key);
                if (r.IdKey != null && kv.Value is JsonValue v && v.TryGetValue<string>(out var key) && key.Length > 0)
                {
                    var resolved = resolve(r.Kind, key) ?? throw new WorkspaceException("UnresolvedReference",
                        toNames ? $"{WorkspaceKinds.Display(r.Kind)} {key} is referred to but does not exist."
                                : $"{WorkspaceKinds.Display(r.Kind)} '{key}' is referred to but is neither in the folder nor in the workspace.");
                    result[toNames ? r.NameKey : r.IdKey] = resolved;
                    continue;
                }
                result[kv.Key] = Rename(kv.Value, resolve, toNames);
            }
            return result;
        }

        private static JsonObject Serialize<T>(T value) =>
            (JsonObject)WorkspaceJson.WithoutNulls(JsonSerializer.SerializeToNode(value, PolytomicJson.Options))!;

        private static JsonObject Strip(JsonObject o)
        {
            foreach (var k in ServerOwned) o.Remove(k);
            return o;
        }
    }
}
