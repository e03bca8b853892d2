using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Tests.Client
{
    /// <summary>NameClaim's settle with the typed client, in the orders a scheduler can produce that a run of cmdlets
    /// rarely does: a copy whose created_at is earlier than it became visible, and a later copy still being settled.</summary>
    public sealed class NameClaimTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public NameClaimTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private PolytomicClient Client() => new PolytomicClient(new PolytomicClientOptions
        {
            ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl, ApiVersion = "2025-09-18", MaxRetries = 0,
        });

        private static ConnectionRequest Stripe(string name) => new ConnectionRequest
        {
            Name = name, Type = "stripe", Configuration = new Dictionary<string, object?> { ["api_key"] = "sk_claim" },
        };

        // Another run's copy of the stored connection, as the sandbox would store it, with its own id and created_at.
        private string AddCopy(string id, DateTimeOffset createdAt)
        {
            var copy = sandbox.State.Connections.All().Single(c => (string?)c["id"] == id).DeepClone().AsObject();
            var copyId = Guid.NewGuid().ToString();
            copy["id"] = copyId;
            copy["created_at"] = createdAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
            sandbox.State.Connections.Add(copy);
            return copyId;
        }

        private List<string> Named(string name) =>
            sandbox.State.Connections.All().Where(c => (string?)c["name"] == name).Select(c => (string)c["id"]!).ToList();

        /// <summary>Run A settled alone (so it keeps its copy). Run B's copy carries an earlier created_at but became
        /// visible only after A's list, as a slow insert can. Ordering by created_at alone, B would keep its copy too;
        /// instead B sees A's copy stay and yields to it.</summary>
        [Fact]
        public async Task A_copy_visible_later_but_stamped_earlier_yields_to_the_one_that_settled_alone()
        {
            using var a = Client();
            using var b = Client();
            var name = "claim-late-" + Guid.NewGuid().ToString("N");
            var first = await a.CreateConnectionAsync(Stripe(name));
            var settled = await NameClaim.Connections.SettleAsync(a, name, first.Id, CancellationToken.None);
            Assert.Equal(NameClaimOutcome.Won, settled.Outcome);

            var late = AddCopy(first.Id, first.CreatedAt!.Value.AddSeconds(-5));
            var second = await NameClaim.Connections.SettleAsync(b, name, late, CancellationToken.None, TimeSpan.FromSeconds(1));
            Assert.Equal(NameClaimOutcome.Lost, second.Outcome);
            Assert.Equal(first.Id, second.Winner!.Id);
            Assert.Equal(new[] { first.Id }, Named(name));
        }

        /// <summary>Both copies visible before either list: the earlier one waits for the later one's creator to delete
        /// it, and keeps the name; it does not give up while the other is being settled.</summary>
        [Fact]
        public async Task The_earliest_copy_waits_for_a_later_one_to_be_withdrawn_and_keeps_the_name()
        {
            using var a = Client();
            using var b = Client();
            var name = "claim-both-" + Guid.NewGuid().ToString("N");
            var first = await a.CreateConnectionAsync(Stripe(name));
            var later = AddCopy(first.Id, first.CreatedAt!.Value.AddSeconds(1));

            var settling = NameClaim.Connections.SettleAsync(a, name, first.Id, CancellationToken.None, TimeSpan.FromSeconds(20));
            await Task.Delay(400);
            Assert.False(settling.IsCompleted, "the earliest copy waits while a later one is there");
            var other = await NameClaim.Connections.SettleAsync(b, name, later, CancellationToken.None);
            Assert.Equal(NameClaimOutcome.Lost, other.Outcome);
            Assert.Equal(first.Id, other.Winner!.Id);
            var settled = await settling;
            Assert.Equal(NameClaimOutcome.Won, settled.Outcome);
            Assert.Equal(new[] { first.Id }, Named(name));
        }
    }
}
