using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Routes reached by a switch of an existing cmdlet: model preview, multi-schema PATCH, status of all bulk syncs.</summary>
    public sealed class CoverageGapTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public CoverageGapTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private const string Connections = @"
            $sf = New-PolytomicConnection -Name 'Gap SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
            $crm = New-PolytomicConnection -Name 'Gap CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
            $null = $sf, $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Model_preview_shows_the_model_and_stores_nothing(string version)
        {
            var before = sandbox.State.Store("models").Count;
            var r = Ps.Run(Connections + "$sf | New-PolytomicModel -Name 'Preview' -Query 'SELECT email, first_name FROM users' -Preview", sandbox, version);
            r.AssertSuccess();
            var model = r.Single<PolytomicModel>();
            Assert.Equal("Preview", model.Name);
            Assert.Contains(model.Fields!, f => f.Name == "email");
            Assert.Equal(before, sandbox.State.Store("models").Count);
            Assert.Contains(sandbox.State.Requests, x => x.Method == "POST" && x.Path == "/api/model-preview" && x.Version == version);
        }

        [Fact]
        public void Model_preview_of_an_unknown_table_is_the_apis_bad_request()
        {
            var r = Ps.Run(Connections + "$sf | New-PolytomicModel -Name 'Bad preview' -Table 'PUBLIC.NO_SUCH_TABLE' -Preview", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.NewPolytomicModelCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

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

        [Fact]
        public void The_status_of_every_bulk_sync_comes_in_one_call()
        {
            var r = Ps.Run(Connections + @"
                $bulk = New-PolytomicBulkSync -Name 'Gap status' -Source $crm -Destination $sf -Mode replicate -Schema Account `
                    -DestinationConfiguration @{ schema = 'GAP' } -Frequency manual
                $null = $bulk | Start-PolytomicBulkSync
                Get-PolytomicBulkSyncStatus -All", sandbox);
            r.AssertSuccess();
            var all = r.All<PolytomicBulkSyncStatusSummary>();
            Assert.NotEmpty(all);
            Assert.Contains(all, x => x.Status != null && x.SchemaCount == 1);
            Assert.Contains(sandbox.State.Requests, x => x.Path == "/api/bulk/syncs/status" && x.Query == "?all=true");

            var bad = Ps.Run("Get-PolytomicBulkSyncStatus -All -Active", sandbox);
            Assert.StartsWith("AmbiguousParameterSet,", bad.SingleError().FullyQualifiedErrorId);
        }
    }
}
