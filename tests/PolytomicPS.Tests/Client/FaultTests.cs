using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client
{
    /// <summary>The retry policy under the faults Polytomic's retry guidance plans for (429, 5xx, resets, lost replies), over real HTTP against the sandbox.</summary>
    public sealed class FaultTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public FaultTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private PolytomicClient Client(int retries = 4, TimeSpan? maxDelay = null) => new PolytomicClient(new PolytomicClientOptions
        {
            ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey),
            BaseUrl = sandbox.Server.BaseUrl,
            MaxRetries = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = maxDelay ?? TimeSpan.FromSeconds(60),
        });

        private static ConnectionRequest Stripe(string name) => new ConnectionRequest
        {
            Name = name, Type = "stripe", Configuration = new Dictionary<string, object?> { ["api_key"] = "sk" },
        };

        private int Stored(string name) => sandbox.State.Connections.All().Count(c => (string?)c["name"] == name);

        [Fact]
        public async Task A_burst_of_500_502_503_504_is_ridden_out_and_the_post_creates_one_object()
        {
            using var client = Client();
            var name = "burst-" + Guid.NewGuid();
            foreach (var status in new[] { 500, 502, 503, 504 })
                sandbox.State.Faults.FailNext(status, method: "POST", pathPrefix: "/api/connections");
            await client.CreateConnectionAsync(Stripe(name));
            Assert.Equal(1, Stored(name));
            Assert.Equal(5, sandbox.State.Requests.Count(r => r.Method == "POST" && r.Body.Contains(name)));
        }

        [Fact]
        public async Task Retry_After_as_an_http_date_is_honoured()
        {
            using var client = Client();
            var at = DateTimeOffset.UtcNow.AddSeconds(2).ToString("r");
            sandbox.State.Faults.FailNext(429, retryAfter: at, method: "GET", pathPrefix: "/api/connection_types");
            var clock = Stopwatch.StartNew();
            await client.ListConnectionTypesAsync();
            Assert.True(clock.Elapsed > TimeSpan.FromSeconds(0.9), $"retried after {clock.ElapsedMilliseconds} ms");
        }

        [Fact]
        public async Task Retry_After_is_capped()
        {
            using var client = Client(maxDelay: TimeSpan.FromMilliseconds(300));
            sandbox.State.Faults.FailNext(429, retryAfter: "3600", method: "GET", pathPrefix: "/api/connection_types");
            var clock = Stopwatch.StartNew();
            await client.ListConnectionTypesAsync();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"waited {clock.ElapsedMilliseconds} ms");
        }

        [Fact]
        public async Task A_connection_reset_before_handling_is_retried_and_creates_one_object()
        {
            using var client = Client();
            var name = "reset-" + Guid.NewGuid();
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.ResetBeforeHandling, Method = "POST", PathPrefix = "/api/connections", Count = 2 });
            await client.CreateConnectionAsync(Stripe(name));
            Assert.Equal(1, Stored(name));
        }

        [Fact]
        public async Task Repeated_lost_responses_replay_the_first_outcome_and_never_duplicate()
        {
            using var client = Client();
            var name = "lost-twice-" + Guid.NewGuid();
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "POST", PathPrefix = "/api/connections", Count = 3 });
            var created = await client.CreateConnectionAsync(Stripe(name));
            Assert.Equal(1, Stored(name));
            Assert.Equal(created.Id, (string?)sandbox.State.Connections.All().Single(c => (string?)c["name"] == name)["id"]);
        }

        [Theory]
        [InlineData("{\"data\":{\"id\":\"a\",", "application/json")]
        [InlineData("<html>oops</html>", "text/html")]
        [InlineData("", "application/json")]
        public async Task A_truncated_or_non_json_success_body_is_a_clear_invalid_response(string body, string type)
        {
            using var client = Client();
            var id = Guid.NewGuid().ToString();
            sandbox.State.Faults.Add(new Fault { Status = 200, Body = body, ContentType = type, Method = "GET", PathPrefix = "/api/connections/" + id });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.GetConnectionAsync(id));
            Assert.Equal(PolytomicErrorKind.InvalidResponse, ex.Kind);
            Assert.DoesNotContain("<html>", ex.Message);
        }

        [Fact]
        public async Task A_non_json_error_body_after_the_retries_is_one_clear_error()
        {
            using var client = Client(retries: 1);
            sandbox.State.Faults.Add(new Fault { Status = 503, Body = "upstream connect error", ContentType = "text/plain", Method = "GET", PathPrefix = "/api/connection_types", Count = 2 });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.ListConnectionTypesAsync());
            Assert.Equal(503, ex.StatusCode);
            Assert.Equal(2, ex.Attempts);
            Assert.Contains("not Polytomic's JSON error (text/plain)", ex.Message);
        }
    }
}
