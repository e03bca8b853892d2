using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Set-PolytomicBulkSchema -Enabled alone is one PATCH for all the schemas named. A class of its own: its
    /// sandbox must see no other PATCH (BulkSyncsTests enables a schema that way too).</summary>
    public sealed class BulkSyncsSchemaPatchTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public BulkSyncsSchemaPatchTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private const string Connections = @"
            $sf = New-PolytomicConnection -Name 'Gap SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
            $crm = New-PolytomicConnection -Name 'Gap CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
            $null = $sf, $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Switching_several_schemas_off_is_one_patch_and_touches_nothing_else(string version)
        {
            var r = Ps.Run(Connections + @"
                $bulk = New-PolytomicBulkSync -Name 'Gap bulk' -Source $crm -Destination $sf -Mode replicate -Schema Account, Contact, Lead `
                    -DestinationConfiguration @{ schema = 'GAP' } -Frequency manual
                $bulk | Set-PolytomicBulkSchema -Schema Account, Lead -Enabled $false -PassThru", sandbox, version);
            r.AssertSuccess();
            var changed = r.All<PolytomicBulkSchema>();
            Assert.Equal(new[] { "Account", "Lead" }, changed.Select(x => x.Id).OrderBy(x => x));
            Assert.All(changed, x => Assert.False(x.Enabled));
            var patch = Assert.Single(sandbox.State.Requests, x => x.Method == "PATCH" && x.Version == version);
            Assert.Equal("[{\"id\":\"Account\",\"enabled\":false},{\"id\":\"Lead\",\"enabled\":false}]", patch.Json!["schemas"]!.ToJsonString());
            var stored = sandbox.State.Store("bulk_syncs").All().Single(x => (string?)x["name"] == "Gap bulk" && x["_schemas"]!.AsArray().Count > 0 && sandbox.State.Requests.Any(q => q.Method == "PATCH" && q.Path.Contains((string)x["id"]!) && q.Version == version));
            Assert.True((bool?)stored["_schemas"]!.AsArray().Single(x => (string?)x!["id"] == "Contact")!["enabled"]);
        }
    }
}
