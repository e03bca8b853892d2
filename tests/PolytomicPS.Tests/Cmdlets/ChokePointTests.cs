using System.Management.Automation;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>What the choke point guarantees, seen from real cmdlets: paths that leave /api/, unusable keys,
    /// caller-supplied idempotency keys and outcomes after lost replies.</summary>
    public sealed class ChokePointTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ChokePointTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private int Stored(string name) => sandbox.State.Connections.All().Count(c => (string?)c["name"] == name);

        [Theory]
        [InlineData("\"abc`r`ndef\"")]
        [InlineData("\"abc`ndef\"")]
        [InlineData("\"cl$([char]0xE9)-api-key\"")]
        public void A_key_that_cannot_be_sent_is_refused_by_Connect_with_a_clear_input_error(string key)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"Connect-Polytomic -ApiKey {key} -BaseUrl $BaseUrl", sandbox, connect: false);
            var e = r.SingleError();
            Assert.StartsWith("InvalidApiKey,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Equal(before, sandbox.State.Requests.Count);
        }

        [Fact]
        public void New_with_the_same_idempotency_key_replays_the_first_answer_instead_of_creating_again()
        {
            var name = "idem-" + Guid.NewGuid();
            var key = Guid.NewGuid().ToString();
            var r = Ps.Run($@"
                $a = New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }} -IdempotencyKey '{key}'
                $b = New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }} -IdempotencyKey '{key}'
                $a.Id; $b.Id", sandbox);
            r.AssertSuccess();
            Assert.Equal(r.Output[0].BaseObject, r.Output[1].BaseObject);
            Assert.Equal(1, Stored(name));
            Assert.All(sandbox.State.Requests.Where(x => x.Method == "POST" && x.Body.Contains(name)), x => Assert.Equal(key, x.IdempotencyKey));
        }

        [Fact]
        public void A_create_whose_reply_was_lost_says_it_may_exist_and_rerunning_with_its_key_creates_nothing_more()
        {
            var name = "lost-" + Guid.NewGuid();
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "POST", PathPrefix = "/api/connections" });
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.ResetBeforeHandling, Method = "POST", PathPrefix = "/api/connections", Skip = 1, Count = 10 });
            var r = Ps.Run($@"
                Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -MaxRetries 2 | Out-Null
                New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }}", sandbox, connect: false);
            sandbox.State.Faults.Clear();
            var e = r.SingleError();
            Assert.StartsWith("PolytomicApi.OutcomeUnknown,", e.FullyQualifiedErrorId);
            var key = ((Polytomic.PolytomicApiException)e.Exception).IdempotencyKey!;
            Assert.Contains("-IdempotencyKey " + key, e.ErrorDetails.RecommendedAction);
            Assert.Equal(1, Stored(name));

            var again = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }} -IdempotencyKey '{key}'", sandbox);
            again.AssertSuccess();
            Assert.Equal(1, Stored(name));
            Assert.Equal((string?)sandbox.State.Connections.All().Single(c => (string?)c["name"] == name)["id"], again.Single<PolytomicConnection>().Id);
        }

        [Fact]
        public void Start_with_the_same_key_replays_the_first_run_and_a_second_piped_sync_may_not_reuse_it()
        {
            var key = Guid.NewGuid().ToString();
            var r = Ps.Run($@"
$sf = New-PolytomicConnection -Name ('sf-' + [guid]::NewGuid()) -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }} |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Name ('crm-' + [guid]::NewGuid()) -Type salesforce -Configuration @{{ domain = 'https://x.my.salesforce.com' }} -WarningAction SilentlyContinue
$model = $sf | New-PolytomicModel -Name 'Users' -Table PUBLIC.users
$sync = $model | New-PolytomicSync -Name ('s-' + [guid]::NewGuid()) -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency manual
$a = Start-PolytomicSync -Id $sync.Id -IdempotencyKey '{key}'
$b = Start-PolytomicSync -Id $sync.Id -IdempotencyKey '{key}'
$a.Id; $b.Id
$sync, $sync | Start-PolytomicSync -IdempotencyKey '{key}' | ForEach-Object Id", sandbox);
            Assert.Equal(3, r.Output.Count);
            Assert.All(r.Output, o => Assert.Equal(r.Output[0].BaseObject, o.BaseObject));
            Assert.StartsWith("IdempotencyKeyReused,", r.SingleError().FullyQualifiedErrorId);
        }

        [Fact]
        public void A_malformed_idempotency_key_is_refused_before_any_request()
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run("New-PolytomicRole -Name x -IdempotencyKey 'no spaces allowed'", sandbox);
            Assert.StartsWith("InvalidIdempotencyKey,", r.SingleError().FullyQualifiedErrorId);
            Assert.Equal(before, sandbox.State.Requests.Count);
        }

        [Fact]
        public void A_501_is_reported_at_once_without_retries()
        {
            var before = sandbox.State.Requests.Count(x => x.Path == "/api/connection_types");
            sandbox.State.Faults.FailNext(501, count: 5, method: "GET", pathPrefix: "/api/connection_types");
            var r = Ps.Run("Get-PolytomicConnectionType", sandbox);
            sandbox.State.Faults.Clear();
            Assert.StartsWith("PolytomicApi.ServerError,", r.SingleError().FullyQualifiedErrorId);
            Assert.Equal(before + 1, sandbox.State.Requests.Count(x => x.Path == "/api/connection_types"));
        }

        [Fact]
        public void Remove_whose_reply_was_lost_succeeds_when_the_retry_finds_the_object_gone()
        {
            var r = Ps.Run($"New-PolytomicConnection -Name 'rm-{Guid.NewGuid()}' -Type stripe -Configuration @{{ api_key = 'sk' }}", sandbox);
            var id = r.Single<PolytomicConnection>().Id!;
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "DELETE", PathPrefix = "/api/connections/" + id });
            var rm = Ps.Run($"Remove-PolytomicConnection -Id {id} -Force", sandbox);
            sandbox.State.Faults.Clear();
            rm.AssertSuccess();
            Assert.Null(sandbox.State.Connections.Get(id));
        }
    }
}
