using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Objects read with Get- pipe into New- to make a copy: a model whole, a bulk sync's source, destination,
    /// mode and destination options, a sync's target, object and mode.</summary>
    public sealed class PipeToNewTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public PipeToNewTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Get_output_pipes_into_New_for_a_copy(string version)
        {
            var r = Ps.Run(@"
$sf = New-PolytomicConnection -Name 'Pipe SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
$crm = New-PolytomicConnection -Name 'Pipe CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
$m = $sf | Wait-PolytomicConnection -PollIntervalSeconds 0.1 | New-PolytomicModel -Name 'Pipe users' -Query 'SELECT email, first_name FROM users'
$s = $m | New-PolytomicSync -Name 'Pipe sync' -Target $crm -Object Contact -Mode updateOrCreate -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' }
$b = New-PolytomicBulkSync -Name 'Pipe bulk' -Source $crm -Destination $sf -Mode snapshot -Frequency manual -DestinationConfiguration @{ schema = 'PIPE' } -Schema Account
Get-PolytomicModel -Id $m.Id | New-PolytomicModel -Name 'Pipe users copy'
Get-PolytomicSync -Id $s.Id | New-PolytomicSync -Name 'Pipe sync copy' -Model $m -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' }
Get-PolytomicBulkSync -Id $b.Id | New-PolytomicBulkSync -Name 'Pipe bulk copy'", sandbox, version);
            r.AssertSuccess();
            var model = r.Single<PolytomicModel>();
            Assert.Equal("Pipe users copy", model.Name);
            Assert.Equal(new[] { "email", "first_name" }, model.FieldNames);
            var sync = r.Single<PolytomicSync>();
            Assert.Equal(("Pipe sync copy", "Contact", "updateOrCreate"), (sync.Name, sync.TargetObject, sync.Mode));
            var bulk = r.Single<PolytomicBulkSync>();
            Assert.Equal(("Pipe bulk copy", "snapshot", "PIPE"), (bulk.Name, bulk.Mode, bulk.DestinationConfiguration["schema"]?.ToString()));
        }
    }
}
