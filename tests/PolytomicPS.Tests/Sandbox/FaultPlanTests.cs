using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Sandbox
{
    /// <summary>The sandbox's fault injection does what a test asks of it.</summary>
    public sealed class FaultPlanTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public FaultPlanTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        [Fact]
        public async Task LoseResponse_with_count_three_loses_three_replies_replayed_ones_included()
        {
            using var client = new PolytomicClient(new PolytomicClientOptions
            {
                ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl,
                MaxRetries = 4, RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            });
            var name = "lose-three-" + Guid.NewGuid();
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "POST", PathPrefix = "/api/connections", Count = 3 });
            var created = await client.CreateConnectionAsync(new ConnectionRequest
            {
                Name = name, Type = "stripe", Configuration = new Dictionary<string, object?> { ["api_key"] = "sk" },
            });

            var posts = sandbox.State.RequestsTo("POST", "/api/connections").Where(r => r.Body.Contains(name)).ToList();
            // Three replies lost (the first handling, then two replays of its stored outcome), the fourth delivered.
            Assert.Equal(new[] { -2, -2, -2 }, posts.Take(3).Select(r => r.Status));
            Assert.Equal(4, posts.Count);
            Assert.InRange(posts[3].Status, 200, 299);
            Assert.Single(posts.Select(r => r.IdempotencyKey).Distinct());
            Assert.Single(sandbox.State.Connections.All(), c => (string?)c["name"] == name);
            Assert.Equal(name, created.Name);
        }
    }
}
