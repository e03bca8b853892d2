using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Polytomic.Sandbox.Contract
{
    /// <summary>The response shapes of one API version, read from an OpenAPI document derived from Polytomic's SDKs,
    /// and a check of one response against them.</summary>
    public sealed class OpenApiContract
    {
        private readonly JsonObject schemas;
        private readonly List<Operation> operations = new List<Operation>();

        private sealed class Operation
        {
            public string Method = "", Template = "";
            public Regex Pattern = null!;
            public int Literals;
            public JsonObject Responses = null!;
        }

        public OpenApiContract(string version, JsonObject document)
        {
            Version = version;
            Materialize(document);
            schemas = document["components"]?["schemas"] as JsonObject ?? new JsonObject();
            foreach (var (template, ops) in (JsonObject)document["paths"]!)
            {
                var segments = template.Trim('/').Split('/');
                var pattern = "^/" + string.Join("/", segments.Select(s => s.StartsWith("{") ? "[^/]+" : Regex.Escape(s))) + "/?$";
                foreach (var (method, op) in (JsonObject)ops!)
                {
                    operations.Add(new Operation
                    {
                        Method = method.ToUpperInvariant(),
                        Template = template,
                        Pattern = new Regex(pattern, RegexOptions.CultureInvariant),
                        Literals = segments.Count(s => !s.StartsWith("{")),
                        Responses = op!["responses"] as JsonObject ?? new JsonObject(),
                    });
                }
            }
        }

        public string Version { get; }

        // A parsed JsonNode builds its children lazily, which is not thread-safe; build them all now so that parallel
        // tests can check answers against one shared document.
        private static void Materialize(JsonNode? node)
        {
            if (node is JsonObject o) foreach (var (_, child) in o) Materialize(child);
            else if (node is JsonArray a) foreach (var child in a) Materialize(child);
        }

        /// <summary>Reads openapi.sdk-derived.&lt;version&gt;.json from a folder.</summary>
        public static OpenApiContract Load(string folder, string version) =>
            new OpenApiContract(version, (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, $"openapi.sdk-derived.{version}.json")))!);

        /// <summary>The path template a request falls under (for any method), or null when the document has none.</summary>
        public string? Route(string path) =>
            operations.Where(o => o.Pattern.IsMatch(path)).OrderByDescending(o => o.Literals).FirstOrDefault()?.Template;

        /// <summary>Every way a response breaks the published shape, as "where: what" lines (empty when it fits).</summary>
        public List<string> Check(string method, string path, int status, JsonNode? body)
        {
            var problems = new List<string>();
            var op = Find(method, path);
            if (op == null)
            {
                if (status < 400) problems.Add($"{method} {path}: no such operation in API {Version}");
                return problems;
            }
            var response = op.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] as JsonObject;
            JsonNode? schema;
            if (response == null)
            {
                // Every error body Polytomic sends has one shape, whether or not the SDK lists that status.
                if (status < 400) { problems.Add($"{method} {op.Template}: status {status} is not a documented answer"); return problems; }
                schema = new JsonObject { ["$ref"] = "#/components/schemas/ApiError" };
            }
            else
            {
                schema = response["content"]?["application/json"]?["schema"];
                if (schema == null) return problems;
            }
            Validate(body, schema, "$", problems);
            for (int i = 0; i < problems.Count; i++) problems[i] = $"{method} {op.Template} {status}: {problems[i]}";
            return problems;
        }

        private Operation? Find(string method, string path) =>
            operations.Where(o => o.Method == method && o.Pattern.IsMatch(path)).OrderByDescending(o => o.Literals).FirstOrDefault();

        private JsonObject Resolve(JsonNode schema)
        {
            var s = (JsonObject)schema;
            for (int depth = 0; s["$ref"] is JsonValue r && depth < 32; depth++)
            {
                var name = r.GetValue<string>().Substring("#/components/schemas/".Length);
                s = schemas[name] as JsonObject ?? throw new InvalidOperationException($"unknown schema {name}");
            }
            return s;
        }

        private void Validate(JsonNode? value, JsonNode schemaNode, string where, List<string> problems)
        {
            var schema = Resolve(schemaNode);
            if (schema["anyOf"] is JsonArray anyOf)
            {
                foreach (var branch in anyOf)
                {
                    var trial = new List<string>();
                    Validate(value, branch!, where, trial);
                    if (trial.Count == 0) return;
                }
                problems.Add($"{where}: matches none of the allowed shapes");
                return;
            }
            if (schema["not"] is JsonNode not)
            {
                var trial = new List<string>();
                Validate(value, not, where, trial);
                if (trial.Count == 0) { problems.Add($"{where}: has a shape the schema forbids"); return; }
            }
            var type = schema["type"]?.GetValue<string>();
            if (value == null)
            {
                if (type != null) problems.Add($"{where}: null where the schema has {type}");
                return;
            }
            if (type != null && !IsType(value, type)) { problems.Add($"{where}: {Kind(value)} where the schema has {type}"); return; }
            if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
                problems.Add($"{where}: {value.ToJsonString()} is not one of {allowed.ToJsonString()}");
            if (value is JsonArray array && schema["items"] is JsonNode items)
                for (int i = 0; i < array.Count; i++) Validate(array[i], items, $"{where}[{i}]", problems);
            if (value is JsonObject obj) ValidateObject(obj, schema, where, problems);
        }

        private void ValidateObject(JsonObject obj, JsonObject schema, string where, List<string> problems)
        {
            var properties = schema["properties"] as JsonObject;
            var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? new HashSet<string>();
            foreach (var name in required)
                if (!obj.ContainsKey(name) || obj[name] == null) problems.Add($"{where}.{name}: required, but {(obj.ContainsKey(name) ? "null" : "missing")}");
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is JsonNode propertySchema)
                {
                    // The schemas come from TypeScript types, which cannot say "nullable": Polytomic (written in Go)
                    // sends null for an absent optional value, so null is allowed wherever a property is optional.
                    if (child == null && !required.Contains(name)) continue;
                    Validate(child, propertySchema, $"{where}.{name}", problems);
                }
                else if (schema["additionalProperties"] is JsonValue extra && extra.GetValueKind() == System.Text.Json.JsonValueKind.False)
                    problems.Add($"{where}.{name}: not a property of this shape");
                else if (schema["additionalProperties"] is JsonObject extraSchema && extraSchema.Count > 0 && child != null)
                    Validate(child, extraSchema, $"{where}.{name}", problems);
            }
        }

        private static bool IsType(JsonNode value, string type) => type switch
        {
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String,
            "number" => value is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number,
            "integer" => value is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number,
            "boolean" => value is JsonValue b && (b.GetValueKind() == System.Text.Json.JsonValueKind.True || b.GetValueKind() == System.Text.Json.JsonValueKind.False),
            _ => true,
        };

        private static string Kind(JsonNode value) => value switch
        {
            JsonObject => "an object",
            JsonArray => "an array",
            JsonValue v => v.GetValueKind().ToString().ToLowerInvariant() switch { "true" or "false" => "a boolean", var k => "a " + k },
            _ => "a value",
        };
    }
}
