using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox;
using Polytomic.Sandbox.Routes;

namespace PolytomicPS.Tests.Sandbox
{
    /// <summary>The one paging helper over real HTTP: every list route reads `limit` the same way (≤0 or unreadable →
    /// the route's default, capped at its maximum) and refuses a token it did not issue with the same 400.</summary>
    public sealed class ListPagesTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ListPagesTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private HttpClient Client(string version)
        {
            var http = new HttpClient { BaseAddress = sandbox.Server.BaseUrl };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SandboxFixture.ApiKey);
            http.DefaultRequestHeaders.Add("X-Polytomic-Version", version);
            return http;
        }

        private static async Task<JsonObject> Send(HttpClient http, HttpMethod method, string path, JsonObject? body = null, HttpStatusCode expect = HttpStatusCode.OK)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body != null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var reply = await http.SendAsync(request);
            var text = await reply.Content.ReadAsStringAsync();
            Assert.True(reply.StatusCode == expect, $"{method} {path}: {(int)reply.StatusCode} {text}");
            return JsonNode.Parse(text)!.AsObject();
        }

        /// <summary>Three bulk syncs with a few runs each, in a sandbox whose schema cache is ready at once.</summary>
        private async Task<List<string>> BulkSyncs(HttpClient http)
        {
            sandbox.State.SchemaCacheDelay = TimeSpan.Zero;
            var pg = new JsonObject { ["hostname"] = "db", ["username"] = "u", ["password"] = "p", ["database"] = "d" };
            var src = (string)(await Send(http, HttpMethod.Post, "api/connections", new JsonObject { ["name"] = "src-" + Guid.NewGuid(), ["type"] = "postgresql", ["configuration"] = pg.DeepClone() }))["data"]!["id"]!;
            var dst = (string)(await Send(http, HttpMethod.Post, "api/connections", new JsonObject { ["name"] = "dst-" + Guid.NewGuid(), ["type"] = "postgresql", ["configuration"] = pg.DeepClone() }))["data"]!["id"]!;
            var ids = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var body = new JsonObject
                {
                    ["name"] = "paged-" + Guid.NewGuid(), ["source_connection_id"] = src, ["destination_connection_id"] = dst,
                    ["destination_configuration"] = new JsonObject { ["schema"] = "RAW" },
                    ["default_schedule"] = new JsonObject { ["frequency"] = "manual" },
                };
                ids.Add((string)(await Send(http, HttpMethod.Post, "api/bulk/syncs", body))["data"]!["id"]!);
            }
            return ids;
        }

        [Fact]
        public async Task Limit_and_tokens_page_the_bulk_lists_the_same_way()
        {
            using var http = Client("2025-09-18");
            var ids = await BulkSyncs(http);
            var sync = ids[0];
            Assert.Equal(3, RunHistory.Seed(sandbox.State, sync, "CCF", TimeSpan.FromMinutes(10)).Count);

            // limit 1 gives one run and a token; following tokens walks the runs newest first, each once.
            var seen = new List<string>();
            string? token = null;
            do
            {
                var page = await Send(http, HttpMethod.Get, $"api/bulk/syncs/{sync}/executions?limit=1" + (token == null ? "" : "&page_token=" + Uri.EscapeDataString(token)));
                seen.AddRange(page["data"]!.AsArray().Select(x => (string)x!["id"]!));
                token = (string?)page["pagination"]?["next_page_token"];
            } while (token != null && seen.Count < 10);
            Assert.Equal(3, seen.Distinct().Count());
            Assert.Equal(3, seen.Count);

            // limit 0, a negative or an unreadable limit mean the route's default (20 runs), not an error.
            foreach (var limit in new[] { "0", "-5", "many" })
            {
                var all = await Send(http, HttpMethod.Get, $"api/bulk/syncs/{sync}/executions?limit={limit}");
                Assert.Equal(3, all["data"]!.AsArray().Count);
                Assert.Null(all["pagination"]!["next_page_token"]);
            }

            // The bulk sync list pages the same way, and its last page has an empty pagination.
            var first = await Send(http, HttpMethod.Get, "api/bulk/syncs?limit=1");
            Assert.Single(first["data"]!.AsArray());
            var listToken = (string)first["pagination"]!["next_page_token"]!;
            var rest = await Send(http, HttpMethod.Get, "api/bulk/syncs?limit=50&page_token=" + Uri.EscapeDataString(listToken));
            Assert.DoesNotContain((string)first["data"]![0]!["id"]!, rest["data"]!.AsArray().Select(x => (string)x!["id"]!));
            Assert.Empty(rest["pagination"]!.AsObject());

            // A token is good for its own list only: each route refuses another list's token and garbage alike.
            foreach (var path in new[] { "api/syncs", "api/models", $"api/bulk/syncs/{sync}/executions", "api/bulk/syncs" })
                foreach (var bad in new[] { path == "api/bulk/syncs" ? ListPages.Token("syncs", 1) : listToken, "not a token", ListPages.Token("runs", "x") })
                {
                    var error = await Send(http, HttpMethod.Get, path + "?page_token=" + Uri.EscapeDataString(bad), expect: HttpStatusCode.BadRequest);
                    Assert.Contains("invalid page_token", error.ToJsonString());
                }
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public async Task Model_sync_runs_page_by_keyset_and_refuse_a_foreign_token(string version)
        {
            using var http = Client(version);
            // A bare stored sync is enough for its runs' routes; it is removed again so no list route projects it.
            var syncId = Guid.NewGuid().ToString();
            var syncs = sandbox.State.Store(SyncRoutes.StoreName);
            syncs.Add(new JsonObject { ["id"] = syncId, ["name"] = "keyset", ["mode"] = "updateOrCreate", ["schedule"] = new JsonObject { ["frequency"] = "manual" } });
            try
            {
                sandbox.State.SeedSyncExecutions(syncId, SyncRunRoutes.PageSize + 10);
                var first = await Send(http, HttpMethod.Get, $"api/syncs/{syncId}/executions");
                Assert.Equal(SyncRunRoutes.PageSize, first["data"]!.AsArray().Count);
                var token = (string)first["pagination"]!["next_page_token"]!;
                // A run started while the client pages (newest first) moves nothing: the next page starts where the first ended.
                sandbox.State.SeedSyncExecutions(syncId, 1);
                var second = await Send(http, HttpMethod.Get, $"api/syncs/{syncId}/executions?page_token=" + Uri.EscapeDataString(token));
                Assert.Equal(10, second["data"]!.AsArray().Count);
                Assert.Empty(second["pagination"]!.AsObject());
                Assert.Empty(first["data"]!.AsArray().Select(x => (string)x!["id"]!).Intersect(second["data"]!.AsArray().Select(x => (string)x!["id"]!)));

                foreach (var bad in new[] { ListPages.Token("bulk_executions", 1), "not a token", ListPages.Token("runs", "no-ticks") })
                {
                    var error = await Send(http, HttpMethod.Get, $"api/syncs/{syncId}/executions?page_token=" + Uri.EscapeDataString(bad), expect: HttpStatusCode.BadRequest);
                    Assert.Contains("invalid page_token", error.ToJsonString());
                }
            }
            finally
            {
                sandbox.State.SyncRuns.RemoveSync(syncId);
                syncs.Remove(syncId);
            }
        }
    }
}
