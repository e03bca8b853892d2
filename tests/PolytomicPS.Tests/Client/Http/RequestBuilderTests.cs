using System.Net.Http;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>Request building: URL, auth, version and idempotency headers, and the checks made before anything is sent.</summary>
    public sealed class RequestBuilderTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public RequestBuilderTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private static PolytomicClientOptions Options(string key = "k-123", string baseUrl = "https://app.polytomic.com/") => new PolytomicClientOptions
        {
            ApiKey = SecureStrings.FromPlain(key), BaseUrl = new Uri(baseUrl), ApiVersion = ApiVersions.V2025_09_18,
        };

        [Fact]
        public void A_request_carries_the_url_auth_version_and_body()
        {
            var builder = new RequestBuilder(Options(baseUrl: "https://app.polytomic.com/base/"));
            var call = builder.Prepare(HttpMethod.Put, "/api/models/1", new[] { new KeyValuePair<string, string?>("a b", "c&d") }, new { name = "x" }, null, null);
            using var request = builder.Build(call);
            Assert.Equal("https://app.polytomic.com/base/api/models/1?a%20b=c%26d", request.RequestUri!.AbsoluteUri);
            Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
            Assert.Equal("2025-09-18", Assert.Single(request.Headers.GetValues("X-Polytomic-Version")));
            Assert.False(request.Headers.Contains("Idempotency-Key"));
            Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        }

        [Fact]
        public void A_post_gets_one_key_for_all_its_attempts_or_the_callers_own()
        {
            var builder = new RequestBuilder(Options());
            var call = builder.Prepare(HttpMethod.Post, "/api/models", null, null, null, null);
            using var first = builder.Build(call);
            using var second = builder.Build(call);
            Assert.Equal(first.Headers.GetValues("Idempotency-Key"), second.Headers.GetValues("Idempotency-Key"));
            var mine = builder.Prepare(HttpMethod.Post, "/api/models", null, null, "my-key-0001", null);
            Assert.Equal("my-key-0001", mine.IdempotencyKey);
        }

        [Theory]
        [InlineData("short")]
        [InlineData("has space in it")]
        [InlineData("line\r\nbreak-key")]
        public void A_bad_idempotency_key_is_refused_before_sending(string key)
        {
            var ex = Assert.Throws<PolytomicInputException>(() => new RequestBuilder(Options()).Prepare(HttpMethod.Post, "/api/models", null, null, key, null));
            Assert.Equal("InvalidIdempotencyKey", ex.ErrorId);
        }

        [Theory]
        [InlineData("abc\r\ndef")]
        [InlineData("abc\ndef")]
        [InlineData("clé-api")]
        [InlineData("key with space")]
        public void An_api_key_that_cannot_be_a_header_is_refused_up_front_without_showing_it(string key)
        {
            var ex = Assert.Throws<PolytomicInputException>(() => new PolytomicClient(Options(key)));
            Assert.Equal("InvalidApiKey", ex.ErrorId);
            Assert.DoesNotContain(key, ex.Message);
        }

        [Theory]
        [InlineData("/api/%2e%2e/x")]
        [InlineData("/api/.%2e/x")]
        [InlineData("/api/%2E%2E/x")]
        [InlineData("/api/..\\x")]
        [InlineData("/api/%252e%252e/x")]
        [InlineData("/api/a/%2e%2e%2f%2e%2e/x")]
        [InlineData("/api/./me")]
        [InlineData("/api/../me")]
        [InlineData("/api//me")]
        [InlineData("/other")]
        [InlineData("https://evil.example.com/api/me")]
        public async Task A_path_that_leaves_the_api_once_normalised_is_refused_before_any_request(string path)
        {
            using var client = new PolytomicClient(new PolytomicClientOptions { ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl });
            var before = sandbox.State.Requests.Count;
            var ex = await Assert.ThrowsAsync<PolytomicInputException>(() => client.SendAsync(HttpMethod.Delete, path));
            Assert.Equal("InvalidRequestPath", ex.ErrorId);
            Assert.Equal(before, sandbox.State.Requests.Count);
        }

        [Theory]
        [InlineData("/api/me")]
        [InlineData("/api/connections/connect/")]
        [InlineData("/api/connections/1/schemas/public%2Eusers")]
        [InlineData("/api/connections/1/schemas/a%20b.c")]
        public void Ordinary_routes_pass(string path) => Assert.True(ApiPath.IsRoute(path));
    }
}
