using System.IO;
using System.Management.Automation;
using Polytomic.Models;
using PolytomicPS.Host;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Waiting on bulk-sync runs: Start-PolytomicBulkSync -Wait and Wait-PolytomicBulkSyncExecution, on both API
    /// versions, against sandbox runs that move on its clock (shortened here) and fail on a "[fail]" name.</summary>
    public sealed class BulkSyncRunsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;

        public BulkSyncRunsTests(SandboxFixture sandbox)
        {
            this.sandbox = sandbox;
            sandbox.State.BulkSyncRuns.QueuedFor = TimeSpan.FromMilliseconds(100);
            sandbox.State.BulkSyncRuns.RunsFor = TimeSpan.FromMilliseconds(600);
        }

        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        /// <summary>A bulk sync of Account and Contact from a Salesforce source to a Snowflake destination.</summary>
        private PolytomicBulkSync NewSync(string version, string name)
        {
            var r = Ps.Run($@"
                $src = New-PolytomicConnection -Name '{Unique("src")}' -Type salesforce -Configuration @{{ domain = 'https://example.my.salesforce.com' }} -WarningAction SilentlyContinue
                $dst = New-PolytomicConnection -Name '{Unique("dst")}' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }}
                $null = $src, $dst | Wait-PolytomicConnection -PollIntervalSeconds 0.05
                New-PolytomicBulkSync -Name '{name}' -Source $src -Destination $dst -Mode replicate -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account, Contact",
                sandbox, version);
            r.AssertSuccess();
            return r.Single<PolytomicBulkSync>();
        }

        private static Dictionary<string, object?> Vars(PolytomicBulkSync sync) => new Dictionary<string, object?> { ["SyncId"] = sync.Id, ["Name"] = sync.Name };

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Start_Wait_returns_the_finished_run_with_per_schema_progress_named_after_the_sync(string version)
        {
            // Long enough a run that the poll's growing back-off cannot step over it on a busy machine.
            sandbox.State.BulkSyncRuns.RunsFor = TimeSpan.FromSeconds(2);
            var sync = NewSync(version, Unique("bulk"));
            var r = Ps.Run("Get-PolytomicBulkSync -Id $SyncId | Start-PolytomicBulkSync -Wait -PollIntervalSeconds 0.05", sandbox, version, variables: Vars(sync));
            r.AssertSuccess();
            var run = Assert.Single(r.All<PolytomicBulkSyncExecution>());
            Assert.Equal("completed", run.Status);
            Assert.Equal(sync.Id, run.SyncId);
            Assert.Equal(6600, run.RecordCount);

            var parent = r.Progress.First(p => p.ParentActivityId < 0);
            Assert.Equal($"Bulk sync '{sync.Name}' ({sync.Id.Substring(0, 8)}…): run {run.Id.Substring(0, 8)}…", parent.Activity);
            var schemas = r.Progress.Where(p => p.ParentActivityId == parent.ActivityId).ToList();
            Assert.Contains(schemas, p => p.Activity == "Schema Contact" && p.StatusDescription.StartsWith("running: ") && p.StatusDescription.EndsWith(" records"));
            Assert.Contains(schemas, p => p.Activity == "Schema Account");
            Assert.All(r.Progress.GroupBy(p => p.ActivityId), g => Assert.Equal(ProgressRecordType.Completed, g.Last().RecordType));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_failing_run_is_an_error_carrying_the_execution(string version)
        {
            var sync = NewSync(version, Unique("bulk [fail]"));
            var r = Ps.Run("Start-PolytomicBulkSync -Id $SyncId -Wait -PollIntervalSeconds 0.05", sandbox, version, variables: Vars(sync));
            var e = r.SingleError();
            Assert.Equal("BulkSyncExecutionFailed,PolytomicPS.Commands.StartPolytomicBulkSyncCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, e.CategoryInfo.Category);
            var failed = Assert.IsType<PolytomicBulkSyncExecution>(e.TargetObject);
            Assert.Equal("failed", failed.Status);
            Assert.All(failed.Schemas, s => Assert.Equal("failed", s.Status));
            Assert.Contains(BulkSyncRuns.FailureMessage, e.Exception.Message);
            Assert.Contains("Account", e.Exception.Message);
            Assert.NotNull(e.ErrorDetails?.RecommendedAction);
            Assert.Equal("failed", r.Single<PolytomicBulkSyncExecution>().Status);

            var stop = Ps.Run("Start-PolytomicBulkSync -Id $SyncId -Wait -PollIntervalSeconds 0.05 -ErrorAction Stop; 'not reached'", sandbox, version, variables: Vars(sync));
            Assert.NotNull(stop.Thrown);
            Assert.DoesNotContain(stop.Output, o => "not reached".Equals(o.BaseObject));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Wait_takes_executions_from_the_pipeline_and_a_canceled_run_is_an_error(string version)
        {
            var sync = NewSync(version, Unique("bulk"));
            var r = Ps.Run(@"
                Start-PolytomicBulkSync -Id $SyncId | Wait-PolytomicBulkSyncExecution -PollIntervalSeconds 0.05 -PassThru
                $run = Start-PolytomicBulkSync -Id $SyncId
                Stop-PolytomicBulkSync -SyncId $SyncId -Confirm:$false
                $run | Wait-PolytomicBulkSyncExecution -PollIntervalSeconds 0.05", sandbox, version, variables: Vars(sync));
            Assert.Equal("completed", r.Single<PolytomicBulkSyncExecution>().Status);
            var e = r.SingleError();
            Assert.Equal("BulkSyncExecutionCanceled,PolytomicPS.Commands.WaitPolytomicBulkSyncExecutionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationStopped, e.CategoryInfo.Category);
            Assert.Equal("canceled", Assert.IsType<PolytomicBulkSyncExecution>(e.TargetObject).Status);
        }

        [Fact]
        public void Wait_for_a_sync_alone_takes_its_last_run_and_one_that_never_ran_is_NoBulkSyncExecution()
        {
            var sync = NewSync("2024-02-08", Unique("bulk"));
            var none = Ps.Run("Wait-PolytomicBulkSyncExecution -SyncId $SyncId", sandbox, variables: Vars(sync));
            Assert.Equal("NoBulkSyncExecution,PolytomicPS.Commands.WaitPolytomicBulkSyncExecutionCommand", none.SingleError().FullyQualifiedErrorId);

            var r = Ps.Run(@"$null = Start-PolytomicBulkSync -Id $SyncId
                Get-PolytomicBulkSync -Id $SyncId | Wait-PolytomicBulkSyncExecution -PollIntervalSeconds 0.05 -PassThru", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            Assert.Equal("completed", r.Single<PolytomicBulkSyncExecution>().Status);
        }

        [Fact]
        public void A_run_still_going_after_the_timeout_is_BulkSyncExecutionTimeout()
        {
            var sync = NewSync("2025-09-18", Unique("bulk"));
            sandbox.State.BulkSyncRuns.RunsFor = TimeSpan.FromMinutes(10);
            try
            {
                var r = Ps.Run("Start-PolytomicBulkSync -Id $SyncId | Wait-PolytomicBulkSyncExecution -TimeoutSeconds 1 -PollIntervalSeconds 0.1 -PassThru",
                    sandbox, "2025-09-18", variables: Vars(sync));
                var e = r.SingleError();
                Assert.Equal("BulkSyncExecutionTimeout,PolytomicPS.Commands.WaitPolytomicBulkSyncExecutionCommand", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
                Assert.Equal("running", r.Single<PolytomicBulkSyncExecution>().Status);
            }
            finally
            {
                sandbox.State.BulkSyncRuns.RunsFor = TimeSpan.FromMilliseconds(600);
                sandbox.State.Clock.Advance(TimeSpan.FromMinutes(11));
            }
        }

        [Fact]
        public void Start_Wait_on_a_running_sync_waits_for_that_run_and_WhatIf_names_the_sync()
        {
            var sync = NewSync("2024-02-08", Unique("bulk"));
            var r = Ps.Run(@"$first = Start-PolytomicBulkSync -Id $SyncId
                $waited = Start-PolytomicBulkSync -Id $SyncId -Wait -PollIntervalSeconds 0.05
                $first.Id -eq $waited.Id
                $waited.Status", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            Assert.Equal(new object[] { true, "completed" }, r.Output.Select(o => o.BaseObject).ToArray());

            // -WhatIf speaks through the host, so this runspace gets one that keeps what it is told.
            var before = sandbox.State.Requests.Count(x => x.Method == "POST");
            var said = new StringWriter();
            using (var runspace = ScriptRunner.OpenRunspace(new ConsoleHost(said, new StringWriter(), interactive: false, width: 250), ScriptRunner.FindModuleManifest()))
                Ps.RunIn(runspace, "Get-PolytomicBulkSync -Id $SyncId | Start-PolytomicBulkSync -WhatIf", sandbox, variables: Vars(sync)).AssertSuccess();
            Assert.Contains($"on target \"Bulk sync '{sync.Name}' ({sync.Id.Substring(0, 8)}…)\"", said.ToString());
            Assert.Equal(before, sandbox.State.Requests.Count(x => x.Method == "POST"));
        }

        // A Snowflake warehouse and a Salesforce CRM whose schema caches are ready.
        private const string ReadyConnections = @"
            $sf = New-PolytomicConnection -Name 'Gap SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
            $crm = New-PolytomicConnection -Name 'Gap CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
            $null = $sf, $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
";

        [Fact]
        public void The_status_of_every_bulk_sync_comes_in_one_call()
        {
            var r = Ps.Run(ReadyConnections + @"
                $bulk = New-PolytomicBulkSync -Name 'Gap status' -Source $crm -Destination $sf -Mode replicate -Schema Account `
                    -DestinationConfiguration @{ schema = 'GAP' } -Frequency manual
                $null = $bulk | Start-PolytomicBulkSync
                Get-PolytomicBulkSyncStatus -All", sandbox);
            r.AssertSuccess();
            var all = r.All<PolytomicBulkSyncStatusSummary>();
            Assert.NotEmpty(all);
            Assert.Contains(all, x => x.Status != null && x.SchemaCount == 1);
            Assert.Contains(sandbox.State.Requests, x => x.Path == "/api/bulk/syncs/status" && x.Query == "?all=true");

            var bad = Ps.Run("Get-PolytomicBulkSyncStatus -All -Active", sandbox);
            Assert.StartsWith("AmbiguousParameterSet,", bad.SingleError().FullyQualifiedErrorId);
        }
    }
}
