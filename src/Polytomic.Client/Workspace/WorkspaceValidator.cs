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

namespace Polytomic.Workspace
{
    /// <summary>Checks workspace files before anything is sent: each file against its kind's shape (types, required
    /// fields, the enums Polytomic has, no field an export would not write, so a folder always converges), secret
    /// placeholders (exactly {"$secret": "&lt;own name&gt;.&lt;field&gt;"}, only where a secret goes), and the manifest.
    /// Every problem names its file and JSON path.</summary>
    public static class WorkspaceValidator
    {
        private enum Shape { String, Bool, Integer, Object, Array, StringArray, ObjectArray, Any, Placeholder }

        private sealed class Spec
        {
            public Spec(Shape shape, bool required = false, string[]? values = null) { Shape = shape; Required = required; Values = values; }
            public Shape Shape { get; }
            public bool Required { get; }
            public string[]? Values { get; }
        }

        private static Spec S(Shape shape, bool required = false, string[]? values = null) => new Spec(shape, required, values);

        /// <summary>What each kind's file may hold: exactly the fields an export writes.</summary>
        private static readonly Dictionary<string, Dictionary<string, Spec>> Fields = new Dictionary<string, Dictionary<string, Spec>>
        {
            [WorkspaceKinds.Connections] = new Dictionary<string, Spec>
            {
                ["name"] = S(Shape.String, true), ["type"] = S(Shape.String, true), ["configuration"] = S(Shape.Object),
                ["healthcheck_interval"] = S(Shape.String), ["sign_in"] = S(Shape.String, false, new[] { "oauth" }),
            },
            [WorkspaceKinds.Models] = new Dictionary<string, Spec>
            {
                ["name"] = S(Shape.String, true), ["connection"] = S(Shape.String, true), ["configuration"] = S(Shape.Object),
                ["fields"] = S(Shape.StringArray), ["additional_fields"] = S(Shape.ObjectArray), ["identifier"] = S(Shape.String),
                ["tracking_columns"] = S(Shape.StringArray), ["labels"] = S(Shape.StringArray), ["relations"] = S(Shape.Array), ["enricher"] = S(Shape.Any),
            },
            [WorkspaceKinds.Syncs] = new Dictionary<string, Spec>
            {
                ["name"] = S(Shape.String, true), ["mode"] = S(Shape.String, true, SyncModes.All), ["active"] = S(Shape.Bool),
                ["target"] = S(Shape.Object, true), ["fields"] = S(Shape.ObjectArray), ["identity"] = S(Shape.Object), ["filters"] = S(Shape.ObjectArray),
                ["filter_logic"] = S(Shape.String), ["overrides"] = S(Shape.ObjectArray), ["override_fields"] = S(Shape.ObjectArray),
                ["schedule"] = S(Shape.Object), ["sync_all_records"] = S(Shape.Bool), ["skip_initial_backfill"] = S(Shape.Bool),
                ["only_enrich_updates"] = S(Shape.Bool), ["encryption_passphrase"] = S(Shape.Placeholder),
            },
            [WorkspaceKinds.BulkSyncs] = new Dictionary<string, Spec>
            {
                ["name"] = S(Shape.String, true), ["source_connection"] = S(Shape.String, true), ["destination_connection"] = S(Shape.String, true),
                ["mode"] = S(Shape.String), ["active"] = S(Shape.Bool), ["schedule"] = S(Shape.Object), ["additional_schedules"] = S(Shape.ObjectArray),
                ["destination_configuration"] = S(Shape.Object), ["source_configuration"] = S(Shape.Object),
                ["automatically_add_new_fields"] = S(Shape.String), ["automatically_add_new_objects"] = S(Shape.String), ["normalize_names"] = S(Shape.String),
                ["disable_record_timestamps"] = S(Shape.Bool), ["data_cutoff_timestamp"] = S(Shape.String), ["concurrency_limit"] = S(Shape.Integer),
                ["resync_concurrency_limit"] = S(Shape.Integer), ["schemas"] = S(Shape.ObjectArray),
            },
            [WorkspaceKinds.Roles] = new Dictionary<string, Spec> { ["name"] = S(Shape.String, true) },
            [WorkspaceKinds.Policies] = new Dictionary<string, Spec> { ["name"] = S(Shape.String, true), ["policy_actions"] = S(Shape.ObjectArray) },
            [WorkspaceKinds.Webhooks] = new Dictionary<string, Spec>
            {
                ["endpoint"] = S(Shape.String, true), ["disabled"] = S(Shape.Bool), ["secret"] = S(Shape.Placeholder),
            },
            [WorkspaceKinds.ErrorSubscribers] = new Dictionary<string, Spec> { ["emails"] = S(Shape.StringArray, true) },
        };

        private static readonly Dictionary<string, Spec> AdditionalField = new Dictionary<string, Spec>
        {
            ["name"] = S(Shape.String, true), ["type"] = S(Shape.String), ["label"] = S(Shape.String),
        };

        private static readonly Dictionary<string, Spec> PolicyAction = new Dictionary<string, Spec>
        {
            ["action"] = S(Shape.String, true), ["roles"] = S(Shape.StringArray),
        };

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

        private static readonly Regex PlainKey = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
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
            var what = "a " + WorkspaceKinds.Display(kind) + " file";
            CheckObject(body, "$", Fields[kind], Add, what);
            if (problems.Count > 0) return problems;
            var name = WorkspaceKinds.NameOf(kind, body);
            if (string.IsNullOrWhiteSpace(name)) Add(kind == WorkspaceKinds.Webhooks ? "$.endpoint" : "$.name", "must not be empty: names are the keys of a workspace");
            CheckPlaceholders(kind, name, body, "$", true, problems, file);
            CheckReferences(body, "$", Add);
            CheckNulls(body, "$", Add);
            if (problems.Count > 0) return problems;

            switch (kind)
            {
                case WorkspaceKinds.Models:
                    Items(body, "additional_fields", (o, p) => CheckObject(o, p, AdditionalField, Add, "an additional field"));
                    RoundTrip<ModelRequest>(Renamed(body), "$", Add);
                    break;
                case WorkspaceKinds.Syncs:
                    CheckEnum(body["schedule"]?["frequency"], "$.schedule.frequency", SyncModes.Frequencies, Add);
                    CheckEnum(body["identity"]?["function"], "$.identity.function", SyncModes.IdentityFunctions, Add);
                    if (body["schedule"]?["run_after"] is JsonNode runAfter)
                    {
                        // By name: {syncs: [...], bulk_syncs: [...]} (Export writes no ids).
                        if (!(runAfter is JsonObject ra)) Add("$.schedule.run_after", "must be an object: { \"syncs\": [names], \"bulk_syncs\": [names] }");
                        else foreach (var kv in ra)
                            if ((kv.Key != "syncs" && kv.Key != "bulk_syncs") || !(kv.Value is JsonArray a) || a.Any(x => !(x is JsonValue v && v.TryGetValue<string>(out var n) && n.Length > 0)))
                                Add("$.schedule.run_after." + kv.Key, "is not allowed: run_after holds syncs and bulk_syncs, each a list of names");
                    }
                    var sync = Renamed(body);
                    sync.Remove("encryption_passphrase");
                    RoundTrip<SyncRequest>(sync, "$", Add);
                    break;
                case WorkspaceKinds.BulkSyncs:
                    var bulk = Renamed(body);
                    foreach (var k in new[] { "schedule", "additional_schedules", "schemas" }) bulk.Remove(k);
                    RoundTrip<BulkSyncRequest>(bulk, "$", Add);
                    if (body["schedule"] is JsonObject schedule) RoundTrip<BulkScheduleRequest>(schedule, "$.schedule", Add);
                    Items(body, "additional_schedules", (o, p) => RoundTrip<BulkScheduleRequest>(o, p, Add));
                    Items(body, "schemas", (o, p) =>
                    {
                        if (!(o["id"] is JsonValue id && id.TryGetValue<string>(out var s) && s.Length > 0)) Add(p + ".id", "is required: the schema's id (a table or object name)");
                        else RoundTrip<PolytomicBulkSchema>(o, p, Add);
                    });
                    break;
                case WorkspaceKinds.Policies:
                    Items(body, "policy_actions", (o, p) => CheckObject(o, p, PolicyAction, Add, "a policy action"));
                    break;
            }
            return problems;
        }

        private static void Items(JsonObject body, string key, Action<JsonObject, string> check)
        {
            if (body[key] is JsonArray a)
                for (int i = 0; i < a.Count; i++)
                    if (a[i] is JsonObject o) check(o, $"$.{key}[{i}]");
        }

        /// <summary>Known fields only, each of its type and allowed values; the required ones present. A null is absent.</summary>
        private static void CheckObject(JsonObject o, string path, Dictionary<string, Spec> specs, Action<string, string> add, string what)
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

        private static void CheckEnum(JsonNode? node, string path, IReadOnlyCollection<string>? values, Action<string, string> add)
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
        private static JsonObject Renamed(JsonObject body) => (JsonObject)Rename(body)!;

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
        private static void RoundTrip<T>(JsonObject body, string path, Action<string, string> add)
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
            var expected = Expected(kind, name, path);
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

        /// <summary>The placeholder a place may hold, or null where none may stand.</summary>
        private static string? Expected(string kind, string name, string path)
        {
            if (kind == WorkspaceKinds.Syncs && path == "$.encryption_passphrase") return name + ".encryption_passphrase";
            if (kind == WorkspaceKinds.Webhooks && path == "$.secret") return WorkspaceAccess.WebhookSecret;
            if (kind != WorkspaceKinds.Connections || !path.StartsWith("$.configuration", StringComparison.Ordinal)) return null;
            var rest = path.Substring("$.configuration".Length);
            string? key = null;
            if (rest.StartsWith(".", StringComparison.Ordinal) && PlainKey.IsMatch(rest.Substring(1))) key = rest.Substring(1);
            else if (rest.StartsWith("['", StringComparison.Ordinal) && rest.EndsWith("']", StringComparison.Ordinal) && rest.IndexOf("']", StringComparison.Ordinal) == rest.Length - 2)
                key = rest.Substring(2, rest.Length - 4).Replace("\\'", "'").Replace("\\\\", "\\");
            return key == null ? null : name + "." + key;
        }

        /// <summary>The checks that need the connection types' schemas: a placeholder stands only in a field the type
        /// marks secret, and a secret field holds only its placeholder (a value in a file would be sent as the secret).</summary>
        public static async Task<List<WorkspaceProblem>> CheckSecretsAsync(PolytomicClient client, IEnumerable<WorkspaceObject> objects, CancellationToken ct)
        {
            var problems = new List<WorkspaceProblem>();
            var schemas = new Dictionary<string, PolytomicConnectionTypeSchema?>(StringComparer.OrdinalIgnoreCase);
            foreach (var o in objects.Where(o => o.Kind == WorkspaceKinds.Connections))
            {
                var file = o.File ?? WorkspaceFolder.RelativePath(o).Replace('\\', '/');
                var type = (string?)o.Body["type"] ?? "";
                if (!schemas.TryGetValue(type, out var schema))
                {
                    try { schema = await client.GetConnectionTypeSchemaAsync(type, ct).ConfigureAwait(false); }
                    catch (PolytomicApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 400) { schema = null; }
                    schemas[type] = schema;
                }
                if (schema == null)
                {
                    problems.Add(new WorkspaceProblem("InvalidWorkspaceFile", file, "$.type", $"'{type}' is not a connection type Polytomic has"));
                    continue;
                }
                var secret = new HashSet<string>(schema.Fields.Where(f => f.Secret).Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
                if (!(o.Body["configuration"] is JsonObject config)) continue;
                foreach (var kv in config)
                {
                    var path = Join("$.configuration", kv.Key);
                    var placeholder = WorkspaceJson.PlaceholderName(kv.Value);
                    if (placeholder != null && !secret.Contains(kv.Key))
                        problems.Add(new WorkspaceProblem("InvalidSecretPlaceholder", file, path,
                            $"holds a placeholder, but '{kv.Key}' is not a secret field of the connection type '{type}'"));
                    else if (placeholder == null && kv.Value != null && secret.Contains(kv.Key))
                        problems.Add(new WorkspaceProblem("InvalidSecretPlaceholder", file, path,
                            $"is a secret field of '{type}': it may hold only its placeholder {{\"$secret\": \"{o.Name}.{kv.Key}\"}}, whose value -Secret gives"));
                }
            }
            return problems;
        }
    }
}
