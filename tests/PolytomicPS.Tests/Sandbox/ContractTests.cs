using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox;
using Polytomic.Sandbox.Contract;

namespace PolytomicPS.Tests.Sandbox
{
    /// <summary>The contract check that every test sandbox runs (see SandboxFixture and tests/pester/TestSandbox.psm1): it
    /// must see the routes' answers, and it must catch a route that answers in a shape the schemas forbid.</summary>
    public sealed class ContractTests
    {
        private static readonly string Folder = Path.Combine(Repo.Shared, "polytomic-api");

        private static async Task<(SandboxServer, HttpClient)> Start(string version)
        {
            var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", ApiKey = "contract-key-0001", ContractFolder = Folder });
            var http = new HttpClient { BaseAddress = server.BaseUrl };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "contract-key-0001");
            http.DefaultRequestHeaders.Add("X-Polytomic-Version", version);
            return (server, http);
        }

        private static async Task<string> NewConnection(HttpClient http)
        {
            var body = new JsonObject { ["name"] = "Contract PG", ["type"] = "postgresql", ["configuration"] = new JsonObject
            {
                ["hostname"] = "db.example.com", ["username"] = "u", ["password"] = "p", ["database"] = "d", ["port"] = 5432,
            } };
            var reply = await http.PostAsync("api/connections", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            var text = await reply.Content.ReadAsStringAsync();
            Assert.True(reply.IsSuccessStatusCode, text);
            return (string)JsonNode.Parse(text)!["data"]!["id"]!;
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public async Task A_route_that_answers_in_a_forbidden_shape_is_caught(string version)
        {
            var (server, http) = await Start(version);
            await using var _ = server;
            using var __ = http;
            var id = await NewConnection(http);
            (await http.GetAsync("api/connections/" + id)).EnsureSuccessStatusCode();
            Assert.True(server.State.Contract!.Checked >= 2);
            Assert.Empty(server.State.Contract.Drain());

            // Break the shape of one route on purpose: a connection's name becomes a number.
            server.State.Connections.Get(id)!["name"] = 42;
            (await http.GetAsync("api/connections/" + id)).EnsureSuccessStatusCode();
            var broken = Assert.Single(server.State.Contract.Drain());
            Assert.Contains("GET /api/connections/{id} 200: $.data.name: a number where the schema has string", broken);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public async Task Error_bodies_are_checked_too(string version)
        {
            var (server, http) = await Start(version);
            await using var _ = server;
            using var __ = http;
            var reply = await http.GetAsync("api/connections/00000000-0000-4000-8000-000000000000");
            Assert.Equal(404, (int)reply.StatusCode);
            Assert.Equal(1, server.State.Contract!.Checked);
            Assert.Empty(server.State.Contract.Drain());
        }

        [Fact]
        public void The_rules_follow_the_schemas_where_polytomic_sends_null()
        {
            var doc = (JsonObject)JsonNode.Parse("""
                {"paths":{"/api/things/{id}":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
                 "components":{"schemas":{"Thing":{"type":"object","required":["id"],"properties":{
                    "id":{"type":"string"},"note":{"type":"string"},"kind":{"type":"string","enum":["Equality","OneOf"]},
                    "tags":{"type":"array","items":{"type":"string"}},"x":{"anyOf":[{"type":"string"},{"type":"number"}]}}},
                    "ApiError":{"type":"object","properties":{"message":{"type":"string"}}}}}}
                """)!;
            var contract = new OpenApiContract("v", doc);
            List<string> Check(string json) => contract.Check("GET", "/api/things/abc", 200, JsonNode.Parse(json));

            Assert.Empty(Check("""{"id":"a","note":null,"kind":"Equality","tags":["t"],"x":3,"extra":true}"""));
            Assert.Contains(Check("""{"id":null}"""), p => p.Contains("$.id: required, but null"));
            Assert.Contains(Check("""{"note":"n"}"""), p => p.Contains("$.id: required, but missing"));
            Assert.Contains(Check("""{"id":"a","kind":"equality"}"""), p => p.Contains("$.kind: \"equality\" is not one of"));
            Assert.Contains(Check("""{"id":"a","tags":[1]}"""), p => p.Contains("$.tags[0]: a number where the schema has string"));
            Assert.Contains(Check("""{"id":"a","x":true}"""), p => p.Contains("$.x: matches none of the allowed shapes"));
            Assert.Contains(contract.Check("POST", "/api/things/abc", 200, JsonNode.Parse("{}")), p => p.Contains("no such operation"));
            Assert.Empty(contract.Check("GET", "/api/things/abc", 404, JsonNode.Parse("""{"message":"gone"}""")));
        }
    }
}
