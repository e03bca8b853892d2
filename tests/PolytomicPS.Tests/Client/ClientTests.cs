using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client
{
    /// <summary>The typed client against the sandbox over real HTTP: headers, retries, idempotency, errors.</summary>
    public sealed class ClientTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ClientTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private PolytomicClient NewClient(string version = ApiVersions.V2024_02_08, int retries = 3, string? key = null) =>
            new PolytomicClient(new PolytomicClientOptions
            {
                ApiKey = SecureStrings.FromPlain(key ?? SandboxFixture.ApiKey),
                BaseUrl = sandbox.Server.BaseUrl,
                ApiVersion = version,
                MaxRetries = retries,
                RetryBaseDelay = TimeSpan.FromMilliseconds(20),
                UserAgentComment = "Core",
            });

        private static ConnectionRequest Stripe(string name) => new ConnectionRequest
        {
            Name = name, Type = "stripe", Configuration = new Dictionary<string, object?> { ["api_key"] = "sk_test_1" },
        };

        [Fact]
        public async Task Sends_auth_version_user_agent_and_an_idempotency_key_only_on_post()
        {
            using var client = NewClient();
            var created = await client.CreateConnectionAsync(Stripe("headers-" + Guid.NewGuid()));
            await client.GetConnectionAsync(created.Id);

            var post = sandbox.State.Requests.Last(r => r.Method == "POST" && r.Path == "/api/connections" && r.Body.Contains(created.Name!));
            var get = sandbox.State.Requests.Last(r => r.Method == "GET" && r.Path == "/api/connections/" + created.Id);
            Assert.Equal("2024-02-08", post.Version);
            Assert.Matches("^[A-Za-z0-9_-]{8,255}$", post.IdempotencyKey);
            Assert.Null(get.IdempotencyKey);
            Assert.StartsWith("PolytomicPS/0.1.0 (Core)", post.UserAgent);
            Assert.Equal("********", created.Configuration["api_key"]);
        }

        [Fact]
        public async Task Retries_429_honouring_Retry_After_and_creates_one_object()
        {
            using var client = NewClient();
            var name = "retry429-" + Guid.NewGuid();
            sandbox.State.Faults.FailNext(429, count: 1, retryAfter: "1", method: "POST", pathPrefix: "/api/connections");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await client.CreateConnectionAsync(Stripe(name));
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.ElapsedMilliseconds} ms");
            var attempts = sandbox.State.Requests.Where(r => r.Method == "POST" && r.Body.Contains(name)).ToList();
            Assert.Equal(2, attempts.Count);
            Assert.Equal(attempts[0].IdempotencyKey, attempts[1].IdempotencyKey);
            Assert.Single(sandbox.State.Connections.All(), c => (string?)c["name"] == name);
        }

        [Fact]
        public async Task A_lost_response_is_retried_with_the_same_key_and_replayed_not_duplicated()
        {
            using var client = NewClient();
            var name = "lost-" + Guid.NewGuid();
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "POST", PathPrefix = "/api/connections" });
            var replaysBefore = sandbox.State.Idempotency.Replays;
            var created = await client.CreateConnectionAsync(Stripe(name));
            Assert.Single(sandbox.State.Connections.All(), c => (string?)c["name"] == name);
            Assert.Equal((string?)sandbox.State.Connections.All().Single(c => (string?)c["name"] == name)["id"], created.Id);
            Assert.True(sandbox.State.Idempotency.Replays > replaysBefore);
        }

        [Fact]
        public async Task Gives_up_after_the_retry_budget_with_a_server_error()
        {
            using var client = NewClient(retries: 2);
            sandbox.State.Faults.FailNext(503, count: 3, method: "GET", pathPrefix: "/api/connection_types");
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.ListConnectionTypesAsync());
            Assert.Equal(503, ex.StatusCode);
            Assert.Equal(3, ex.Attempts);
        }

        [Theory]
        [InlineData("{\"error\":{\"message\":\"invalid or unknown API key\"}}", "invalid or unknown API key")]
        [InlineData("{\"code\":401,\"error\":\"token expired\",\"status\":\"Unauthorized\",\"context\":{}}", "token expired")]
        [InlineData("{\"status\":401,\"message\":\"nope\",\"key\":\"k\",\"metadata\":{\"a\":1}}", "nope")]
        public async Task Reads_every_error_body_shape(string body, string message)
        {
            using var client = NewClient();
            var id = Guid.NewGuid().ToString();
            sandbox.State.Faults.Add(new Fault { Status = 401, Body = body, Method = "GET", PathPrefix = "/api/connections/" + id });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.GetConnectionAsync(id));
            Assert.Equal(401, ex.StatusCode);
            Assert.Equal(message, ex.ApiMessage);
        }

        [Fact]
        public async Task An_html_error_page_is_described_not_dumped()
        {
            using var client = NewClient(retries: 0);
            var id = Guid.NewGuid().ToString();
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Html, Status = 502, Method = "GET", PathPrefix = "/api/connections/" + id });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.GetConnectionAsync(id));
            Assert.Equal(502, ex.StatusCode);
            Assert.Contains("text/html", ex.Message);
            Assert.DoesNotContain("<html>", ex.Message);
        }

        [Fact]
        public async Task Wrong_key_is_401_and_the_key_is_not_in_the_exception()
        {
            using var client = NewClient(key: "wrong-key-123456789");
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.ListConnectionsAsync());
            Assert.Equal(401, ex.StatusCode);
            Assert.DoesNotContain("wrong-key-123456789", ex.ToString());
        }

        [Fact]
        public async Task Path_segments_are_escaped_and_traversal_refused()
        {
            using var client = NewClient();
            foreach (var bad in new[] { "..", "../me", "not-a-uuid", "", "248df4b7-aa70-47b8-a036-33ac447e668d/../x" })
                Assert.Equal("InvalidId", (await Assert.ThrowsAsync<PolytomicInputException>(() => client.GetConnectionAsync(bad))).ErrorId);
            // Escaped, "a/../../me?x=1#y" stays one segment, with '?' and '#' inert; once a server decodes %2F it
            // would climb out of /api/, so the choke point refuses it before sending.
            var before = sandbox.State.Requests.Count;
            var ex = await Assert.ThrowsAsync<PolytomicInputException>(() => client.GetConnectionTypeSchemaAsync("a/../../me?x=1#y%2F"));
            Assert.Equal("InvalidRequestPath", ex.ErrorId);
            Assert.Equal(before, sandbox.State.Requests.Count);
            await Assert.ThrowsAsync<PolytomicApiException>(() => client.GetConnectionTypeSchemaAsync("a/b?x=1#y"));
            Assert.Contains(sandbox.State.Requests, r => r.Path == "/api/connection_types/a%2Fb?x=1#y" && r.Query == "");
        }

        [Theory]
        [InlineData("http://example.com")]
        [InlineData("ftp://127.0.0.1")]
        public void Plain_http_is_refused_off_loopback(string url)
        {
            Assert.Throws<ArgumentException>(() => PolytomicClient.ValidateBaseUrl(new Uri(url)));
        }

        [Fact]
        public async Task Cancellation_stops_a_retry_back_off_promptly()
        {
            using var client = NewClient();
            sandbox.State.Faults.FailNext(429, count: 1, retryAfter: "30", method: "GET", pathPrefix: "/api/connection_types");
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListConnectionTypesAsync(cts.Token));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        }
    }
}
