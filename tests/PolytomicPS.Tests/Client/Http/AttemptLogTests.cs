using System.Net.Http;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>Truthful outcomes after lost replies, over real HTTP against the sandbox.</summary>
    public sealed class AttemptLogTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public AttemptLogTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private PolytomicClient Client() => SandboxClients.New(sandbox, retries: 2);

        [Fact]
        public async Task A_delete_whose_reply_was_lost_and_whose_retry_finds_404_succeeds()
        {
            using var client = Client();
            var created = await client.CreateConnectionAsync(SandboxClients.Stripe("gone-" + Guid.NewGuid()));
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "DELETE", PathPrefix = "/api/connections/" + created.Id });
            await client.DeleteConnectionAsync(created.Id!, false);
            Assert.Null(sandbox.State.Connections.Get(created.Id!));
            Assert.Equal(2, sandbox.State.Requests.Count(r => r.Method == "DELETE" && r.Path == "/api/connections/" + created.Id));
        }

        [Fact]
        public async Task A_delete_of_a_missing_object_is_still_not_found()
        {
            using var client = Client();
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.DeleteConnectionAsync(Guid.NewGuid().ToString(), false));
            Assert.Equal(404, ex.StatusCode);
        }

        [Fact]
        public async Task A_post_whose_reply_was_lost_and_whose_retries_failed_says_it_may_exist_and_gives_its_key()
        {
            using var client = Client();
            var name = "unknown-" + Guid.NewGuid();
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "POST", PathPrefix = "/api/connections" });
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.ResetBeforeHandling, Method = "POST", PathPrefix = "/api/connections", Skip = 1, Count = 2 });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.CreateConnectionAsync(SandboxClients.Stripe(name)));
            Assert.Equal(PolytomicErrorKind.OutcomeUnknown, ex.Kind);
            Assert.Equal(1, SandboxClients.Stored(sandbox, name));
            var key = sandbox.State.Requests.Last(r => r.Method == "POST" && r.Path == "/api/connections").IdempotencyKey;
            Assert.Equal(key, ex.IdempotencyKey);
            Assert.Contains(key!, ex.Message);
            Assert.Contains("may have", ex.Message);

            // The same key again replays Polytomic's first answer: the object that was created, not a second one.
            sandbox.State.Faults.Clear();
            var again = await client.CreateConnectionAsync(SandboxClients.Stripe(name), idempotencyKey: ex.IdempotencyKey);
            Assert.Equal(1, SandboxClients.Stored(sandbox, name));
            Assert.Equal((string?)sandbox.State.Connections.All().Single(c => (string?)c["name"] == name)["id"], again.Id);
        }

        [Fact]
        public async Task A_post_that_never_reached_the_server_is_a_plain_connection_failure()
        {
            using var client = new PolytomicClient(new PolytomicClientOptions
            {
                ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = new Uri("http://127.0.0.1:9"),
                MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            });
            var ex = await Assert.ThrowsAsync<PolytomicApiException>(() => client.CreateConnectionAsync(SandboxClients.Stripe("never")));
            Assert.Equal(PolytomicErrorKind.Transport, ex.Kind);
        }
    }
}
