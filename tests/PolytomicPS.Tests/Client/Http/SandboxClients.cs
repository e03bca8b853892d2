using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>Typed clients on the test sandbox, and the small create body the choke-point tests send.</summary>
    internal static class SandboxClients
    {
        public static PolytomicClient New(SandboxFixture sandbox, int retries = 3) => new PolytomicClient(new PolytomicClientOptions
        {
            ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl,
            MaxRetries = retries, RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });

        public static ConnectionRequest Stripe(string name) => new ConnectionRequest
        {
            Name = name, Type = "stripe", Configuration = new Dictionary<string, object?> { ["api_key"] = "sk" },
        };

        /// <summary>How many connections of that name the sandbox holds.</summary>
        public static int Stored(SandboxFixture sandbox, string name) => sandbox.State.Connections.All().Count(c => (string?)c["name"] == name);
    }
}
