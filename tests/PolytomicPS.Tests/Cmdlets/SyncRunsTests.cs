using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading;
using Polytomic.Models;
using Polytomic.Sandbox;
using PolytomicPS.Host;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Running, watching and auditing model syncs: start, wait, cancel, executions, status, logs, console logs,
    /// events, jobs. Runs here are short (sandbox timings set per test) so waits take real, brief time.</summary>
    public sealed class SyncRunsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        private SyncRuns Runs => sandbox.State.SyncRuns;

        public SyncRunsTests(SandboxFixture sandbox)
        {
            this.sandbox = sandbox;
            Runs.QueuedAfter = TimeSpan.FromMilliseconds(50);
            Runs.StartsAfter = TimeSpan.FromMilliseconds(100);
            Runs.RunsFor = TimeSpan.FromMilliseconds(500);
        }

        private const string Setup = @"
$sf = New-PolytomicConnection -Name ('sf-' + [guid]::NewGuid()) -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' } |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Name ('crm-' + [guid]::NewGuid()) -Type salesforce -Configuration @{ domain = 'https://x.my.salesforce.com' } -WarningAction SilentlyContinue
$model = $sf | New-PolytomicModel -Name 'Users' -Table PUBLIC.users
";

        private PolytomicSync NewSync(string name = "Users to CRM", string version = "2024-02-08")
        {
            var r = Ps.Run(Setup + $"$model | New-PolytomicSync -Name '{name}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} " +
                           "-Field @{ first_name = 'FirstName' } -Frequency manual", sandbox, version);
            r.AssertSuccess();
            return r.Single<PolytomicSync>();
        }

        private Dictionary<string, object?> Vars(PolytomicSync sync) =>
            new Dictionary<string, object?> { ["SyncId"] = sync.Id, ["Clock"] = sandbox.State.Clock };

        private static void AssertError(PsResult r, string errorId, ErrorCategory category)
        {
            var e = r.SingleError();
            Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
        }

        // ------------------------------------------------------------------ start and wait

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Start_and_wait_ends_completed_with_counts_and_shows_progress(string version)
        {
            // Long enough a run that the poll's growing back-off cannot step over it on a busy machine.
            Runs.RunsFor = TimeSpan.FromSeconds(2);
            var sync = NewSync(version: version);
            var r = Ps.Run("Start-PolytomicSync -Id $SyncId -Wait -PollIntervalSeconds 0.05", sandbox, version, variables: Vars(sync));
            r.AssertSuccess();
            var run = r.Single<PolytomicSyncExecution>();
            Assert.Equal("completed", run.Status);
            Assert.Equal(sync.Id, run.SyncId);
            Assert.Equal(120, run.Counts!.Total);
            Assert.Equal(120, run.Counts.Insert);
            Assert.Equal(0, run.Counts.Error);
            Assert.NotNull(run.CompletedAt);
            var start = Assert.Single(sandbox.State.Requests, x => x.Method == "POST" && x.Path == $"/api/syncs/{sync.Id}/executions");
            Assert.Equal("{}", start.Body);
            Assert.Contains(r.Progress, p => p.StatusDescription != null && p.StatusDescription.StartsWith("running: "));
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
        }

        [Fact]
        public void Test_runs_and_identities_send_the_api_body_and_resync_with_test_is_refused()
        {
            var sync = NewSync();
            var r = Ps.Run("Start-PolytomicSync $SyncId -Test -Identities 'a@example.com', 'b@example.com' -Wait -PollIntervalSeconds 0.05", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            Assert.Equal(10, r.Single<PolytomicSyncExecution>().Counts!.Total);
            var body = sandbox.State.Requests.Single(x => x.Method == "POST" && x.Path == $"/api/syncs/{sync.Id}/executions").Json;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(@"{""test"":true,""identities"":[""a@example.com"",""b@example.com""]}"), body), body?.ToJsonString());

            var bad = Ps.Run("Start-PolytomicSync $SyncId -Test -Resync", sandbox, variables: Vars(sync));
            AssertError(bad, "ConflictingParameters", ErrorCategory.InvalidArgument);
        }

        [Fact]
        public void A_failing_run_is_an_error_record_carrying_the_execution()
        {
            var sync = NewSync("Users to CRM [fail]");
            var r = Ps.Run("$sync = Get-PolytomicSync -Id $SyncId; $sync | Start-PolytomicSync -Wait -PollIntervalSeconds 0.05", sandbox, variables: Vars(sync));
            AssertError(r, "SyncExecutionFailed", ErrorCategory.InvalidResult);
            var run = Assert.IsType<PolytomicSyncExecution>(r.SingleError().TargetObject);
            Assert.Equal("failed", run.Status);
            Assert.Contains("INVALID_FIELD", Assert.Single(run.Errors!));
            Assert.True(run.Counts!.Error > 0);
            Assert.Contains("INVALID_FIELD", r.SingleError().Exception.Message);

            // Waiting for it again tells the same story; -PassThru also outputs it.
            var again = Ps.Run($"Wait-PolytomicSyncExecution -SyncId $SyncId -ExecutionId '{run.Id}' -PassThru", sandbox, variables: Vars(sync));
            AssertError(again, "SyncExecutionFailed", ErrorCategory.InvalidResult);
            Assert.Equal("failed", again.Single<PolytomicSyncExecution>().Status);
        }

        [Fact]
        public void A_run_with_record_errors_completes_with_a_warning()
        {
            var sync = NewSync("Users to CRM [errors]");
            var r = Ps.Run("Start-PolytomicSync $SyncId -Wait -PollIntervalSeconds 0.05", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            Assert.Equal(12, r.Single<PolytomicSyncExecution>().Counts!.Error);
            Assert.Contains(r.Warnings, w => w.Message.Contains("12 record error(s)"));
        }

        [Fact]
        public void Starting_a_running_sync_is_SyncAlreadyRunning_or_with_Wait_waits_for_the_running_one()
        {
            Runs.RunsFor = TimeSpan.FromSeconds(2);
            var sync = NewSync();
            var r = Ps.Run(@"$first = Start-PolytomicSync $SyncId
Start-PolytomicSync $SyncId
$waited = Start-PolytomicSync $SyncId -Wait -PollIntervalSeconds 0.05
$first, $waited", sandbox, variables: Vars(sync));
            AssertError(r, "SyncAlreadyRunning", ErrorCategory.ResourceBusy);
            var runs = r.All<PolytomicSyncExecution>();
            Assert.Equal(2, runs.Count);
            Assert.Equal(runs[0].Id, runs[1].Id);
            Assert.Equal("completed", runs[1].Status);
            Assert.Equal(runs[0].Id, Assert.IsType<PolytomicSyncExecution>(r.SingleError().TargetObject).Id);
            Assert.Contains("Add -Wait", r.SingleError().ErrorDetails.RecommendedAction);
            var starts = sandbox.State.Requests.Where(x => x.Method == "POST" && x.Path == $"/api/syncs/{sync.Id}/executions").Select(x => x.Status).ToList();
            Assert.Equal(new[] { 200, 409, 409 }, starts);
            Assert.Single(Runs.Of(sync.Id));
        }

        [Fact]
        public void WhatIf_starts_nothing()
        {
            var sync = NewSync();
            Ps.Run("Start-PolytomicSync $SyncId -WhatIf", sandbox, variables: Vars(sync)).AssertSuccess();
            Assert.Empty(Runs.Of(sync.Id));
        }

        // ------------------------------------------------------------------ cancel

        [Fact]
        public void Cancel_mid_run_ends_canceled_with_partial_counts()
        {
            Runs.RunsFor = TimeSpan.FromMinutes(10);
            var sync = NewSync();
            var r = Ps.Run(@"$run = Start-PolytomicSync $SyncId
$Clock.Advance([TimeSpan]::FromMinutes(5))
Get-PolytomicSyncStatus $SyncId
Stop-PolytomicSync -SyncId $SyncId
$run | Wait-PolytomicSyncExecution -PollIntervalSeconds 0.05 -PassThru", sandbox, variables: Vars(sync));
            AssertError(r, "SyncExecutionCanceled", ErrorCategory.OperationStopped);
            Assert.Equal("running", r.Single<PolytomicSyncStatus>().CurrentExecution!.Status);
            var run = r.Single<PolytomicSyncExecution>();
            Assert.Equal("canceled", run.Status);
            Assert.InRange(run.Counts!.Total ?? 0, 50, 70);
            Assert.Single(sandbox.State.Requests, x => x.Method == "POST" && x.Path == $"/api/syncs/{sync.Id}/cancel");
        }

        [Theory]
        [InlineData("2025-09-18")]
        [InlineData("2024-02-08")]
        public void Stopping_one_piped_execution_is_a_2025_route(string version)
        {
            Runs.RunsFor = TimeSpan.FromMinutes(10);
            var sync = NewSync(version: version);
            var r = Ps.Run("Start-PolytomicSync $SyncId | Stop-PolytomicSync -Confirm:$false", sandbox, version, variables: Vars(sync));
            var run = Assert.Single(Runs.Of(sync.Id));
            if (version == "2025-09-18")
            {
                r.AssertSuccess();
                Assert.Single(sandbox.State.Requests, x => x.Method == "POST" && x.Path == $"/api/syncs/{sync.Id}/executions/{run.Id}/cancel");
                Assert.NotNull(run.CancelAt);
            }
            else
            {
                AssertError(r, "ApiVersionNotSupported", ErrorCategory.NotImplemented);
                Assert.Contains("2025-09-18", r.SingleError().Exception.Message);
                Assert.DoesNotContain(sandbox.State.Requests, x => x.Path.EndsWith("/cancel", StringComparison.Ordinal) && x.Path.Contains(sync.Id));
                Assert.Null(run.CancelAt);
            }
        }

        [Fact]
        public void Stopping_the_pipeline_during_a_wait_returns_within_a_second()
        {
            Runs.RunsFor = TimeSpan.FromHours(1);
            var sync = NewSync();
            Ps.Run("$null = Start-PolytomicSync $SyncId", sandbox, variables: Vars(sync)).AssertSuccess();
            using var runspace = ScriptRunner.OpenRunspace(null, ScriptRunner.FindModuleManifest());
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript($"$null = Connect-Polytomic -ApiKey '{SandboxFixture.ApiKey}' -BaseUrl '{sandbox.Server.BaseUrl}'\n" +
                         $"Wait-PolytomicSyncExecution -SyncId '{sync.Id}' -PollIntervalSeconds 5");
            var running = ps.BeginInvoke();
            Thread.Sleep(1000);
            Assert.False(running.IsCompleted, "the wait ended before it could be stopped");
            var clock = Stopwatch.StartNew();
            ps.Stop();
            clock.Stop();
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stop took {clock.Elapsed.TotalMilliseconds} ms");
        }

        [Fact]
        public void A_wait_that_runs_out_of_time_is_a_timeout_error_with_the_execution()
        {
            Runs.RunsFor = TimeSpan.FromHours(1);
            var sync = NewSync();
            var r = Ps.Run("Start-PolytomicSync $SyncId | Wait-PolytomicSyncExecution -TimeoutSeconds 1 -PollIntervalSeconds 0.1", sandbox, variables: Vars(sync));
            AssertError(r, "SyncExecutionTimeout", ErrorCategory.OperationTimeout);
            Assert.Equal("running", Assert.IsType<PolytomicSyncExecution>(r.SingleError().TargetObject).Status);
        }

        // ------------------------------------------------------------------ executions, paging, status

        [Fact]
        public void Paging_streams_every_execution_once_in_order_across_pages()
        {
            var sync = NewSync();
            var seeded = Runs.Seed(sandbox.State, sync.Id, 230);
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run("Get-PolytomicSyncExecution $SyncId; '---'; Get-PolytomicSyncExecution $SyncId -Ascending -OnlyCompleted", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            var newestFirst = r.Output.TakeWhile(o => !"---".Equals(o.BaseObject)).Select(o => (PolytomicSyncExecution)o.BaseObject).ToList();
            var ascending = r.Output.SkipWhile(o => !"---".Equals(o.BaseObject)).Skip(1).Select(o => (PolytomicSyncExecution)o.BaseObject).ToList();
            Assert.Equal(seeded.Select(x => x.Id).Reverse(), newestFirst.Select(x => x.Id));
            Assert.Equal(seeded.Select(x => x.Id), ascending.Select(x => x.Id));
            Assert.Equal(23, newestFirst.Count(x => x.Status == "failed"));
            var pages = sandbox.State.Requests.Skip(before).Where(x => x.Path == $"/api/syncs/{sync.Id}/executions").ToList();
            Assert.Equal(10, pages.Count);
            Assert.All(pages, p => Assert.Equal(200, p.Status));
        }

        [Fact]
        public void A_page_that_fails_mid_stream_keeps_what_came_before_and_asks_for_nothing_after()
        {
            var sync = NewSync();
            var seeded = Runs.Seed(sandbox.State, sync.Id, 230);
            var path = $"/api/syncs/{sync.Id}/executions";
            var before = sandbox.State.Requests.Count;
            sandbox.State.Faults.Add(new Fault { Status = 400, Body = @"{""message"":""bad page token""}", ContentType = "application/json", Method = "GET", PathPrefix = path, Skip = 2 });
            var r = Ps.Run("Get-PolytomicSyncExecution $SyncId", sandbox, variables: Vars(sync));
            sandbox.State.Faults.Clear();
            Assert.Equal(seeded.Select(x => x.Id).Reverse().Take(100), r.All<PolytomicSyncExecution>().Select(x => x.Id));
            AssertError(r, "PolytomicApi.BadRequest", ErrorCategory.InvalidArgument);
            Assert.Contains("bad page token", r.SingleError().Exception.Message);
            Assert.Equal(3, sandbox.State.Requests.Skip(before).Count(x => x.Path == path));
        }

        [Fact]
        public void First_five_fetches_one_page_only()
        {
            var sync = NewSync();
            var seeded = Runs.Seed(sandbox.State, sync.Id, 300);
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run("Get-PolytomicSyncExecution $SyncId -First 5", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            Assert.Equal(seeded.Select(x => x.Id).Reverse().Take(5), r.All<PolytomicSyncExecution>().Select(x => x.Id));
            Assert.Single(sandbox.State.Requests.Skip(before), x => x.Path.StartsWith("/api/syncs/", StringComparison.Ordinal));
        }

        [Fact]
        public void Twenty_thousand_executions_seed_and_page_from_deep_inside()
        {
            var sync = NewSync();
            var seeded = sandbox.State.SeedSyncExecutions(sync.Id, 20000);
            Assert.Equal(20000, seeded.Count);
            var r = Ps.Run("Get-PolytomicSyncExecution $SyncId -Skip 100 -First 2; Get-PolytomicSyncStatus $SyncId", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            Assert.Equal(seeded.Select(x => x.Id).Reverse().Skip(100).Take(2), r.All<PolytomicSyncExecution>().Select(x => x.Id));
            Assert.Equal(seeded[^1].Id, r.Single<PolytomicSyncStatus>().LastExecution!.Id);
        }

        [Fact]
        public void Executions_by_id_and_the_2024_status_put()
        {
            Runs.RunsFor = TimeSpan.FromHours(1);
            var sync = NewSync();
            var r = Ps.Run(@"$run = Start-PolytomicSync $SyncId
$run
Get-PolytomicSyncExecution $SyncId -Id $run.Id
$run | Set-PolytomicSyncExecution -Status failed -PassThru -Confirm:$false", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            var runs = r.All<PolytomicSyncExecution>();
            Assert.Equal(3, runs.Count);
            Assert.Equal(runs[0].Id, runs[1].Id);
            Assert.Equal("failed", runs[2].Status);
            var put = Assert.Single(sandbox.State.Requests, x => x.Method == "PUT" && x.Path == $"/api/syncs/{sync.Id}/executions/{runs[0].Id}");
            Assert.Equal(@"{""status"":""failed""}", put.Body);
            Assert.Equal("failed", Runs.Get(runs[0].Id)!.Override);

            var v25 = Ps.Run($"Set-PolytomicSyncExecution -SyncId $SyncId -ExecutionId '{runs[0].Id}' -Status completed -Confirm:$false", sandbox, "2025-09-18", variables: Vars(sync));
            AssertError(v25, "ApiVersionNotSupported", ErrorCategory.NotImplemented);
        }

        // ------------------------------------------------------------------ logs

        [Fact]
        public void Log_download_writes_the_files_without_sending_the_api_key()
        {
            var sync = NewSync("Users to CRM [errors]");
            var dir = Path.Combine(Path.GetTempPath(), "polytomicps-logs-" + Guid.NewGuid().ToString("N"));
            try
            {
                var r = Ps.Run($@"$run = Start-PolytomicSync $SyncId -Wait -PollIntervalSeconds 0.05 -WarningAction SilentlyContinue
$run | Get-PolytomicSyncLog -Type records -OutFile '{dir}'
$run | Get-PolytomicSyncLog -Type errors -OutFile '{dir}/errors.jsonl'
$run | Get-PolytomicSyncLog -Type deletes", sandbox, variables: Vars(sync));
                r.AssertSuccess();
                var files = r.All<FileInfo>();
                Assert.Equal(new[] { "records-0001.json", "records-0002.json", "errors.jsonl" }, files.Select(f => f.Name));
                Assert.Equal(100, File.ReadAllLines(Path.Combine(dir, "records-0001.json")).Length);
                Assert.Equal(20, File.ReadAllLines(Path.Combine(dir, "records-0002.json")).Length);
                var errors = File.ReadAllLines(Path.Combine(dir, "errors.jsonl"));
                Assert.Equal(12, errors.Length);
                Assert.Contains("INVALID_EMAIL_ADDRESS", errors[0]);
                Assert.Empty(r.Single<PolytomicSyncLog>().Urls);
                var downloads = Runs.Downloads.Where(d => d.Path.Contains(sync.Id)).ToList();
                Assert.Equal(3, downloads.Count);
                Assert.All(downloads, d => Assert.False(d.HadAuthorization));
                Assert.Empty(Directory.GetFiles(dir, "*.download"));
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Console_logs_page_with_a_cursor_on_2025()
        {
            var sync = NewSync(version: "2025-09-18");
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run("Start-PolytomicSync $SyncId -Wait -PollIntervalSeconds 0.05 | Get-PolytomicConsoleLog -PageSize 3", sandbox, "2025-09-18", variables: Vars(sync));
            r.AssertSuccess();
            var entries = r.All<PolytomicConsoleLogEntry>();
            Assert.Equal("Created sync execution", entries[0].Message);
            Assert.StartsWith("Execution completed: 120 records", entries[^1].Message);
            Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
            var calls = sandbox.State.Requests.Skip(before).Where(x => x.Path.EndsWith("/consolelog", StringComparison.Ordinal)).ToList();
            Assert.Equal((entries.Count + 2) / 3, calls.Count);
            Assert.Contains(calls, c => c.Query.Contains("after=" + Uri.EscapeDataString(entries[2].Id!)));
        }

        // ------------------------------------------------------------------ events

        [Fact]
        public void Events_filter_by_type_and_time_and_page_through_windows_without_duplicates_or_gaps()
        {
            var sync = NewSync("Events sync");
            var seeded = Runs.Seed(sandbox.State, sync.Id, 60, TimeSpan.FromMinutes(10));
            var now = sandbox.State.Clock.Now;
            var after = now.AddHours(-8);
            var before = now.AddHours(-1);
            var expected = seeded.Select(x => x.At(now)).Zip(seeded)
                .Where(p => p.First.Status == "failed" && p.First.CompletedAt > after && p.First.CompletedAt < before)
                .Select(p => p.Second.Id).ToList();
            var running = seeded.Where(x => x.Started > after && x.Started < before).Select(x => x.Id).ToList();
            Assert.True(expected.Count >= 3 && running.Count > 20);

            var r = Ps.Run(@"Get-PolytomicEvent -Type sync.failed -After $After -Before $Before -PageSize 2
'---'
Get-PolytomicEvent -Type sync.running -After $After -Before $Before -PageSize 7", sandbox,
                variables: new Dictionary<string, object?> { ["After"] = after.UtcDateTime, ["Before"] = before.UtcDateTime });
            r.AssertSuccess();
            var failed = r.Output.TakeWhile(o => !"---".Equals(o.BaseObject)).Select(o => (PolytomicEvent)o.BaseObject).Where(e => e.SyncId == sync.Id).ToList();
            var started = r.Output.SkipWhile(o => !"---".Equals(o.BaseObject)).Skip(1).Select(o => (PolytomicEvent)o.BaseObject).Where(e => e.SyncId == sync.Id).ToList();
            Assert.Equal(expected, failed.Select(e => e.ExecutionId));
            Assert.All(failed, e => Assert.Equal("sync.failed", e.Type));
            Assert.Contains("INVALID_FIELD", (string)failed[0].Event!["error"]!);
            Assert.Equal(running, started.Select(e => e.ExecutionId));
            Assert.Equal(started.Count, started.Select(e => e.Id).Distinct().Count());
            Assert.True(sandbox.State.Requests.Count(x => x.Path == "/api/events") > 4);
        }

        [Fact]
        public void A_run_emits_running_then_completed_with_the_payload_fields_and_event_types_are_listed()
        {
            var sync = NewSync();
            var r = Ps.Run(@"$since = [DateTime]::UtcNow.AddSeconds(-5)
$run = Start-PolytomicSync $SyncId -Wait -PollIntervalSeconds 0.05
Get-PolytomicEvent -After $since | Where-Object ExecutionId -eq $run.Id
Get-PolytomicEventType", sandbox, variables: Vars(sync));
            r.AssertSuccess();
            var events = r.All<PolytomicEvent>();
            Assert.Equal(new[] { "sync.running", "sync.completed" }, events.Select(e => e.Type));
            var done = events[1].Event!;
            foreach (var key in new[] { "sync_id", "sync_name", "execution_id", "organization_id", "target_connection_id", "record_count", "inserted_count", "error_count" })
                Assert.True(done.ContainsKey(key), key);
            Assert.Equal(120L, Convert.ToInt64(done["record_count"]));
            Assert.Contains("sync.completed_with_errors", r.All<string>());
            Assert.Contains("bulk_sync.completed_with_error", r.All<string>());
        }

        // ------------------------------------------------------------------ jobs

        [Fact]
        public void An_async_model_is_a_createmodel_job_that_Wait_PolytomicJob_follows_to_the_model()
        {
            var r = Ps.Run(Setup.Replace("$model = $sf | New-PolytomicModel -Name 'Users' -Table PUBLIC.users", "") + @"
$job = $sf | New-PolytomicModel -Name 'Async users' -Table PUBLIC.users -Async
$job
$job | Get-PolytomicJob
$job | Wait-PolytomicJob -PollIntervalSeconds 0.1", sandbox);
            r.AssertSuccess();
            var jobs = r.All<PolytomicJob>();
            Assert.Equal(3, jobs.Count);
            Assert.Equal("createmodel", jobs[0].Type);
            Assert.Contains(jobs[0].Status, new[] { "created", "running" });
            Assert.Equal("done", jobs[2].Status);
            var model = Assert.IsAssignableFrom<IDictionary<string, object?>>(jobs[2].Result);
            Assert.Equal("Async users", model["name"]);
            Assert.Contains(sandbox.State.Requests, x => x.Method == "POST" && x.Path == "/api/models" && x.Query == "?async=true");
        }

        // ------------------------------------------------------------------ bad input

        [Theory]
        [InlineData("Start-PolytomicSync -Id 'not-a-uuid'", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Stop-PolytomicSync -SyncId '../x' -Confirm:$false", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Stop-PolytomicSync -SyncId $Missing -Confirm:$false", "PolytomicApi.NotFound", ErrorCategory.ObjectNotFound)]
        [InlineData("Get-PolytomicSyncExecution -SyncId 'x y'", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Get-PolytomicSyncExecution -SyncId $Missing", "PolytomicApi.NotFound", ErrorCategory.ObjectNotFound)]
        [InlineData("Get-PolytomicSyncExecution -SyncId $Missing -Id 'nope'", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Get-PolytomicSyncStatus -Id '..'", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Wait-PolytomicSyncExecution -SyncId $Missing -ExecutionId 'nope'", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Wait-PolytomicSyncExecution -SyncId $Missing", "PolytomicApi.NotFound", ErrorCategory.ObjectNotFound)]
        [InlineData("Set-PolytomicSyncExecution -SyncId $Missing -ExecutionId $Missing -Status bogus", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
        [InlineData("Set-PolytomicSyncExecution -SyncId $Missing -ExecutionId 'x' -Status failed -Confirm:$false", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Get-PolytomicSyncLog -SyncId $Missing -ExecutionId $Missing -Type bogus", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
        [InlineData("Get-PolytomicSyncLog -SyncId $Missing -ExecutionId 'x/../y'", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Get-PolytomicConsoleLog -SyncId $Missing -ExecutionId $Missing", "ApiVersionNotSupported", ErrorCategory.NotImplemented)]
        [InlineData("Get-PolytomicEvent -After '2030-01-02' -Before '2030-01-01'", "InvalidTimeWindow", ErrorCategory.InvalidArgument)]
        [InlineData("Get-PolytomicEvent -Type sync.exploded", "PolytomicApi.BadRequest", ErrorCategory.InvalidArgument)]
        [InlineData("Get-PolytomicJob -Type createmodel -Id 'job-1'", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("Get-PolytomicJob -Type nosuch -Id $Missing", "ParameterArgumentValidationError", ErrorCategory.InvalidData)]
        [InlineData("Wait-PolytomicJob -Type exportlogs -Id $Missing", "PolytomicApi.NotFound", ErrorCategory.ObjectNotFound)]
        public void Bad_input_is_a_clear_error(string script, string errorId, ErrorCategory category)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(script, sandbox, variables: new Dictionary<string, object?> { ["Missing"] = Guid.NewGuid().ToString() });
            AssertError(r, errorId, category);
            if (errorId == "InvalidId" || errorId == "ApiVersionNotSupported" || errorId.StartsWith("Parameter") || errorId == "InvalidTimeWindow")
                Assert.Equal(before, sandbox.State.Requests.Count);
        }

        // ------------------------------------------------------------------ example

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void The_run_and_watch_example_runs_on_both_versions(string version)
        {
            var before = sandbox.State.Requests.Count;
            var r = Repo.RunExample("run-and-watch.ps1", sandbox, version, secrets: new[] { "secret" });
            r.AssertSuccess();
            var requests = sandbox.State.Requests.Skip(before).ToList();
            Assert.All(requests, x => Assert.Equal(version, x.Version));
            var start = Assert.Single(requests, x => x.Method == "POST" && x.Path.EndsWith("/executions", StringComparison.Ordinal));
            var syncId = start.Path.Split('/')[3];
            var run = Assert.Single(Runs.Of(syncId));
            Assert.Equal("completed", run.At(sandbox.State.Clock.Now).Status);
            Assert.Contains(requests, x => x.Path == "/api/events");
            Assert.Equal(version == "2025-09-18", requests.Any(x => x.Path.EndsWith("/consolelog", StringComparison.Ordinal)));
        }
    }
}
