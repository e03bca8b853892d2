using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Polytomic.Models;
using PolytomicPS.Host;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>One session shared by a RunspacePool (as ForEach-Object -Parallel or ThreadJob would use it).</summary>
    public sealed class ConcurrencyTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ConcurrencyTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Fact]
        public void Eight_runspaces_share_one_session_without_losing_or_duplicating_anything() => CreateInParallel(400, "parallel-");

        [Fact]
        public void Under_a_rate_limit_the_shared_session_paces_itself_and_nothing_fails_or_duplicates()
        {
            sandbox.State.RateLimit.PerSecond = 150;
            try
            {
                CreateInParallel(300, "limited-");
                // The session holds every runspace back after a 429, so only a few requests meet the limit.
                Assert.InRange(sandbox.State.RateLimit.Rejected, 1, 100);
            }
            finally { sandbox.State.RateLimit.PerSecond = null; }
        }

        [Fact]
        public void Eight_runspaces_create_and_start_500_syncs_on_one_session_with_nothing_lost_or_doubled()
        {
            var setup = Ps.Run(@"
                $sf = New-PolytomicConnection -Name 'Fan SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
                $crm = New-PolytomicConnection -Name 'Fan CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
                $null = $sf, $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
                Get-PolytomicSession
                $sf | New-PolytomicModel -Name 'Fan model' -Query 'SELECT email, first_name FROM users'
                $crm", sandbox);
            setup.AssertSuccess();
            var (session, model, crm) = (setup.Output[0].BaseObject, setup.Output[1].BaseObject, setup.Output[2].BaseObject);

            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { ScriptRunner.FindModuleManifest() });
            using var pool = RunspaceFactory.CreateRunspacePool(iss);
            pool.SetMinRunspaces(8);
            pool.SetMaxRunspaces(8);
            pool.Open();
            const int total = 500;
            var runs = Enumerable.Range(0, 8).Select(w =>
            {
                var ps = PowerShell.Create();
                ps.RunspacePool = pool;
                ps.AddScript(@"param($s, $model, $crm, $w)
                    for ($i = $w; $i -lt 500; $i += 8) {
                        $model | New-PolytomicSync -Session $s -Name ""fan-$i"" -Target $crm -Object Contact -Mode create `
                            -Identity @{ email = 'Email' } -IdentityFunction Equality -Field @{ first_name = 'FirstName' } -Frequency manual |
                            Start-PolytomicSync -Session $s
                    }").AddArgument(session).AddArgument(model).AddArgument(crm).AddArgument(w);
                return (ps, handle: ps.BeginInvoke());
            }).ToList();

            var executions = new List<PSObject>();
            foreach (var (ps, handle) in runs)
            {
                executions.AddRange(ps.EndInvoke(handle));
                Assert.True(ps.Streams.Error.Count == 0, string.Join(" | ", ps.Streams.Error));
                ps.Dispose();
            }

            var syncs = sandbox.State.Store("syncs").All().Where(x => ((string?)x["name"])!.StartsWith("fan-")).ToList();
            Assert.Equal(total, syncs.Count);
            Assert.Equal(Enumerable.Range(0, total).Select(i => "fan-" + i).OrderBy(x => x), syncs.Select(x => (string)x["name"]!).OrderBy(x => x));
            Assert.Equal(total, executions.Count);
            Assert.Equal(total, executions.Select(e => e.Properties["Id"].Value).Distinct().Count());
            Assert.All(syncs, x => Assert.Single(sandbox.State.SyncRuns.Of((string)x["id"]!)));
        }

        private void CreateInParallel(int total, string prefix)
        {
            var session = Ps.Run("Get-PolytomicSession", sandbox).Output.Single().BaseObject;
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { ScriptRunner.FindModuleManifest() });
            using var pool = RunspaceFactory.CreateRunspacePool(iss);
            pool.SetMinRunspaces(1);
            pool.SetMaxRunspaces(8);
            pool.Open();

            var runs = Enumerable.Range(0, total).Select(i =>
            {
                var ps = PowerShell.Create();
                ps.RunspacePool = pool;
                // -Force: the names are unique, and the figure is about the creates (not the name check's list call).
                ps.AddScript("param($s, $i, $p) New-PolytomicConnection -Session $s -Name \"$p$i\" -Type stripe -Configuration @{ api_key = 'sk' } -Force")
                  .AddArgument(session).AddArgument(i).AddArgument(prefix);
                return (ps, handle: ps.BeginInvoke());
            }).ToList();

            var created = new List<PolytomicConnection>();
            foreach (var (ps, handle) in runs)
            {
                var output = ps.EndInvoke(handle);
                Assert.Empty(ps.Streams.Error);
                created.AddRange(output.Select(o => (PolytomicConnection)o.BaseObject));
                ps.Dispose();
            }

            Assert.Equal(total, created.Count);
            Assert.Equal(total, created.Select(c => c.Id).Distinct().Count());
            var stored = sandbox.State.Connections.All().Where(c => ((string?)c["name"])!.StartsWith(prefix)).ToList();
            Assert.Equal(total, stored.Count);
            Assert.Equal(Enumerable.Range(0, total).Select(i => prefix + i).OrderBy(x => x), stored.Select(c => (string)c["name"]!).OrderBy(x => x));
        }
    }
}
