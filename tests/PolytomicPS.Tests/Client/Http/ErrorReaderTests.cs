using System.Threading.Tasks;
using Polytomic;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>The error reader: Polytomic's error body becomes one exception with status, message, key and metadata.</summary>
    public sealed class ErrorReaderTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ErrorReaderTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private PolytomicClient Client() => new PolytomicClient(new PolytomicClientOptions
        {
            ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl, MaxRetries = 0,
        });

        [Fact]
        public async Task Polytomics_error_body_is_read_into_the_exception()
        {
            using var client = Client();
            var id = Guid.NewGuid().ToString();
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.GetConnectionAsync(id));
            Assert.Equal(PolytomicErrorKind.Http, ex.Kind);
            Assert.Equal(404, ex.StatusCode);
            Assert.Equal("GET", ex.Method);
            Assert.Contains(id, ex.ApiMessage);
            Assert.StartsWith($"GET /api/connections/{id} failed with 404", ex.Message);
        }

        [Fact]
        public async Task A_legacy_error_shape_is_read_too()
        {
            using var client = Client();
            sandbox.State.Faults.Add(new Fault { Status = 400, Body = "{\"error\":{\"message\":\"legacy says no\"}}", ContentType = "application/json", Method = "GET", PathPrefix = "/api/connection_types" });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.ListConnectionTypesAsync());
            Assert.Equal("legacy says no", ex.ApiMessage);
        }

        [Fact]
        public async Task An_empty_error_body_says_so()
        {
            using var client = Client();
            sandbox.State.Faults.Add(new Fault { Status = 400, Body = "", ContentType = "application/json", Method = "GET", PathPrefix = "/api/connection_types" });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.ListConnectionTypesAsync());
            Assert.Contains("no error details were returned", ex.Message);
        }
    }
}
