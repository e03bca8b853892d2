using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    public sealed class ConnectionsSchemasTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ConnectionsSchemasTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Schema_and_records_of_a_new_connection_wait_for_its_cache(string version)
        {
            // The cache becomes ready a fixed time after the schema call starts, not after the connection was made:
            // a slow (cold, shared) machine must not let it fill before the cmdlet asks.
            var sf = Ps.Run("New-PolytomicConnection -Name 'Schemas SF' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue",
                sandbox, version).Single<PolytomicConnection>();
            sandbox.State.Connections.Get(sf.Id)!["_cache_ready_at"] = sandbox.State.Clock.Now.AddSeconds(1.5).ToString("o");
            var r = Ps.Run(@"
                Get-PolytomicConnection -Id $Id | Get-PolytomicSchema -Schema Contact, Account
                Get-PolytomicSchemaRecord -ConnectionId $Id -Schema Contact", sandbox, version, variables: new Dictionary<string, object?> { ["Id"] = sf.Id });
            r.AssertSuccess();
            var schemas = r.All<PolytomicConnectionSchema>();
            Assert.Equal(new[] { "Contact", "Account" }, schemas.Select(s => s.Id));
            Assert.Contains(schemas[0].Fields!, f => f.Id == "Email");
            Assert.Contains(r.Progress, p => p.StatusDescription != null && p.StatusDescription.Contains("not cached"));
            var records = r.Output.Where(o => o.BaseObject is PSCustomObject).ToList();
            Assert.NotEmpty(records);
            Assert.NotNull(records[0].Properties["Email"]);
        }

        [Fact]
        public void An_unknown_schema_and_a_bad_connection_id_are_specific_errors()
        {
            var r = Ps.Run(@"
                $sf = New-PolytomicConnection -Name 'Schemas SF2' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue |
                    Wait-PolytomicConnection -PollIntervalSeconds 0.1
                $sf | Get-PolytomicSchema -Schema NoSuchObject", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.NotFound,PolytomicPS.Commands.GetPolytomicSchemaCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal("NoSuchObject", e.TargetObject);

            var bad = Ps.Run("Get-PolytomicSchemaRecord -ConnectionId 'not-an-id' -Schema Contact", sandbox);
            Assert.StartsWith("InvalidId,", bad.SingleError().FullyQualifiedErrorId);
        }
    }
}
