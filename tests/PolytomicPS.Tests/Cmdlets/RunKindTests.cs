using System.Diagnostics;
using System.Management.Automation;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Model-sync runs and bulk-sync runs behave alike (issue 24 item 1): each choice once per kind. Piped ids
    /// start a run, a 409 is {Kind}AlreadyRunning with the run in progress as its target, -Active:$false lists the
    /// inactive ones, -First/-Skip read no further page, a listing refreshes Tab completion, and -TimeoutSeconds ends a wait
    /// whose read hangs.</summary>
    public sealed class RunKindTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;

        public RunKindTests(SandboxFixture sandbox)
        {
            this.sandbox = sandbox;
            sandbox.State.Faults.Clear();
            sandbox.State.SyncRuns.RunsFor = TimeSpan.FromSeconds(30);
            sandbox.State.BulkSyncRuns.RunsFor = TimeSpan.FromSeconds(30);
        }

        /// <summary>Per kind: its cmdlet noun, its ErrorId prefix, the API path of its syncs and the sandbox store.</summary>
        private static (string Noun, string Prefix, string Path, string Store) Kind(string kind) => kind == "sync"
            ? ("PolytomicSync", "Sync", "/api/syncs/", "syncs")
            : ("PolytomicBulkSync", "BulkSync", "/api/bulk/syncs/", "bulk_syncs");

        /// <summary>A new sync of the kind (named as given); returns its id.</summary>
        private string NewSync(string kind, string name, string version = "2024-02-08")
        {
            var pre = kind == "sync" ? "" : "$null = $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05\n";
            var create = kind == "sync"
                ? $"$model | New-PolytomicSync -Name '{name}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency manual"
                : $"New-PolytomicBulkSync -Name '{name}' -Source $crm -Destination $sf -Mode replicate -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account";
            var r = Ps.Run(ModelSyncSetup.Setup + pre + "$made = " + create + "\n$made.Id", sandbox, version);
            r.AssertSuccess();
            return r.Output.Select(o => o.BaseObject).OfType<string>().Single();
        }

        private static Dictionary<string, object?> Id(string id) => new Dictionary<string, object?> { ["Id"] = id };

        [Theory]
        [InlineData("sync")]
        [InlineData("bulk")]
        public void A_piped_id_starts_a_run_and_a_second_start_is_AlreadyRunning_with_the_run_as_target(string kind)
        {
            var (noun, prefix, path, _) = Kind(kind);
            var id = NewSync(kind, ModelSyncSetup.Unique("piped"));
            var r = Ps.Run($"$first = $Id | Start-{noun}\n$first\n$Id | Start-{noun}", sandbox, variables: Id(id));

            var e = r.SingleError();
            Assert.StartsWith(prefix + "AlreadyRunning,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, e.CategoryInfo.Category);
            Assert.Contains("Add -Wait", e.ErrorDetails.RecommendedAction);
            var first = Assert.Single(r.Output).BaseObject;
            var target = e.TargetObject;
            Assert.Equal(first.GetType(), target.GetType());
            Assert.Equal(((dynamic)first).Id, ((dynamic)target).Id);
            Assert.Equal(id, ((dynamic)first).SyncId);
            var starts = sandbox.State.Requests.Where(x => x.Method == "POST" && x.Path == path + id + "/executions").Select(x => x.Status);
            Assert.Equal(new[] { 200, 409 }, starts);
        }

        [Theory]
        [InlineData("sync")]
        [InlineData("bulk")]
        public void Active_false_lists_only_the_inactive_ones(string kind)
        {
            var (noun, _, _, _) = Kind(kind);
            var on = NewSync(kind, ModelSyncSetup.Unique("on"));
            var off = NewSync(kind, ModelSyncSetup.Unique("off"));
            var r = Ps.Run($"Enable-{noun} -Id $On -Confirm:$false\nDisable-{noun} -Id $Off -Confirm:$false\n'---'\n(Get-{noun} -Active:$false).Id\n'---'\n(Get-{noun} -Active).Id", sandbox,
                variables: new Dictionary<string, object?> { ["On"] = on, ["Off"] = off });
            r.AssertSuccess();
            var text = r.Output.Select(o => o.ToString()).ToList();
            var inactive = text.SkipWhile(t => t != "---").Skip(1).TakeWhile(t => t != "---").ToList();
            var active = text.SkipWhile(t => t != "---").Skip(1).SkipWhile(t => t != "---").Skip(1).ToList();
            Assert.Contains(off, inactive);
            Assert.DoesNotContain(on, inactive);
            Assert.Contains(on, active);
            Assert.DoesNotContain(off, active);
        }

        [Theory]
        [InlineData("sync")]
        [InlineData("bulk")]
        public void First_and_Skip_take_runs_without_reading_further_pages(string kind)
        {
            var (noun, _, path, _) = Kind(kind);
            var id = NewSync(kind, ModelSyncSetup.Unique("first"));
            var seeded = RunHistory.Seed(sandbox.State, id, new string('C', 120), TimeSpan.FromMinutes(10));
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"(Get-{noun}Execution -SyncId $Id -Skip 1 -First 2).Id", sandbox, variables: Id(id));
            r.AssertSuccess();
            Assert.Equal(seeded.AsEnumerable().Reverse().Skip(1).Take(2), r.Output.Select(o => o.ToString()));
            Assert.Single(sandbox.State.Requests.Skip(before), x => x.Path == path + id + "/executions");
        }

        [Theory]
        [InlineData("sync")]
        [InlineData("bulk")]
        public void Listing_refreshes_Tab_completion(string kind)
        {
            var (noun, _, _, store) = Kind(kind);
            var tag = ModelSyncSetup.Unique("tab");
            var id = NewSync(kind, tag + "-old");
            // Renamed behind the module's back (another user, the web app): only a listing can tell.
            Action rename = () => sandbox.State.Store(store).Get(id)!["name"] = tag + "-new";
            var r = Ps.Run($@"
function Complete([string]$line) {{ (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText }}
Complete 'Get-{noun} -Name {tag}'
$Rename.Invoke()
Complete 'Get-{noun} -Name {tag}'
$null = Get-{noun}
Complete 'Get-{noun} -Name {tag}'", sandbox, variables: new Dictionary<string, object?> { ["Rename"] = rename });
            r.AssertSuccess();
            Assert.Equal(new[] { tag + "-old", tag + "-old", tag + "-new" }, r.Output.Select(o => o.ToString().Trim('\'')).ToArray());
        }

        [Theory]
        [InlineData("sync", "2024-02-08")]
        [InlineData("bulk", "2025-09-18")]
        public void TimeoutSeconds_ends_a_wait_whose_read_hangs_and_names_the_request(string kind, string version)
        {
            var (noun, prefix, path, _) = Kind(kind);
            var id = NewSync(kind, ModelSyncSetup.Unique("hang"), version);
            // Finding 4: the run's GET held for two minutes; a wait of 2 s must not wait for it (nor retry it).
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromMinutes(2), Method = "GET", PathPrefix = path + id, Count = 10 });
            var clock = Stopwatch.StartNew();
            var r = Ps.Run($"Start-{noun} -Id $Id -Wait -TimeoutSeconds 2", sandbox, version, variables: Id(id));
            clock.Stop();
            sandbox.State.Faults.Clear();

            var e = r.SingleError();
            Assert.StartsWith(prefix + "ExecutionTimeout,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            Assert.Contains($"(GET {path}{id}/executions/", e.Exception.Message);
            Assert.Contains("was canceled", e.Exception.Message);
            Assert.Equal(id, ((dynamic)e.TargetObject).SyncId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the wait took {clock.Elapsed} for a 2 s limit (the hung GET takes 120 s)");
        }

        [Theory]
        [InlineData("sync")]
        [InlineData("bulk")]
        public void The_wait_of_a_Wait_cmdlet_includes_finding_the_run(string kind)
        {
            var (noun, prefix, path, _) = Kind(kind);
            var id = NewSync(kind, ModelSyncSetup.Unique("find"));
            var hold = new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromMinutes(2), Method = "GET", PathPrefix = path + id, Count = 10 };
            var clock = new Stopwatch();
            Action arm = () => { sandbox.State.Faults.Add(hold); clock.Start(); };
            // Started, then the sync's GETs held: the lookup of its current run (GET …/status) is what hangs.
            var r = Ps.Run($"$null = $Id | Start-{noun}\n$Arm.Invoke()\nWait-{noun}Execution -SyncId $Id -TimeoutSeconds 2", sandbox,
                variables: new Dictionary<string, object?> { ["Id"] = id, ["Arm"] = arm });
            clock.Stop();
            sandbox.State.Faults.Clear();

            var e = r.SingleError();
            Assert.StartsWith(prefix + "ExecutionTimeout,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            Assert.Contains($"(GET {path}{id}/status", e.Exception.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the wait took {clock.Elapsed} for a 2 s limit (the held GET takes 120 s)");
        }
    }
}
