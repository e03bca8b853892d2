using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using Polytomic.Models;
using Polytomic.Sandbox;
using PolytomicPS.Host;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>The session's cache of connection-type schemas (and the completers' cache): Ctrl+C ends every wait on
    /// it, and a failed read is never handed to the next caller.</summary>
    public sealed class TypeSchemaCacheTests : IClassFixture<SandboxFixture>
    {
        private const string SchemaPath = "/api/connection_types/stripe";
        private readonly SandboxFixture sandbox;
        public TypeSchemaCacheTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        private int SchemaReads => sandbox.State.RequestsTo("GET", SchemaPath).Count();

        private Runspace Open() => ScriptRunner.OpenRunspace(null, ScriptRunner.FindModuleManifest());

        private static PowerShell Start(Runspace runspace, string script) => Start(runspace, script, out _);

        private static PowerShell Start(Runspace runspace, string script, out IAsyncResult running)
        {
            var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            running = ps.BeginInvoke();
            return ps;
        }

        [Theory]
        [InlineData("Get-PolytomicConnectionType -Type stripe")]
        [InlineData("New-PolytomicConnection -Name 'Stopped create' -Type stripe -Configuration @{ api_key = 'sk' }")]
        [InlineData("Test-PolytomicConnection -Type stripe -Configuration @{ api_key = 'sk' }")]
        public void Stopping_while_the_type_schema_is_read_returns_long_before_the_reply(string script)
        {
            // The reply would come after 30 s; the stopped command must be back long before it could have.
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(30), Method = "GET", PathPrefix = SchemaPath });
            var before = SchemaReads;
            using var runspace = Open();
            using var ps = Start(runspace, $"$null = Connect-Polytomic -ApiKey '{SandboxFixture.ApiKey}' -BaseUrl '{sandbox.Server.BaseUrl}' -TimeoutSeconds 120\n{script}");
            var waited = Stopwatch.StartNew();
            while (ps.InvocationStateInfo.State == PSInvocationState.Running && SchemaReads == before && waited.Elapsed < TimeSpan.FromSeconds(20))
                Thread.Sleep(50);
            Assert.True(SchemaReads > before, "the schema was never requested");
            Thread.Sleep(300);
            Assert.Equal(PSInvocationState.Running, ps.InvocationStateInfo.State);
            var clock = Stopwatch.StartNew();
            ps.Stop();
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stop took {clock.Elapsed.TotalSeconds:0.0} s: it waited for the delayed reply");
        }

        [Fact]
        public void A_stopped_caller_leaves_a_shared_read_to_the_other_caller_and_one_request_serves_it()
        {
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(3), Method = "GET", PathPrefix = SchemaPath });
            using var a = Open();
            using var b = Open();
            var session = Ps.RunIn(a, "Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl", sandbox, connect: false).Output.Single().BaseObject;
            b.SessionStateProxy.SetVariable("S", session);
            var before = SchemaReads;
            using var first = Start(a, "Get-PolytomicConnectionType -Type stripe");
            Thread.Sleep(500);
            using var second = Start(b, "Get-PolytomicConnectionType -Type stripe -Session $S", out var running);
            Thread.Sleep(500);
            first.Stop();
            var fields = second.EndInvoke(running);
            Assert.Empty(second.Streams.Error);
            Assert.NotEmpty(fields);
            Assert.Equal(before + 1, SchemaReads);
        }

        [Fact]
        public void A_failed_read_is_not_cached_the_next_call_sends_a_request_and_succeeds()
        {
            sandbox.State.Faults.FailNext(503, count: 2, method: "GET", pathPrefix: SchemaPath);
            using var runspace = Open();
            var before = SchemaReads;
            var failed = Ps.RunIn(runspace, "$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -MaxRetries 1\nGet-PolytomicConnectionType -Type stripe", sandbox, connect: false);
            Assert.StartsWith("PolytomicApi.ServerError,", failed.SingleError().FullyQualifiedErrorId);
            Assert.Equal(before + 2, SchemaReads);

            var next = Ps.RunIn(runspace, "Get-PolytomicConnectionType -Type stripe", sandbox, connect: false);
            next.AssertSuccess();
            Assert.NotEmpty(next.Output);
            Assert.Equal(before + 3, SchemaReads);

            // Read once, then served from the cache.
            Ps.RunIn(runspace, "Get-PolytomicConnectionType -Type stripe", sandbox, connect: false).AssertSuccess();
            Assert.Equal(before + 3, SchemaReads);
        }

        [Fact]
        public void A_failed_completion_list_is_not_cached_the_next_tab_lists_again()
        {
            var name = "Tab retry " + Guid.NewGuid().ToString("N")[..6];
            using var runspace = Open();
            Ps.RunIn(runspace, $"$null = New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }}", sandbox).AssertSuccess();
            sandbox.State.Faults.FailNext(503, count: 1, method: "GET", pathPrefix: "/api/connections");
            const string tab = "(TabExpansion2 -inputScript 'Get-PolytomicConnection -Name Tab' -cursorColumn 33).CompletionMatches | ForEach-Object CompletionText";
            var failed = Ps.RunIn(runspace, "$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -MaxRetries 0\n" + tab, sandbox, connect: false);
            Assert.DoesNotContain(failed.Output, o => o.ToString() == "'" + name + "'");
            var next = Ps.RunIn(runspace, tab, sandbox, connect: false);
            Assert.Contains(next.Output, o => o.ToString() == "'" + name + "'");
        }
    }
}
