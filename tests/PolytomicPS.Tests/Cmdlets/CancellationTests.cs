using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using Polytomic.Models;
using Polytomic.Sandbox;
using PolytomicPS.Host;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Ctrl+C (stopping the pipeline) ends a wait, a request or a retry back-off at once.</summary>
    public sealed class CancellationTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public CancellationTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private TimeSpan StopAfterStart(string script, TimeSpan runFor)
        {
            using var runspace = ScriptRunner.OpenRunspace(null, ScriptRunner.FindModuleManifest());
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript($"$null = Connect-Polytomic -ApiKey '{SandboxFixture.ApiKey}' -BaseUrl '{sandbox.Server.BaseUrl}' -TimeoutSeconds 120\n" + script);
            var running = ps.BeginInvoke();
            Thread.Sleep(runFor);
            Assert.False(running.IsCompleted, "the script ended before it could be stopped");
            var clock = Stopwatch.StartNew();
            ps.Stop();
            clock.Stop();
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            return clock.Elapsed;
        }

        private string SlowConnection()
        {
            var c = Ps.Run("New-PolytomicConnection -Name 'Slow cache' -Type stripe -Configuration @{ api_key = 'sk' }", sandbox).Single<PolytomicConnection>();
            sandbox.State.Connections.Get(c.Id)!["_cache_ready_at"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o");
            return c.Id;
        }

        [Fact]
        public void Stopping_a_wait_returns_within_a_second()
        {
            var id = SlowConnection();
            var took = StopAfterStart($"Wait-PolytomicConnection -Id '{id}' -PollIntervalSeconds 5", TimeSpan.FromMilliseconds(700));
            Assert.True(took < TimeSpan.FromSeconds(1), $"stop took {took.TotalMilliseconds} ms");
        }

        [Fact]
        public void Stopping_during_a_retry_back_off_returns_within_a_second()
        {
            sandbox.State.Faults.FailNext(429, count: 1, retryAfter: "30", method: "GET", pathPrefix: "/api/connection_types");
            var took = StopAfterStart("Get-PolytomicConnectionType", TimeSpan.FromMilliseconds(700));
            sandbox.State.Faults.Clear();
            Assert.True(took < TimeSpan.FromSeconds(1), $"stop took {took.TotalMilliseconds} ms");
        }

        [Fact]
        public void Stopping_during_a_slow_request_returns_within_a_second()
        {
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(30), Method = "GET", PathPrefix = "/api/connections" });
            var took = StopAfterStart("Get-PolytomicConnection", TimeSpan.FromMilliseconds(700));
            Assert.True(took < TimeSpan.FromSeconds(1), $"stop took {took.TotalMilliseconds} ms");
        }

        [Fact]
        public void A_response_slower_than_the_attempt_timeout_is_retried_then_succeeds()
        {
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(5), Method = "GET", PathPrefix = "/api/connection_types", Count = 1 });
            var r = Ps.Run("$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -TimeoutSeconds 1 -MaxRetries 2\nGet-PolytomicConnectionType -Name stripe -Verbose", sandbox, connect: false);
            r.AssertSuccess();
            Assert.Equal("stripe", r.Single<PolytomicConnectionType>().Id);
            Assert.Contains(r.Verbose, v => v.Message.StartsWith("GET /api/connection_types: no answer within 1 s; retrying"));
        }

        [Fact]
        public void Persistent_timeouts_end_in_an_operation_timeout_error()
        {
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(3), Method = "GET", PathPrefix = "/api/connection_types", Count = 2 });
            var r = Ps.Run("$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -TimeoutSeconds 1 -MaxRetries 1\nGet-PolytomicConnectionType", sandbox, connect: false);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.Timeout,PolytomicPS.Commands.GetPolytomicConnectionTypeCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
        }
    }
}
