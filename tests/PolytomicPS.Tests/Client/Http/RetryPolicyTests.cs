using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>The retry policy: what is tried again, and after how long.</summary>
    public sealed class RetryPolicyTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public RetryPolicyTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private PolytomicClient Client() => SandboxClients.New(sandbox, retries: 3);

        private int Sent(string path) => sandbox.State.Requests.Count(r => r.Path == path);

        [Theory]
        [InlineData(408, true)]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(501, false)]
        [InlineData(400, false)]
        [InlineData(404, false)]
        public void Transient_statuses(int status, bool transient) => Assert.Equal(transient, RetryPolicy.IsTransientStatus(status));

        [Fact]
        public async Task A_501_is_answered_at_once_and_not_retried()
        {
            using var client = Client();
            var before = Sent("/api/connection_types");
            sandbox.State.Faults.FailNext(501, count: 4, method: "GET", pathPrefix: "/api/connection_types");
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.ListConnectionTypesAsync());
            Assert.Equal(501, ex.StatusCode);
            Assert.Equal(1, ex.Attempts);
            Assert.Equal(before + 1, Sent("/api/connection_types"));
        }

        [Fact]
        public async Task A_503_is_retried_until_it_clears()
        {
            using var client = Client();
            var before = Sent("/api/connection_types");
            sandbox.State.Faults.FailNext(503, count: 2, method: "GET", pathPrefix: "/api/connection_types");
            await client.ListConnectionTypesAsync();
            Assert.Equal(before + 3, Sent("/api/connection_types"));
        }

        [Fact]
        public void A_call_answered_at_once_never_builds_the_retry_pipeline_and_a_failed_first_attempt_is_judged_by_it()
        {
            using var client = SandboxClients.New(sandbox, retries: 3);
            Assert.NotEmpty(client.ListConnectionTypesAsync().GetAwaiter().GetResult());
            Assert.Throws<PolytomicApiException>(() => client.GetConnectionAsync(Guid.NewGuid().ToString()).GetAwaiter().GetResult());
            Assert.False(client.RetryPipelineBuilt, "a 200 and a 404 went through the retry pipeline");
            // A 503 first: the pipeline takes the first attempt's outcome as its own and retries once, not twice.
            var name = "first-attempt-" + Guid.NewGuid();
            sandbox.State.Faults.FailNext(503, method: "POST", pathPrefix: "/api/connections");
            var before = sandbox.State.RequestsTo("POST", "/api/connections").Count();
            client.CreateConnectionAsync(SandboxClients.Stripe(name)).GetAwaiter().GetResult();
            Assert.True(client.RetryPipelineBuilt);
            Assert.Equal(2, sandbox.State.RequestsTo("POST", "/api/connections").Count() - before);
            Assert.Equal(1, SandboxClients.Stored(sandbox, name));
        }

        [Fact]
        public void A_first_attempt_with_no_answer_ends_at_the_attempt_timeout()
        {
            using var client = new PolytomicClient(new PolytomicClientOptions
            {
                ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl,
                MaxRetries = 0, AttemptTimeout = TimeSpan.FromMilliseconds(300),
            });
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(5), Method = "GET", PathPrefix = "/api/connection_types" });
            var clock = Stopwatch.StartNew();
            var ex = Assert.Throws<PolytomicApiException>(() => client.ListConnectionTypesAsync().GetAwaiter().GetResult());
            sandbox.State.Faults.Clear();
            Assert.Equal(PolytomicErrorKind.Timeout, ex.Kind);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.ElapsedMilliseconds} ms");
        }

        [Fact]
        public void The_server_delay_reads_each_header_form_and_is_capped()
        {
            var cap = TimeSpan.FromSeconds(30);
            using var ms = new HttpResponseMessage((HttpStatusCode)429);
            ms.Headers.TryAddWithoutValidation("retry-after-ms", "250");
            Assert.Equal(TimeSpan.FromMilliseconds(250), RetryPolicy.ServerDelay(ms, cap));
            using var seconds = new HttpResponseMessage((HttpStatusCode)429);
            seconds.Headers.TryAddWithoutValidation("Retry-After", "2");
            Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.ServerDelay(seconds, cap));
            using var huge = new HttpResponseMessage((HttpStatusCode)429);
            huge.Headers.TryAddWithoutValidation("Retry-After", "3600");
            Assert.Equal(cap, RetryPolicy.ServerDelay(huge, cap));
            using var none = new HttpResponseMessage((HttpStatusCode)429);
            Assert.Null(RetryPolicy.ServerDelay(none, cap));
        }
    }
}
