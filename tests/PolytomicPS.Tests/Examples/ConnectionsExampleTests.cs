using Polytomic.Models;

namespace PolytomicPS.Tests.Examples
{
    public sealed class ConnectionsExampleTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ConnectionsExampleTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Connections_example_creates_waits_changes_and_removes(string version)
        {
            var before = sandbox.State.Requests.Count;
            var r = Repo.RunExample("connections.ps1", sandbox, version, secrets: new[] { "secret" });
            r.AssertSuccess();
            var requests = sandbox.State.Requests.Skip(before).ToList();
            Assert.All(requests, x => Assert.Equal(version, x.Version));
            Assert.Equal(2, requests.Count(x => x.Method == "POST" && x.Path == "/api/connections"));
            Assert.Single(requests, x => x.Method == "PUT");
            Assert.Equal(2, requests.Count(x => x.Method == "DELETE"));
            Assert.Contains(r.Output, o => o.BaseObject is string s && s.StartsWith("Open this URL") && s.Contains("https://"));
            Assert.Equal("Connections left: 0", r.Output.Last().BaseObject);
            var put = requests.Single(x => x.Method == "PUT").Json!;
            Assert.Equal("Snowflake (analytics)", (string?)put["name"]);
            Assert.Equal("COMPUTE_WH", (string?)put["configuration"]!["warehouse"]);
            Assert.Equal("********", (string?)put["configuration"]!["password"]);
        }
    }
}
