using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>The blocking-send strategy: a caller that blocks sends on its own thread, with the same retries,
    /// timeouts and outcomes as the async path.</summary>
    public sealed class BlockingSendTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public BlockingSendTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private PolytomicClient Client() => SandboxClients.New(sandbox, retries: 4);

        [Fact]
        public void A_blocked_caller_sends_on_its_own_thread_and_the_call_completes_before_returning()
        {
            using var client = Client();
            var sentOn = -1;
            var types = PolytomicClient.RunBlocking(() =>
            {
                var call = client.ListConnectionTypesAsync();
                Assert.True(call.IsCompleted, "the call went asynchronous although its caller blocks");
                sentOn = Environment.CurrentManagedThreadId;
                return call;
            });
            Assert.NotEmpty(types);
            Assert.Equal(Environment.CurrentManagedThreadId, sentOn);
        }

        [Fact]
        public void A_blocked_caller_still_rides_out_faults_and_creates_one_object()
        {
            using var client = Client();
            var name = "blocking-burst-" + Guid.NewGuid();
            sandbox.State.Faults.FailNext(503, method: "POST", pathPrefix: "/api/connections");
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "POST", PathPrefix = "/api/connections", Count = 1 });
            var created = PolytomicClient.RunBlocking(() => client.CreateConnectionAsync(SandboxClients.Stripe(name)));
            Assert.Equal(1, SandboxClients.Stored(sandbox, name));
            Assert.Equal(name, created.Name);
        }

        [Fact]
        public void A_blocked_caller_gets_the_attempt_timeout()
        {
            using var client = new PolytomicClient(new PolytomicClientOptions
            {
                ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl,
                MaxRetries = 0, AttemptTimeout = TimeSpan.FromMilliseconds(300),
            });
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(5), Method = "GET", PathPrefix = "/api/connection_types" });
            var clock = Stopwatch.StartNew();
            var ex = Assert.Throws<PolytomicApiException>(() => PolytomicClient.RunBlocking(() => client.ListConnectionTypesAsync()));
            sandbox.State.Faults.Clear();
            Assert.Equal(PolytomicErrorKind.Timeout, ex.Kind);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.ElapsedMilliseconds} ms");
        }
    }
}
