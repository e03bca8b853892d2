using System.IO;
using System.Threading.Tasks;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>examples/promote-dev-to-prod.ps1 between two sandboxes, and the field diff of Set- cmdlets' -WhatIf text.</summary>
    public sealed class WorkspaceExampleTests : IAsyncLifetime
    {
        private readonly SandboxFixture dev = new SandboxFixture(), prod = new SandboxFixture();
        private readonly string dir = Path.Combine(Path.GetTempPath(), "wsex-" + Guid.NewGuid().ToString("N"));

        public async Task InitializeAsync() { await dev.InitializeAsync(); await prod.InitializeAsync(); }

        public async Task DisposeAsync()
        {
            await dev.DisposeAsync();
            await prod.DisposeAsync();
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }

        private const string Build = @"
$wh = New-PolytomicConnection -Name 'Dev WH' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'ws-pa55-Zq9'; dbname = 'd' }
$crm = New-PolytomicConnection -Name CRM -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
$model = $wh | Wait-PolytomicConnection -PollIntervalSeconds 0.1 | New-PolytomicModel -Name Users -Query 'SELECT email, first_name FROM users'
$sync = $model | New-PolytomicSync -Name 'Users to CRM' -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency daily -Schedule @{ hour = 5; minute = 30 }";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Promote_dev_to_prod_shows_the_plan_then_applies_it(string version)
        {
            Ps.Run(Build, dev, version, secrets: WorkspaceRoundTripTests.Secrets).AssertSuccess();
            var vars = new Dictionary<string, object?>
            {
                ["Example"] = File.ReadAllText(Repo.Example("promote-dev-to-prod.ps1")), ["Dir"] = dir, ["ProdUrl"] = prod.Server.BaseUrl.ToString(),
            };
            string Run(string extra) =>
                Repo.PointConnectAtSandbox + "\n$prodKey = [System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword\n" +
                "& ([scriptblock]::Create($Example)) -ApiVersion $ApiVersion -Path $Dir -ProdApiKey $prodKey -ProdBaseUrl $ProdUrl " + extra;

            // Without the secret: the plan says which one is needed, and nothing is written.
            var needs = Ps.Run(Run(""), dev, version, connect: false, variables: vars, secrets: WorkspaceRoundTripTests.Secrets, folders: new[] { dir });
            needs.AssertSuccess();
            Assert.Contains(needs.Warnings, w => w.Message.Contains("Dev WH.password"));
            Assert.Equal(0, prod.State.Requests.Count(r => r.Method != "GET"));

            // With it and -Apply: the objects are created in production.
            var applied = Ps.Run(Run("-Secret @{ 'Dev WH.password' = 'ws-import-Secret-77' } -Apply -WarningAction SilentlyContinue"), dev, version, connect: false,
                variables: vars, secrets: WorkspaceRoundTripTests.Secrets, folders: new[] { dir });
            applied.AssertSuccess();
            Assert.Equal(new[] { "CRM", "Dev WH" }, prod.State.Connections.All().Select(c => (string)c["name"]!).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal("Users to CRM", (string?)Assert.Single(prod.State.Store("syncs").All())["name"]);
            Assert.Equal("ws-import-Secret-77", (string?)prod.State.Connections.All().Single(c => (string?)c["name"] == "Dev WH")["configuration"]!["password"]);
        }

        [Fact]
        public void Set_cmdlets_describe_the_field_changes_they_would_make()
        {
            var r = Ps.Run(Build + @"
Set-PolytomicSync -Id $sync.Id -Frequency hourly -Schedule @{ minute = 30 } -Verbose -WhatIf:$false
Set-PolytomicModel -Id $model.Id -Identifier email -Verbose
Set-PolytomicConnection -Id $wh.Id -Configuration @{ dbname = 'd2'; password = 'ws-import-Secret-77' } -Verbose", dev, "2025-09-18", secrets: WorkspaceRoundTripTests.Secrets);
            r.AssertSuccess();
            var text = string.Join("\n", r.Verbose.Select(v => v.Message));
            Assert.Contains("Update sync: schedule.frequency: daily -> hourly", text);
            Assert.Contains("Update model: identifier: (none) -> email", text);
            Assert.Contains("Update connection: configuration.dbname: d -> d2; configuration.password: (changed)", text);
        }
    }
}
