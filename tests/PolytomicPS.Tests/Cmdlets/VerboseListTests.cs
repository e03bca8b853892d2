using System.Text.RegularExpressions;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Every listing cmdlet writes one request line per request under -Verbose (issue 27 item 4): paged lists
    /// too, since Await, Paged and Poll block through one method that always relays.</summary>
    public sealed class VerboseListTests : IClassFixture<SandboxFixture>
    {
        private static readonly Regex RequestLine = new Regex(@"^GET /api/\S+ -> 200 in \d+ ms$");
        private readonly SandboxFixture sandbox;
        public VerboseListTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static readonly string[] Listings =
        {
            "Get-PolytomicConnection", "Get-PolytomicConnectionType", "Get-PolytomicModel", "Get-PolytomicSync",
            "Get-PolytomicBulkSync", "Get-PolytomicSyncExecution -SyncId $SyncId", "Get-PolytomicBulkSyncExecution -SyncId $BulkId",
            "Get-PolytomicBulkSchema -SyncId $BulkId", "Get-PolytomicBulkSchedule -SyncId $BulkId", "Get-PolytomicEvent",
            "Get-PolytomicEventType", "Get-PolytomicRole", "Get-PolytomicPolicy", "Get-PolytomicWebhook",
            "Get-PolytomicScheduleOption",
        };

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Each_listing_cmdlet_writes_a_verbose_line_per_request(string version)
        {
            var setup = Ps.Run(ModelSyncSetup.Setup + @"
$sync = $model | New-PolytomicSync -Name ('verbose-' + [guid]::NewGuid()) -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency manual
$null = $sync | Start-PolytomicSync
$dst = New-PolytomicConnection -Name ('dst-' + [guid]::NewGuid()) -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' } | Wait-PolytomicConnection -PollIntervalSeconds 0.05
$null = $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
$bulk = New-PolytomicBulkSync -Name ('verbose-' + [guid]::NewGuid()) -Source $crm -Destination $dst -Mode replicate -DestinationConfiguration @{ schema = 'RAW' } -Schema Account
$null = $bulk | Start-PolytomicBulkSync
$sync.Id; $bulk.Id", sandbox, version);
            setup.AssertSuccess();
            var ids = setup.Output.Select(o => o.BaseObject).OfType<string>().ToList();
            var vars = new Dictionary<string, object?> { ["SyncId"] = ids[0], ["BulkId"] = ids[1] };

            // The current organization's users are a 2025-09-18 route.
            foreach (var command in version == "2025-09-18" ? Listings.Append("Get-PolytomicUser") : Listings)
            {
                var before = sandbox.State.Requests.Count(x => x.Method == "GET");
                var r = Ps.Run(command + " -Verbose", sandbox, version, variables: vars);
                r.AssertSuccess();
                var gets = sandbox.State.Requests.Count(x => x.Method == "GET") - before;
                var lines = r.Verbose.Count(v => RequestLine.IsMatch(v.Message));
                Assert.True(gets > 0, $"{command} sent no request");
                Assert.True(lines == gets, $"{command} -Verbose wrote {lines} request line(s) for {gets} request(s)");
            }
        }
    }
}
