using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The model-source drill-down, source fields, models and samples, over the demo data
    /// in <see cref="DemoData"/>.</summary>
    public static class ModelRoutes
    {
        public const string StoreName = "models";

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var models = s.Store(StoreName);

            api.Get("/api/connections/{id}/modelsync/source", r =>
            {
                var (conn, shape, tables) = SourceConnection(s, r.Route("id"));
                return Task.FromResult(r.Data(SourceMeta(shape, tables, Params(r))));
            });

            api.Get("/api/connections/{id}/modelsync/source/fields", r =>
            {
                var (conn, shape, tables) = SourceConnection(s, r.Route("id"));
                var p = Params(r);
                if (p.Count == 0) throw ApiError.BadRequest("params are required: choose a source with GET …/modelsync/source first");
                var config = new JsonObject(p.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
                var (_, fields) = Resolve((string)conn["type"]!, shape, config);
                return Task.FromResult(r.Data(new JsonArray(fields.Select(f => (JsonNode)FieldJson(s, f, null)).ToArray())));
            });

            api.Get("/api/models", r =>
            {
                var all = models.All().Select(m => (JsonNode)Project(m)).ToList();
                if (!r.Is2025) return Task.FromResult(r.Data(new JsonArray(all.ToArray())));
                // 2025-09-18 pages the list (Polytomic's docs: pagination.next_page_token, limit up to 50).
                var (page, next) = ListPages.Slice(all, r, "models", 50, 50);
                return Task.FromResult(r.Data(new JsonArray(page.ToArray()), ListPages.Pagination(next)));
            });

            api.Get("/api/models/{id}", r => Task.FromResult(r.Data(Project(Find(s, r.Route("id"))))));

            api.Post("/api/models", async r =>
            {
                var body = await r.BodyAsync();
                var now = s.Clock.Stamp();
                var model = Build(s, body, null);
                model["id"] = SandboxState.NewId();
                model["version"] = 1;
                model["created_at"] = now;
                model["created_by"] = s.Actor();
                model["updated_at"] = now;
                model["updated_by"] = s.Actor();
                models.Add(Ordered(model));
                // ?async=true: the answer is a createmodel job whose result is the model (stored at once in the sandbox).
                if (r.QueryBool("async"))
                    return r.Data(null, new JsonObject { ["job"] = JobRoutes.Create(s, "createmodel", Project(model), TimeSpan.FromSeconds(1)) });
                return r.Data(Project(model));
            });

            // Validated and shaped like a create, but nothing is stored.
            api.Post("/api/model-preview", async r =>
            {
                var model = Build(s, await r.BodyAsync(), null);
                model["id"] = "";
                if (r.QueryBool("async"))
                    return r.Data(null, new JsonObject { ["job"] = JobRoutes.Create(s, "createmodel", Project(model), TimeSpan.FromSeconds(1)) });
                return r.Data(Project(model));
            });

            api.Put("/api/models/{id}", async r =>
            {
                var existing = Find(s, r.Route("id"));
                var body = await r.BodyAsync();
                var model = Build(s, body, existing);
                foreach (var k in new[] { "id", "created_at", "created_by" }) model[k] = existing[k]?.DeepClone();
                model["version"] = ((int?)existing["version"] ?? 1) + 1;
                model["updated_at"] = s.Clock.Stamp();
                model["updated_by"] = s.Actor();
                models.Replace(r.Route("id"), Ordered(model));
                return r.Data(Project(model));
            });

            api.Delete("/api/models/{id}", r =>
            {
                Find(s, r.Route("id"));
                models.Remove(r.Route("id"));
                return Task.FromResult(SandboxRequest.Empty());
            });

            api.Get("/api/models/{id}/sample", r =>
            {
                var m = Find(s, r.Route("id"));
                var conn = ConnectionRoutes.Find(s, (string)m["connection_id"]!);
                var type = (string)conn["type"]!;
                var (table, _) = Resolve(type, DemoData.SourceOf(type)!.Value.Shape, m["configuration"]!.AsObject());
                var names = m["fields"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
                var records = new JsonArray();
                for (int i = 0; i < table.Rows.Count; i++)
                    records.Add(new JsonObject { [(string)m["id"]!] = table.Row(i, names) });
                return Task.FromResult(r.Data(new JsonObject { ["records"] = records, ["warnings"] = new JsonArray() }));
            });
        }

        public static JsonObject Find(SandboxState s, string id) => s.Store(StoreName).Get(id) ?? throw ApiError.NotFound("model", id);

        public static JsonObject Project(JsonObject stored) => InternalFields.Hide(stored);

        private static readonly string[] KeyOrder =
        {
            "id", "name", "type", "connection_id", "configuration", "fields", "identifier", "tracking_columns", "labels", "relations",
            "enricher", "policies", "version", "organization_id", "created_at", "created_by", "updated_at", "updated_by",
        };

        private static JsonObject Ordered(JsonObject o) =>
            new JsonObject(KeyOrder.Where(o.ContainsKey).Concat(o.Select(kv => kv.Key).Where(k => !KeyOrder.Contains(k)))
                .Select(k => KeyValuePair.Create(k, o[k]?.DeepClone())));

        /// <summary>The connection behind a model source: it must exist, have a demo source and a ready schema cache.</summary>
        private static (JsonObject Conn, SourceShape Shape, TableSpec[] Tables) SourceConnection(SandboxState s, string id)
        {
            var conn = ConnectionRoutes.Find(s, id);
            var type = (string)conn["type"]!;
            if (DemoData.SourceOf(type) is not { } src)
                throw ApiError.BadRequest($"connection type '{type}' cannot be used as a model source");
            ConnectionRoutes.RequireSchemaCache(s, conn);
            return (conn, src.Shape, src.Tables);
        }

        /// <summary>params as the TS SDKs send it (one JSON value of lists) or deepObject style (params[key]=v).</summary>
        public static Dictionary<string, string> Params(SandboxRequest r)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            var json = r.Query("params");
            if (!string.IsNullOrEmpty(json))
            {
                JsonObject? obj;
                try { obj = JsonNode.Parse(json) as JsonObject; }
                catch (JsonException) { throw ApiError.BadRequest("params must be a JSON object of string lists"); }
                foreach (var kv in obj ?? new JsonObject())
                {
                    var v = kv.Value is JsonArray a ? a.FirstOrDefault() : kv.Value;
                    if (v != null) result[kv.Key] = v.ToString();
                }
            }
            foreach (var q in r.Http.Request.Query)
            {
                var m = Regex.Match(q.Key, @"^params\[(?<k>[^\]]+)\](\[\d*\])?$");
                if (m.Success) result[m.Groups["k"].Value] = q.Value.ToString();
            }
            return result;
        }

        private static JsonObject Item(IEnumerable<string>? items, params string[] requires) => new JsonObject
        {
            ["items"] = items == null ? null : new JsonArray(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
            ["requires_one_of"] = requires.Length == 0 ? null : new JsonArray(requires.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()),
            ["has_items"] = items != null,
        };

        private static JsonArray Keys(params string[] keys) => new JsonArray(keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());

        /// <summary>One level of the drill-down: only the deepest chosen level lists its items.</summary>
        private static JsonObject SourceMeta(SourceShape shape, TableSpec[] tables, Dictionary<string, string> p)
        {
            JsonObject items;
            JsonArray requires;
            switch (shape)
            {
                case SourceShape.Sql:
                    items = new JsonObject
                    {
                        ["query"] = Item(null), ["table"] = Item(p.ContainsKey("table") ? null : tables.Select(t => t.Name)),
                        ["tracking_columns"] = Item(p.TryGetValue("table", out var tn) ? Table(tables, tn).Columns.Select(c => c.Name) : null),
                        ["view"] = Item(null),
                    };
                    requires = Keys("query", "table", "view");
                    break;
                case SourceShape.SchemaSql:
                    var schemas = tables.Select(t => t.Schema!).Distinct().ToList();
                    if (p.TryGetValue("schema", out var schema))
                    {
                        if (!schemas.Contains(schema, StringComparer.OrdinalIgnoreCase)) throw ApiError.BadRequest($"schema '{schema}' does not exist");
                        items = new JsonObject
                        {
                            ["query"] = Item(null), ["schema"] = Item(null, "table", "view"),
                            ["table"] = Item(tables.Where(t => string.Equals(t.Schema, schema, StringComparison.OrdinalIgnoreCase)).Select(t => t.Name)),
                            ["view"] = Item(null),
                        };
                    }
                    else items = new JsonObject { ["query"] = Item(null), ["schema"] = Item(schemas, "table", "view"), ["table"] = Item(null), ["view"] = Item(null) };
                    requires = Keys("query", "schema");
                    break;
                case SourceShape.Mongo:
                    var dbs = tables.Select(t => t.Schema!).Distinct().ToList();
                    if (p.TryGetValue("database", out var db))
                    {
                        if (!dbs.Contains(db)) throw ApiError.BadRequest($"database '{db}' does not exist");
                        items = new JsonObject { ["database"] = Item(null, "collection"), ["collection"] = Item(tables.Where(t => t.Schema == db).Select(t => t.ShortName)) };
                    }
                    else items = new JsonObject { ["database"] = Item(dbs, "collection"), ["collection"] = Item(null) };
                    requires = Keys("database");
                    break;
                case SourceShape.Files:
                    if (p.TryGetValue("model_from", out var from))
                    {
                        if (from != "single_file") throw ApiError.BadRequest($"model_from '{from}' is not supported; use single_file");
                        items = new JsonObject { ["model_from"] = Item(null, "key"), ["key"] = Item(tables.Select(t => t.Name)) };
                    }
                    else items = new JsonObject { ["model_from"] = Item(new[] { "single_file" }, "key"), ["key"] = Item(null) };
                    requires = Keys("model_from");
                    break;
                default:
                    items = new JsonObject { ["object"] = Item(p.ContainsKey("object") ? null : tables.Select(t => t.Name)), ["query"] = Item(null) };
                    requires = Keys("object", "query");
                    break;
            }
            return new JsonObject { ["configuration"] = new JsonObject(), ["items"] = items, ["requires_one_of"] = requires };
        }

        private static TableSpec Table(IEnumerable<TableSpec> tables, string name) =>
            tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.BadRequest($"table '{name}' does not exist or is not authorized");

        /// <summary>What a model configuration reads and the fields it yields; Polytomic's 400 when it reads nothing.</summary>
        public static (TableSpec Table, List<(string Name, ColumnSpec Column)> Fields) Resolve(string type, SourceShape shape, JsonObject config)
        {
            string? Str(string k) => config[k] is JsonValue v && v.TryGetValue<string>(out var x) && x.Length > 0 ? x : null;
            TableSpec table;
            switch (shape)
            {
                case SourceShape.Mongo:
                    var db = Str("database") ?? throw ApiError.BadRequest("configuration.database is required for a MongoDB model");
                    var coll = Str("collection") ?? throw ApiError.BadRequest("configuration.collection is required for a MongoDB model");
                    table = DemoData.FindTable(type, db + "." + coll) ?? throw ApiError.BadRequest($"collection '{coll}' does not exist in database '{db}'");
                    break;
                case SourceShape.Files:
                    if (Str("model_from") != "single_file") throw ApiError.BadRequest("configuration.model_from must be 'single_file'");
                    var key = Str("key") ?? throw ApiError.BadRequest("configuration.key (the file to read) is required");
                    table = DemoData.FindTable(type, key) ?? throw ApiError.BadRequest($"file '{key}' was not found in the bucket");
                    break;
                default:
                    if (Str("query") is string q) return Query(type, q);
                    var name = Str("table") ?? Str("view") ?? Str("object")
                        ?? throw ApiError.BadRequest(shape == SourceShape.CrmObjects ? "configuration must include one of: object, query" : "configuration must include one of: query, table, view");
                    table = DemoData.FindTable(type, name) ?? throw ApiError.BadRequest($"table '{name}' does not exist or is not authorized");
                    break;
            }
            return (table, table.Columns.Select(c => (c.Name, c)).ToList());
        }

        /// <summary>A small SELECT reader: enough to name the fields of "SELECT a, MAX(b) AS b FROM t GROUP BY …" and to
        /// refuse unknown tables and columns the way a warehouse does.</summary>
        private static (TableSpec, List<(string, ColumnSpec)>) Query(string type, string query)
        {
            var m = Regex.Match(query, @"^\s*select\s+(?<cols>.+?)\s+from\s+(?<table>[\w.""`]+)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline);
            if (!m.Success) throw ApiError.BadRequest("invalid query: SQL compilation error: syntax error, expected SELECT … FROM …");
            var tableName = m.Groups["table"].Value;
            var table = DemoData.FindTable(type, tableName)
                ?? throw ApiError.BadRequest($"invalid query: SQL compilation error: Object '{tableName.ToUpperInvariant()}' does not exist or not authorized.");
            var fields = new List<(string, ColumnSpec)>();
            foreach (var part in SplitTopLevel(m.Groups["cols"].Value))
            {
                var expr = part.Trim();
                if (expr == "*") { fields.AddRange(table.Columns.Select(c => (c.Name, c))); continue; }
                var alias = Regex.Match(expr, @"^(?<e>.+?)\s+as\s+(?<a>\w+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline);
                var inner = alias.Success ? alias.Groups["e"].Value.Trim() : expr;
                var idents = Regex.Matches(inner, @"(?<![\w.])[A-Za-z_][\w.]*(?![\w.])(?!\s*\()").Select(x => x.Value).Where(x => !IsKeyword(x)).ToList();
                ColumnSpec? first = null;
                foreach (var ident in idents)
                {
                    var col = table.Column(ident.Contains('.') ? ident.Substring(ident.LastIndexOf('.') + 1) : ident)
                        ?? throw ApiError.BadRequest($"invalid query: SQL compilation error: invalid identifier '{ident.ToUpperInvariant()}'");
                    first ??= col;
                }
                var name = alias.Success ? alias.Groups["a"].Value : idents.Count == 1 && Regex.IsMatch(inner, @"^[\w.]+$") ? idents[0].Split('.').Last() : inner;
                fields.Add((name, first ?? new ColumnSpec(name, "string", "VARCHAR")));
            }
            return (table, fields);
        }

        private static bool IsKeyword(string w) => w.Equals("distinct", StringComparison.OrdinalIgnoreCase) || w.Equals("null", StringComparison.OrdinalIgnoreCase);

        private static IEnumerable<string> SplitTopLevel(string text)
        {
            int depth = 0, start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '(') depth++;
                else if (text[i] == ')') depth--;
                else if (text[i] == ',' && depth == 0) { yield return text.Substring(start, i - start); start = i + 1; }
            }
            yield return text.Substring(start);
        }

        private static JsonObject FieldJson(SandboxState s, (string Name, ColumnSpec Column) f, string? now, bool userAdded = false) => new JsonObject
        {
            ["id"] = SandboxState.NewId(),
            ["name"] = f.Name,
            ["label"] = f.Name,
            ["type"] = f.Column.Type,
            ["remote_type"] = f.Column.RemoteType,
            ["description"] = "",
            ["example"] = null,
            ["unique"] = false,
            ["user_added"] = userAdded,
            ["created_at"] = now,
            ["updated_at"] = now,
        };

        /// <summary>A model from a create/update body, checked against its source.</summary>
        private static JsonObject Build(SandboxState s, JsonObject body, JsonObject? existing)
        {
            var name = (string?)body["name"];
            if (string.IsNullOrWhiteSpace(name)) throw ApiError.BadRequest("name is required");
            var connId = (string?)body["connection_id"];
            if (string.IsNullOrWhiteSpace(connId)) throw ApiError.BadRequest("connection_id is required");
            if (!(body["configuration"] is JsonObject config)) throw ApiError.BadRequest("configuration is required and must be an object");
            var (conn, shape, _) = SourceConnection(s, connId!);
            var type = (string)conn["type"]!;
            var (_, available) = Resolve(type, shape, config);

            var chosen = available;
            if (body["fields"] is JsonArray wanted && wanted.Count > 0)
            {
                chosen = new List<(string, ColumnSpec)>();
                foreach (var w in wanted.Select(x => (string?)x))
                {
                    var match = available.FirstOrDefault(a => string.Equals(a.Name, w, StringComparison.OrdinalIgnoreCase));
                    if (match.Name == null) throw ApiError.BadRequest($"unknown field '{w}': the source has {string.Join(", ", available.Select(a => a.Name))}");
                    chosen.Add(match);
                }
            }
            var now = s.Clock.Stamp();
            var fields = new JsonArray(chosen.Select(f => (JsonNode)FieldJson(s, f, now)).ToArray());
            foreach (var extra in (body["additional_fields"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                var extraName = (string?)extra["name"] ?? throw ApiError.BadRequest("additional_fields[].name is required");
                var f = FieldJson(s, (extraName, new ColumnSpec(extraName, (string?)extra["type"] ?? "string", "user")), now, userAdded: true);
                f["label"] = (string?)extra["label"] ?? extraName;
                f["example"] = extra["example"]?.DeepClone();
                fields.Add(f);
            }
            var names = fields.Select(f => (string)f!["name"]!).ToList();
            var identifier = (string?)body["identifier"];
            if (!string.IsNullOrEmpty(identifier) && !names.Contains(identifier!))
                throw ApiError.BadRequest($"identifier '{identifier}' is not a field of the model");
            foreach (var t in (body["tracking_columns"] as JsonArray ?? new JsonArray()).Select(x => (string?)x))
                if (!names.Contains(t!)) throw ApiError.BadRequest($"tracking column '{t}' is not a field of the model");

            foreach (var rel in (body["relations"] as JsonArray ?? new JsonArray()))
            {
                // A join names a field of this model and an existing model's field (ModelRelation {from, to {model_id, field}}).
                var from = rel is JsonObject ro ? (string?)ro["from"] : null;
                if (string.IsNullOrEmpty(from) || !names.Contains(from!)) throw ApiError.BadRequest($"relation from '{from}' is not a field of the model");
                var to = ((JsonObject)rel!)["to"] as JsonObject;
                var otherId = (string?)to?["model_id"];
                var other = string.IsNullOrEmpty(otherId) ? null : s.Store(StoreName).Get(otherId!);
                if (other == null || (string?)other["organization_id"] != ((string?)existing?["organization_id"] ?? s.OrganizationFor(body)))
                    throw ApiError.BadRequest($"relation to model '{otherId}': no such model");
                var field = (string?)to!["field"];
                if (!(other["fields"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Any(f => (string?)f["name"] == field))
                    throw ApiError.BadRequest($"relation to field '{field}' is not a field of model {otherId}");
            }

            if (body["enricher"] is JsonObject enricher)
            {
                // Enrichment runs through an enrichment-capable connection (HTTP API connections here).
                var enricherConn = (string?)enricher["connection_id"];
                var ec = string.IsNullOrEmpty(enricherConn) ? null : s.Connections.Get(enricherConn!);
                if (ec == null || (string?)ec["type"] != "api") throw ApiError.BadRequest($"enricher.connection_id '{enricherConn}' is not an enrichment connection");
            }

            return new JsonObject
            {
                ["name"] = name,
                ["type"] = type,
                ["connection_id"] = connId,
                ["configuration"] = config.DeepClone(),
                ["fields"] = fields,
                ["identifier"] = identifier ?? "",
                ["tracking_columns"] = body["tracking_columns"]?.DeepClone() ?? new JsonArray(),
                ["labels"] = new JsonArray((body["labels"] as JsonArray ?? new JsonArray()).Select(l => (JsonNode)new JsonObject { ["name"] = (string?)l }).ToArray()),
                ["relations"] = body["relations"]?.DeepClone() ?? new JsonArray(),
                ["enricher"] = body["enricher"]?.DeepClone(),
                ["policies"] = body["policies"]?.DeepClone() ?? new JsonArray(),
                ["organization_id"] = (string?)existing?["organization_id"] ?? s.OrganizationFor(body),
            };
        }
    }
}
