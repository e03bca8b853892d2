using PolytomicPS.Host;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Every Get- cmdlet that sends requests writes one request line per request under -Verbose (issue 27
    /// item 4, issue 24): paged lists too, since Await, Paged and Poll block through one method that always relays.
    /// The table must name every exported Get- cmdlet, so a new one cannot be missed.</summary>
    public sealed class VerboseListTests : IClassFixture<SandboxFixture>
    {
        private static readonly Regex RequestLine = new Regex(@"^(GET|POST|PUT|PATCH|DELETE) /api/\S+ -> \d{3} in \d+ ms$");
        private readonly SandboxFixture sandbox;
        public VerboseListTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        /// <summary>Read local state only: no request to count.</summary>
        private static readonly string[] SendNoRequest = { "Get-PolytomicSession", "Get-PolytomicProfile", "Get-PolytomicRequestHistory" };

        private static readonly string[] Commands =
        {
            "Get-PolytomicConnection", "Get-PolytomicConnection -Id $sf.Id", "Get-PolytomicConnectionType",
            "Get-PolytomicConnectionType -Type snowflake", "$sf | Get-PolytomicConnectionParameterValue -Field warehouse",
            "Get-PolytomicModel", "Get-PolytomicModel -Id $model.Id", "Get-PolytomicModelSample -Id $model.Id",
            "Get-PolytomicSync", "Get-PolytomicSync -Id $sync.Id", "Get-PolytomicSyncStatus -Id $sync.Id",
            "Get-PolytomicSyncExecution -SyncId $sync.Id",
            "Get-PolytomicSyncLog -SyncId $sync.Id -ExecutionId $run.Id", "Get-PolytomicSyncHealth",
            "Get-PolytomicBulkSync", "Get-PolytomicBulkSync -Id $bulk.Id", "Get-PolytomicBulkSyncStatus -All",
            "Get-PolytomicBulkSyncExecution -SyncId $bulk.Id", "$bulkRun | Get-PolytomicBulkSyncLog",
            "Get-PolytomicBulkSchema -SyncId $bulk.Id", "Get-PolytomicBulkSchedule -SyncId $bulk.Id",
            "$crm | Get-PolytomicBulkSource", "$dst | Get-PolytomicBulkDestination",
            "$crm | Get-PolytomicSchema -Schema Contact", "$crm | Get-PolytomicSchemaRecord -Schema Contact",
            "Get-PolytomicSchemaStatus -ConnectionId $sf.Id", "Get-PolytomicSource $sf -Recurse | Where-Object Value -eq 'PUBLIC.users' | Get-PolytomicSourceField",
            "$crm | Get-PolytomicTarget", "$crm | Get-PolytomicTargetField -Object Contact", "$sf | Get-PolytomicTargetProperty -Property schema",
            "$api | Get-PolytomicEnrichmentSource", "$api | Get-PolytomicEnrichmentInputField -Configuration @{ endpoint = 'person' }",
            "$sf | Get-PolytomicSharedConnection", "$job | Get-PolytomicJob",
            "Get-PolytomicIdentity", "Get-PolytomicErrorSubscriber",
            "Get-PolytomicEvent", "Get-PolytomicEventType", "Get-PolytomicRole", "Get-PolytomicPolicy",
            "Get-PolytomicWebhook", "Get-PolytomicScheduleOption", "Get-PolytomicOrganization -Session $partner",
        };

        /// <summary>The current organization, its users, console logs, entities and the connection proxy are 2025-09-18 routes.</summary>
        private static readonly string[] Newer = { "Get-PolytomicUser", "$run | Get-PolytomicConsoleLog", "$api | Get-PolytomicProxyInfo", "Get-PolytomicEntity -Id $sync.Id", "Get-PolytomicOrganization -CurrentOrganization" };

        private const string Setup = ModelSyncSetup.Setup + @"
$partner = Connect-Polytomic -PartnerKey $PartnerKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion -NoDefault
$sync = $model | New-PolytomicSync -Name ('verbose-' + [guid]::NewGuid()) -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency manual
$run = $sync | Start-PolytomicSync -Wait -PollIntervalSeconds 0.05
$dst = New-PolytomicConnection -Name ('dst-' + [guid]::NewGuid()) -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' } | Wait-PolytomicConnection -PollIntervalSeconds 0.05
$null = $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
$bulk = New-PolytomicBulkSync -Name ('verbose-' + [guid]::NewGuid()) -Source $crm -Destination $dst -Mode replicate -DestinationConfiguration @{ schema = 'RAW' } -Schema Account
$bulkRun = $bulk | Start-PolytomicBulkSync -Wait -PollIntervalSeconds 0.05
$api = New-PolytomicConnection -Name ('api-' + [guid]::NewGuid()) -Type api -Configuration @{ url = 'https://enrich.example.com' }
$job = $sf | New-PolytomicModel -Name ('job-' + [guid]::NewGuid()) -Table PUBLIC.users -Async";

        [Fact]
        public void The_table_names_every_Get_cmdlet()
        {
            var r = Ps.Run("(Get-Command -Module PolytomicPS -Verb Get).Name");
            r.AssertSuccess();
            var exported = r.Output.Select(o => o.BaseObject.ToString()!).ToHashSet();
            var named = Commands.Concat(Newer).SelectMany(c => Regex.Matches(c, @"Get-Polytomic\w+").Cast<Match>().Select(m => m.Value))
                .Concat(SendNoRequest).ToHashSet();
            Assert.Empty(exported.Except(named));
            Assert.Empty(named.Except(exported));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Each_Get_cmdlet_writes_a_verbose_line_per_request(string version)
        {
            using var runspace = ScriptRunner.OpenRunspace(null, ScriptRunner.FindModuleManifest());
            Ps.RunIn(runspace, Setup, sandbox, version).AssertSuccess();
            foreach (var command in version == "2025-09-18" ? Commands.Concat(Newer) : Commands)
            {
                var before = sandbox.State.Requests.Count;
                var r = Ps.RunIn(runspace, "$VerbosePreference = 'Continue'\n" + command + "\n$VerbosePreference = 'SilentlyContinue'", sandbox, version);
                r.AssertSuccess();
                var sent = sandbox.State.Requests.Count - before;
                var lines = r.Verbose.Count(v => RequestLine.IsMatch(v.Message));
                Assert.True(sent > 0, $"{command} sent no request");
                Assert.True(lines == sent, $"{command} -Verbose wrote {lines} request line(s) for {sent} request(s)");
            }
        }
    }
}
