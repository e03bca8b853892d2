using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Polytomic.Workspace
{
    /// <summary>The JSON rules of a workspace: one canonical text per value (keys sorted, two-space indent, LF), secret
    /// placeholders, and a field-level comparison.</summary>
    public static class WorkspaceJson
    {
        /// <summary>The key of a placeholder object: {"$secret": "Warehouse.password"}.</summary>
        public const string SecretKey = "$secret";

        /// <summary>What a plan shows instead of any secret value.</summary>
        public const string SecretShown = "(secret)";

        private static readonly JsonWriterOptions Indented = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private static readonly JsonWriterOptions Compact = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The file text of a value: keys in ordinal order at every level, LF line ends, a final newline, so
        /// that the same object always gives the same bytes.</summary>
        public static string ToFileText(JsonNode node) => Write(node, Indented).Replace("\r\n", "\n") + "\n";

        /// <summary>A one-line canonical form (keys sorted), used to compare values and to show compound ones.</summary>
        public static string ToCanonical(JsonNode? node) => node == null ? "null" : Write(node, Compact);

        private static string Write(JsonNode node, JsonWriterOptions options)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, options)) WriteSorted(writer, node);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WriteSorted(Utf8JsonWriter w, JsonNode? node)
        {
            switch (node)
            {
                case null: w.WriteNullValue(); break;
                case JsonObject o:
                    w.WriteStartObject();
                    foreach (var kv in o.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    {
                        w.WritePropertyName(kv.Key);
                        WriteSorted(w, kv.Value);
                    }
                    w.WriteEndObject();
                    break;
                case JsonArray a:
                    w.WriteStartArray();
                    foreach (var item in a) WriteSorted(w, item);
                    w.WriteEndArray();
                    break;
                default: node.WriteTo(w); break;
            }
        }

        public static JsonObject Placeholder(string name) => new JsonObject { [SecretKey] = name };

        /// <summary>The placeholder's name when the node is one.</summary>
        public static string? PlaceholderName(JsonNode? node) =>
            node is JsonObject o && o.Count == 1 && o[SecretKey] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

        public static IEnumerable<(string Path, string Placeholder)> Placeholders(JsonNode? node, string path)
        {
            if (PlaceholderName(node) is string name) { yield return (path, name); yield break; }
            if (node is JsonObject o)
                foreach (var kv in o)
                    foreach (var p in Placeholders(kv.Value, Join(path, kv.Key))) yield return p;
            else if (node is JsonArray a)
                for (int i = 0; i < a.Count; i++)
                    foreach (var p in Placeholders(a[i], path + "[" + i + "]")) yield return p;
        }

        /// <summary>The differences that matter from current to desired: every value the desired object states that the
        /// current one lacks or holds differently. Keys only the current object has are left alone (a file need not
        /// state the server's defaults). Placeholders are not compared: the caller decides about secrets.</summary>
        public static List<WorkspaceFieldChange> Diff(JsonNode? desired, JsonNode? current)
        {
            var changes = new List<WorkspaceFieldChange>();
            Diff("", desired, current, changes);
            return changes;
        }

        private static void Diff(string path, JsonNode? desired, JsonNode? current, List<WorkspaceFieldChange> changes)
        {
            if (PlaceholderName(desired) != null) return;
            if (desired is JsonObject d && current is JsonObject c)
            {
                foreach (var kv in d) Diff(Join(path, kv.Key), kv.Value, c[kv.Key], changes);
                return;
            }
            if (desired is JsonArray da && current is JsonArray ca && da.Count == ca.Count && da.Any(x => x is JsonObject))
            {
                for (int i = 0; i < da.Count; i++) Diff(path + "[" + i + "]", da[i], ca[i], changes);
                return;
            }
            if (!string.Equals(ToCanonical(desired), ToCanonical(current), StringComparison.Ordinal))
                changes.Add(new WorkspaceFieldChange(path, Shown(current), Shown(desired)));
        }

        /// <summary>A value as a plan shows it: scalars as themselves, objects and arrays as canonical JSON.</summary>
        public static object? Shown(JsonNode? node)
        {
            if (node == null) return null;
            if (PlaceholderName(node) != null) return SecretShown;
            if (node is JsonValue v)
            {
                if (v.TryGetValue<string>(out var s)) return s;
                if (v.TryGetValue<bool>(out var b)) return b;
                if (v.TryGetValue<long>(out var l)) return l;
                if (v.TryGetValue<double>(out var dbl)) return dbl;
            }
            return ToCanonical(node);
        }

        public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

        /// <summary>A deep copy with every null member removed (the files never state a null).</summary>
        public static JsonNode? WithoutNulls(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    var copy = new JsonObject();
                    foreach (var kv in o) if (kv.Value != null) copy[kv.Key] = WithoutNulls(kv.Value);
                    return copy;
                case JsonArray a:
                    return new JsonArray(a.Select(WithoutNulls).ToArray());
                default:
                    return node?.DeepClone();
            }
        }
    }
}
