using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>New-PolytomicConnection refuses a name that exists (a re-run runbook must not make duplicates).</summary>
    public sealed class ConnectionNameTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ConnectionNameTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private const string NoForce = "$PSDefaultParameterValues.Remove('New-PolytomicConnection:Force')\n";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_second_connection_with_an_existing_name_is_refused_unless_forced(string version)
        {
            var name = "Name check " + version;
            var create = $"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk_name_check' }}";
            var first = Ps.Run(NoForce + create, sandbox, version, secrets: new[] { "sk_name_check" });
            first.AssertSuccess();
            var existing = first.Single<PolytomicConnection>();

            var posts = sandbox.State.RequestsTo("POST", "/api/connections").Count();
            var again = Ps.Run(NoForce + create, sandbox, version, secrets: new[] { "sk_name_check" });
            var error = again.SingleError();
            Assert.Equal("ConnectionNameExists,PolytomicPS.Commands.NewPolytomicConnectionCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal(existing.Id, Assert.IsType<PolytomicConnection>(error.TargetObject).Id);
            Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
            Assert.Empty(again.All<PolytomicConnection>());
            Assert.Equal(posts, sandbox.State.RequestsTo("POST", "/api/connections").Count());

            var forced = Ps.Run(NoForce + create + " -Force", sandbox, version, secrets: new[] { "sk_name_check" });
            forced.AssertSuccess();
            Assert.NotEqual(existing.Id, forced.Single<PolytomicConnection>().Id);
            Assert.Equal(2, sandbox.State.Connections.All().Count(c => (string?)c["name"] == name));
        }
    }
}
