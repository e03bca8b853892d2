using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic.Workspace
{
    /// <summary>What the kinds share to turn objects read from Polytomic into workspace files' form (ids to names,
    /// server-owned fields out) and back into request bodies (names to ids). What is a kind's own lives in its
    /// <see cref="WorkspaceKind"/>.</summary>
    public static class WorkspaceNormalizer
    {
        /// <summary>Fields Polytomic owns: never written, never compared.</summary>
        private static readonly string[] ServerOwned =
        {
            "id", "organization_id", "created_at", "created_by", "updated_at", "updated_by", "policies", "version", "status",
            "status_error", "saved", "api_calls_last_24_hours", "auth_url", "auth_code", "parent_connection_id",
        };

        /// <summary>Id fields and the name fields that replace them in the files, with the kind they point at.</summary>
        private static readonly (string IdKey, string NameKey, string Kind)[] ReferenceFields =
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

        /// <summary>A file's body with names back to ids (a request body).</summary>
        internal static JsonObject ToIds(JsonObject body, Resolver ids) => (JsonObject)Rename(body, ids, toNames: false)!;

        /// <summary>A body read from Polytomic with ids replaced by names (file form).</summary>
        internal static JsonObject ToNames(JsonObject body, Resolver names) => (JsonObject)Rename(body, names, toNames: true)!;

        /// <summary>The body with its connection references renamed through map (folder name → target name).</summary>
        internal static JsonObject MapConnections(JsonObject body, IDictionary<string, string> map) => (JsonObject)Remap(body, map)!;

        /// <summary>The references a body states by name (outside free-form configuration).</summary>
        internal static List<(string Kind, string Name)> References(JsonObject body)
        {
            var found = new List<(string, string)>();
            Collect(body, found);
            return found;
        }

        private static JsonNode? Remap(JsonNode? node, IDictionary<string, string> map)
        {
            if (node is JsonArray a) return new JsonArray(a.Select(x => Remap(x, map)).ToArray());
            if (!(node is JsonObject obj)) return node?.DeepClone();
            var result = new JsonObject();
            foreach (var kv in obj)
            {
                var r = ReferenceFields.FirstOrDefault(x => x.NameKey == kv.Key);
                if (!Opaque.Contains(kv.Key) && r.NameKey != null && WorkspaceKinds.Of(r.Kind) is ConnectionKind && kv.Value is JsonValue v && v.TryGetValue<string>(out var name)
                    && map.TryGetValue(name, out var mapped))
                    result[kv.Key] = mapped;
                else result[kv.Key] = Opaque.Contains(kv.Key) ? kv.Value?.DeepClone() : Remap(kv.Value, map);
            }
            return result;
        }

        private static void Collect(JsonNode? node, List<(string, string)> found)
        {
            if (node is JsonObject obj)
            {
                foreach (var kv in obj)
                {
                    if (Opaque.Contains(kv.Key)) continue;
                    var r = ReferenceFields.FirstOrDefault(x => x.NameKey == kv.Key);
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
                var r = ReferenceFields.FirstOrDefault(x => (toNames ? x.IdKey : x.NameKey) == kv.Key);
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

        internal static JsonObject Serialize<T>(T value) =>
            (JsonObject)WorkspaceJson.WithoutNulls(JsonSerializer.SerializeToNode(value, PolytomicJson.Options))!;

        internal static JsonObject Strip(JsonObject o)
        {
            foreach (var k in ServerOwned) o.Remove(k);
            return o;
        }
    }
}
