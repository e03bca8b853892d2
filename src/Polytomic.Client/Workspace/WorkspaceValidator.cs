using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

using Shape = Polytomic.Workspace.WorkspaceShape;
using Spec = Polytomic.Workspace.WorkspaceFieldSpec;
using static Polytomic.Workspace.WorkspaceFieldSpec;

namespace Polytomic.Workspace
{
    /// <summary>Checks workspace files before anything is sent: each file against its kind's shape (types, required
    /// fields, the enums Polytomic has, no field an export would not write, so a folder always converges), secret
    /// placeholders (exactly {"$secret": "&lt;own name&gt;.&lt;field&gt;"}, only where a secret goes), and the manifest.
    /// Every problem names its file and JSON path.</summary>
    public static class WorkspaceValidator
    {
        private static readonly Dictionary<string, Spec> Manifest = new Dictionary<string, Spec>
        {
            ["format_version"] = S(Shape.Integer, true), ["api_version"] = S(Shape.String, true, ApiVersions.Supported.ToArray()),
            ["kinds"] = S(Shape.StringArray), ["names"] = S(Shape.StringArray), ["source"] = S(Shape.Object), ["files"] = S(Shape.StringArray),
        };

        /// <summary>Reference fields: the name a file states and the id field a request sends.</summary>
        private static readonly (string NameKey, string IdKey)[] References =
        {
            ("connection", "connection_id"), ("source_connection", "source_connection_id"),
            ("destination_connection", "destination_connection_id"), ("model", "model_id"),
        };

        /// <summary>Free-form configuration: its keys are the user's (and the connection type's).</summary>
        private static readonly string[] Opaque = { "configuration", "destination_configuration", "source_configuration" };

        internal static readonly Regex PlainKey = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex SecretLike = new Regex(@"^\$?secret$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>A JSON path step: $.a.b, or $['a b'] for a key that is not a plain name.</summary>
        public static string Join(string path, string key) =>
            PlainKey.IsMatch(key) ? path + "." + key : path + "['" + key.Replace("\\", "\\\\").Replace("'", "\\'") + "']";

        public static List<WorkspaceProblem> CheckManifest(JsonObject manifest, string file)
        {
            var problems = new List<WorkspaceProblem>();
            void Add(string path, string message) => problems.Add(new WorkspaceProblem("InvalidWorkspaceManifest", file, path, message));
            CheckObject(manifest, "$", Manifest, Add, "a workspace manifest");
            if (manifest["format_version"] is JsonValue f && f.TryGetValue<int>(out var format) && format != WorkspaceManifest.CurrentFormat)
                problems.Add(new WorkspaceProblem("WorkspaceFormatNotSupported", file, "$.format_version",
                    $"is {format}; this module reads format {WorkspaceManifest.CurrentFormat}"));
            if (manifest["kinds"] is JsonArray kinds)
                for (int i = 0; i < kinds.Count; i++)
                    if (kinds[i] is JsonValue v && v.TryGetValue<string>(out var k) && !WorkspaceKinds.All.Contains(k))
                        Add($"$.kinds[{i}]", $"'{k}' is not a workspace kind ({string.Join(", ", WorkspaceKinds.All)})");
            if (manifest["files"] is JsonArray files)
                for (int i = 0; i < files.Count; i++)
                    if (files[i] is JsonValue v && v.TryGetValue<string>(out var listed) && !WorkspaceFolder.IsWorkspaceFile(listed))
                        Add($"$.files[{i}]", $"'{listed}' is not a workspace file (<kind>/<name>.json or {WorkspaceFolder.ErrorSubscribersFile})");
            if (manifest["source"] is JsonObject source)
                foreach (var kv in source)
                    if ((kv.Key != "url" && kv.Key != "organization") || !(kv.Value == null || IsString(kv.Value)))
                        Add(Join("$.source", kv.Key), kv.Key == "url" || kv.Key == "organization" ? "must be a string" : "is not a field of a workspace manifest");
            return problems;
        }

        /// <summary>The problems of one object's file (none: the file can be planned and sent as it is).</summary>
        public static List<WorkspaceProblem> CheckFile(string kind, string file, JsonObject body)
        {
            var problems = new List<WorkspaceProblem>();
            void Add(string path, string message) => problems.Add(new WorkspaceProblem(
                message.StartsWith("is not a field", StringComparison.Ordinal) ? "UnknownWorkspaceField" : "InvalidWorkspaceFile", file, path, message));
            var type = WorkspaceKinds.Of(kind);
            var what = "a " + type.Display + " file";
            CheckObject(body, "$", type.Fields, Add, what);
            if (problems.Count > 0) return problems;
            var name = type.NameOf(body);
            if (string.IsNullOrWhiteSpace(name)) Add("$." + type.NameKey, "must not be empty: names are the keys of a workspace");
            CheckPlaceholders(kind, name, body, "$", true, problems, file);
            CheckReferences(body, "$", Add);
            CheckNulls(body, "$", Add);
            if (problems.Count > 0) return problems;

            type.CheckDetails(body, Add);
            return problems;
        }

        internal static void Items(JsonObject body, string key, Action<JsonObject, string> check)
        {
            if (body[key] is JsonArray a)
                for (int i = 0; i < a.Count; i++)
                    if (a[i] is JsonObject o) check(o, $"$.{key}[{i}]");
        }

        /// <summary>Known fields only, each of its type and allowed values; the required ones present. A null is absent.</summary>
        internal static void CheckObject(JsonObject o, string path, IReadOnlyDictionary<string, Spec> specs, Action<string, string> add, string what)
        {
            foreach (var kv in o)
            {
                var at = Join(path, kv.Key);
                if (!specs.TryGetValue(kv.Key, out var spec)) { add(at, $"is not a field of {what}: it would never be sent, so the folder would never converge; remove it"); continue; }
                if (kv.Value == null) continue;
                var shape = spec.Shape;
                var ok = shape switch
                {
                    Shape.String => IsString(kv.Value),
                    Shape.Bool => kv.Value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
                    Shape.Integer => kv.Value is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.TryGetValue<long>(out _),
                    Shape.Object => kv.Value is JsonObject,
                    Shape.Placeholder => kv.Value is JsonObject,
                    Shape.Array => kv.Value is JsonArray,
                    Shape.StringArray => kv.Value is JsonArray sa && sa.All(x => x != null && IsString(x)),
                    Shape.ObjectArray => kv.Value is JsonArray oa && oa.All(x => x is JsonObject),
                    _ => true,
                };
                if (!ok) { add(at, "must be " + Describe(shape) + ", not " + Kind(kv.Value)); continue; }
                CheckEnum(kv.Value, at, spec.Values, add);
            }
            foreach (var kv in specs.Where(s => s.Value.Required && o[s.Key] == null))
                add(Join(path, kv.Key), $"is required in {what}");
        }

        internal static void CheckEnum(JsonNode? node, string path, IReadOnlyCollection<string>? values, Action<string, string> add)
        {
            if (values == null || !(node is JsonValue v) || !v.TryGetValue<string>(out var s) || values.Contains(s)) return;
            add(path, $"'{s}' is not one of {string.Join(", ", values)} (spelled exactly so: Polytomic answers in this spelling)");
        }

        private static bool IsString(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

        private static string Kind(JsonNode node) => node switch
        {
            JsonObject _ => "an object",
            JsonArray _ => "an array",
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => "a string",
                JsonValueKind.Number => "a number",
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => "null",
            },
            _ => "null",
        };

        private static string Describe(Shape shape) => shape switch
        {
            Shape.String => "a string",
            Shape.Bool => "true or false",
            Shape.Integer => "a whole number",
            Shape.Object => "an object",
            Shape.Placeholder => "a secret placeholder {\"$secret\": \"…\"}",
            Shape.Array => "an array",
            Shape.StringArray => "an array of strings",
            Shape.ObjectArray => "an array of objects",
            _ => "a value",
        };

        /// <summary>A reference names its object (a non-empty string); an id field is never written (the folder names
        /// what it refers to). Configurations are the user's and are not looked into.</summary>
        private static void CheckReferences(JsonNode? node, string path, Action<string, string> add)
        {
            if (node is JsonArray a) { for (int i = 0; i < a.Count; i++) CheckReferences(a[i], path + "[" + i + "]", add); return; }
            if (!(node is JsonObject o)) return;
            foreach (var kv in o)
            {
                if (Opaque.Contains(kv.Key)) continue;
                var at = Join(path, kv.Key);
                var r = References.FirstOrDefault(x => x.NameKey == kv.Key);
                if (r.NameKey != null)
                {
                    if (kv.Value != null && !(kv.Value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0))
                        add(at, "must be the name of the object it refers to (a string)");
                    continue;
                }
                var id = References.FirstOrDefault(x => x.IdKey == kv.Key);
                if (id.IdKey != null && kv.Value is JsonValue iv && iv.TryGetValue<string>(out var idText) && idText.Length > 0)
                {
                    add(at, $"is not a field of a workspace file: it would never converge; refer by name with \"{id.NameKey}\"");
                    continue;
                }
                CheckReferences(kv.Value, at, add);
            }
        }

        /// <summary>A null is never sent (requests leave nulls out), so against a value Polytomic holds it would be an
        /// update on every import; exports never write one. Configurations are compared as Polytomic answers them.</summary>
        private static void CheckNulls(JsonNode? node, string path, Action<string, string> add)
        {
            if (node is JsonArray a)
            {
                for (int i = 0; i < a.Count; i++)
                    if (a[i] == null) add(path + "[" + i + "]", "is null: a null is never sent; remove it");
                    else CheckNulls(a[i], path + "[" + i + "]", add);
                return;
            }
            if (!(node is JsonObject o)) return;
            foreach (var kv in o)
            {
                if (Opaque.Contains(kv.Key)) continue;
                if (kv.Value == null) add(Join(path, kv.Key), "is null: a null is never sent, so the folder would never converge; remove the field");
                else CheckNulls(kv.Value, Join(path, kv.Key), add);
            }
        }

        /// <summary>A copy with references renamed to their id fields (a stand-in id), as a request carries them.</summary>
        internal static JsonObject Renamed(JsonObject body) => (JsonObject)Rename(body)!;

        private static JsonNode? Rename(JsonNode? node)
        {
            if (node is JsonArray a) return new JsonArray(a.Select(Rename).ToArray());
            if (!(node is JsonObject o)) return node?.DeepClone();
            var copy = new JsonObject();
            foreach (var kv in o)
            {
                if (kv.Value == null) continue;
                var r = References.FirstOrDefault(x => x.NameKey == kv.Key);
                if (Opaque.Contains(kv.Key)) copy[kv.Key] = kv.Value.DeepClone();
                else if (r.NameKey != null) copy[r.IdKey] = "00000000-0000-0000-0000-000000000000";
                else copy[kv.Key] = Rename(kv.Value);
            }
            return copy;
        }

        /// <summary>Reads the body as the request type and writes it back: a type Polytomic's shape refuses is a problem
        /// at its path, and a nested field the request type does not carry (it would be dropped, never sent) too.</summary>
        internal static void RoundTrip<T>(JsonObject body, string path, Action<string, string> add)
        {
            JsonNode? back;
            try { back = JsonSerializer.SerializeToNode(body.Deserialize<T>(PolytomicJson.Options), PolytomicJson.Options); }
            catch (JsonException ex)
            {
                var at = ex.Path == null || ex.Path == "$" ? path : path + ex.Path.Substring(1);
                add(at, "has a value of the wrong type for Polytomic");
                return;
            }
            Missing(body, back, path, add);
        }

        private static void Missing(JsonNode? file, JsonNode? back, string path, Action<string, string> add)
        {
            if (file is JsonObject o && back is JsonObject b)
            {
                foreach (var kv in o)
                {
                    var display = References.FirstOrDefault(x => x.IdKey == kv.Key).NameKey ?? kv.Key;
                    if (!b.ContainsKey(kv.Key)) add(Join(path, display), "is not a field Polytomic takes here: it would never be sent, so the folder would never converge; remove it");
                    else if (!Opaque.Contains(kv.Key)) Missing(kv.Value, b[kv.Key], Join(path, display), add);
                }
            }
            else if (file is JsonArray fa && back is JsonArray ba && fa.Count == ba.Count)
                for (int i = 0; i < fa.Count; i++) Missing(fa[i], ba[i], path + "[" + i + "]", add);
        }

        /// <summary>Secret placeholders: exactly {"$secret": "…"} (anything that looks like one and is not is an error),
        /// and only where a secret goes, naming this object's own field: a connection's configuration field
        /// ("Warehouse.password"), a sync's encryption passphrase ("Nightly.encryption_passphrase"), the webhook's
        /// secret ("webhook:secret"). Whether a configuration field is secret is the connection type's to say
        /// (<see cref="CheckSecretsAsync"/>).</summary>
        private static void CheckPlaceholders(string kind, string name, JsonNode? node, string path, bool root, List<WorkspaceProblem> problems, string file)
        {
            void Add(string message) => problems.Add(new WorkspaceProblem("InvalidSecretPlaceholder", file, path, message));
            if (node is JsonArray a) { for (int i = 0; i < a.Count; i++) CheckPlaceholders(kind, name, a[i], path + "[" + i + "]", false, problems, file); return; }
            var expected = WorkspaceKinds.Of(kind).ExpectedPlaceholder(name, path);
            var placeholder = WorkspaceJson.PlaceholderName(node);
            if (node is JsonObject o && !root && (placeholder != null || LooksLikePlaceholder(o)))
            {
                if (placeholder == null || o.Count != 1 || !o.ContainsKey(WorkspaceJson.SecretKey))
                    Add("looks like a secret placeholder but is not one: write exactly {\"$secret\": \"" + (expected ?? "<connection>.<field>") + "\"}");
                else if (expected == null)
                    Add($"holds the placeholder '{placeholder}', but a placeholder may stand only for a connection's configuration field, a sync's encryption_passphrase or the webhook's secret");
                else if (!string.Equals(placeholder, expected, StringComparison.Ordinal))
                    Add($"holds the placeholder '{placeholder}', but here it must be '{expected}': a placeholder names this {WorkspaceKinds.Display(kind).ToLowerInvariant()}'s own field");
                return;
            }
            if (!(node is JsonObject obj)) return;
            foreach (var kv in obj) CheckPlaceholders(kind, name, kv.Value, Join(path, kv.Key), false, problems, file);
        }

        private static bool LooksLikePlaceholder(JsonObject o) =>
            o.Any(kv => kv.Key.StartsWith("$", StringComparison.Ordinal)) || (o.Count == 1 && SecretLike.IsMatch(o.First().Key));

        /// <summary>The checks that need the connection types' schemas: a placeholder stands only in a field the type
        /// marks secret, and a secret field holds only its placeholder (a value in a file would be sent as the secret).</summary>
        public static Task<List<WorkspaceProblem>> CheckSecretsAsync(PolytomicClient client, IEnumerable<WorkspaceObject> objects, CancellationToken ct) =>
            ConnectionKind.CheckSecretsAsync(client, objects.Where(o => o.Type is ConnectionKind), ct);
    }
}
