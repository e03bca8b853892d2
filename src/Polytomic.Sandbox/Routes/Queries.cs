using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The query runner: the query text comes in the query string, the body is {}; the query runs
    /// for a moment, then its rows are served in pages linked by links.next. Only the creator may read the results.</summary>
    public static class QueryRoutes
    {
        public const string Queries = "queries";
        public const int PageSize = 3;
        public static readonly TimeSpan RunTime = TimeSpan.FromMilliseconds(200);

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var queries = s.Store(Queries);

            api.Post("/api/connections/{connection_id}/query", async r =>
            {
                var connection = ConnectionRoutes.Find(s, r.Route("connection_id"));
                await r.BodyAsync(); // must be a JSON object ({})
                var text = r.Query("query");
                if (string.IsNullOrWhiteSpace(text)) throw ApiError.BadRequest("query is required");
                var q = new JsonObject
                {
                    ["id"] = SandboxState.NewId(),
                    ["_connection_id"] = (string?)connection["id"],
                    ["_query"] = text,
                    ["_owner"] = r.Caller.UserId,
                    ["_ready_at"] = s.Clock.Now.Add(RunTime).ToString("o"),
                };
                queries.Add(q);
                return r.Data(new JsonObject { ["id"] = (string?)q["id"], ["status"] = "running" });
            });

            api.Get("/api/queries/{id}", r =>
            {
                var q = queries.Get(r.Route("id"));
                if (q == null || (string?)q["_owner"] != r.Caller.UserId) throw ApiError.NotFound("query", r.Route("id"));
                var id = (string)q["id"]!;
                if (s.Clock.Now < DateTimeOffset.Parse((string)q["_ready_at"]!))
                    return Task.FromResult(r.Data(new JsonObject { ["id"] = id, ["status"] = "running" }));
                var text = (string)q["_query"]!;
                var select = Regex.Match(text, @"^\s*select\s+(.+?)\s+from\s+\S+", RegexOptions.IgnoreCase | RegexOptions.Singleline);
                if (!select.Success)
                {
                    var word = text.Trim().Split(' ')[0];
                    return Task.FromResult(r.Data(new JsonObject { ["id"] = id, ["status"] = "failed", ["error"] = $"syntax error at or near \"{word}\"" }));
                }
                var fields = select.Groups[1].Value.Trim() == "*" ? new[] { "id", "name", "email" }
                    : select.Groups[1].Value.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
                var limit = Regex.Match(text, @"\blimit\s+(\d+)", RegexOptions.IgnoreCase);
                var count = limit.Success ? Math.Min(int.Parse(limit.Groups[1].Value), 1000) : 5;

                // The results' links carry the page number as an opaque token in `page` (its error text is this route's own).
                var page = ListPages.Offset(r.Query("page"), "query", "invalid page token");
                var rows = new JsonArray();
                for (var i = page * PageSize; i < Math.Min(count, (page + 1) * PageSize); i++)
                {
                    var row = new JsonObject();
                    foreach (var f in fields) row[f] = f == "id" ? JsonValue.Create(i + 1) : JsonValue.Create($"{f}-{i + 1}");
                    rows.Add(row);
                }
                var links = new JsonObject
                {
                    ["next"] = (page + 1) * PageSize < count ? Link(id, page + 1) : null,
                    ["previous"] = page > 0 ? Link(id, page - 1) : null,
                };
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["id"] = id, ["status"] = "done", ["fields"] = new JsonArray(fields.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
                    ["results"] = rows, ["count"] = count, ["expires"] = s.Clock.Now.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"),
                }, new JsonObject { ["links"] = links }));
            });
        }

        private static string Link(string id, int page) =>
            $"/api/queries/{id}?page={Uri.EscapeDataString(ListPages.Token("query", page))}";
    }
}
