using System.Diagnostics;
using System.Management.Automation;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Every wait ends at its timeout, the read in flight included (issue 23 item 4): each poll's GET held for
    /// two minutes, a 2 s limit ends the wait with its timeout error naming the request it canceled.</summary>
    public sealed class WaitTimeoutTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public WaitTimeoutTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        [Theory]
        [InlineData("Wait-PolytomicJob -Type createmodel -Id 0f7c9a4e-2b1d-4c3e-8f5a-6d7e8f9a0b1c -TimeoutSeconds 2", "/api/jobs/", "PolytomicJobTimeout")]
        [InlineData("$sf | Invoke-PolytomicQuery -Query 'select id from public.users' -TimeoutSeconds 2", "/api/queries/", "QueryTimeout")]
        [InlineData("$crm | Wait-PolytomicConnection -TimeoutSeconds 2", "/api/connections/", "SchemaCacheTimeout")]
        public void A_poll_whose_read_hangs_ends_at_its_timeout(string command, string path, string errorId)
        {
            var setup = ModelSyncSetup.Setup;
            var clock = new Stopwatch();
            var hold = new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromMinutes(2), Method = "GET", PathPrefix = path, Count = 10 };
            Action arm = () => { sandbox.State.Faults.Add(hold); clock.Start(); };
            var r = Ps.Run(setup + "$Arm.Invoke()\n" + command, sandbox, variables: new Dictionary<string, object?> { ["Arm"] = arm });
            clock.Stop();
            sandbox.State.Faults.Clear();

            var e = r.SingleError();
            Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            Assert.Contains("(GET " + path, e.Exception.Message);
            Assert.Contains("was canceled", e.Exception.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the wait took {clock.Elapsed} for a 2 s limit (the held GET takes 120 s)");
        }
    }
}
