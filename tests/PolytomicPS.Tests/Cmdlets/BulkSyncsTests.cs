using System.IO;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;
using Polytomic.Sandbox.Routes;
using static PolytomicPS.Tests.Cmdlets.BulkSyncSetup;
using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    public sealed class BulkSyncsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public BulkSyncsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static string Example(string name)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "examples", name);
                if (File.Exists(path)) return File.ReadAllText(path);
            }
            throw new FileNotFoundException(name);
        }

        private List<JsonObject> StoredSyncs(string sourceId) =>
            sandbox.State.Store(BulkSyncData.SyncStore).All().Where(s => (string?)s["source_connection_id"] == sourceId).ToList();

        private PolytomicBulkSync NewSync(string version, string extra = "", string? name = null)
        {
            var (src, dst) = ReadyConnections(sandbox);
            var r = Ps.Run($"New-PolytomicBulkSync -Name '{name ?? Unique("bulk")}' -Source '{src}' -Destination '{dst}' -Mode replicate " +
                           $"-DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account, Contact {extra}", sandbox, version);
            r.AssertSuccess();
            return r.Single<PolytomicBulkSync>();
        }

        private static void AssertJson(string expected, JsonNode? actual) =>
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

        // ------------------------------------------------------------------ a new connection's schema cache

        [Theory]
        [InlineData("2024-02-08", "schedule")]
        [InlineData("2025-09-18", "default_schedule")]
        public void Seed_001_example_creates_the_seed_bulk_sync_waiting_for_the_new_connections_schema_cache(string version, string scheduleKey)
        {
            var script = Repo.PointConnectAtSandbox + "\n" +
                         "& {\n" + Example("salesforce-to-snowflake-bulk.ps1") + "\n} $ApiVersion";
            var before = sandbox.State.Requests.Count;
            // Long enough that the example surely meets the refreshing cache, however slow the machine.
            sandbox.State.SchemaCacheDelay = TimeSpan.FromSeconds(2);
            PsResult r;
            try { r = Ps.Run(script, sandbox, version, connect: false, secrets: new[] { "secret" }); }
            finally { sandbox.State.SchemaCacheDelay = TimeSpan.FromMilliseconds(300); }
            r.AssertSuccess();

            var requests = sandbox.State.Requests.Skip(before).ToList();
            var create = Assert.Single(requests, x => x.Method == "POST" && x.Path == "/api/bulk/syncs" && x.Status == 200);
            Assert.Equal(version, create.Version);
            var body = create.Json!.AsObject();
            var src = (string)body["source_connection_id"]!;
            var dst = (string)body["destination_connection_id"]!;
            AssertJson($@"{{""name"":""Salesforce Bulk Sync"",""source_connection_id"":""{src}"",""destination_connection_id"":""{dst}"",""mode"":""replicate"",
                ""{scheduleKey}"":{{""frequency"":""manual""}},""destination_configuration"":{{""schema"":""SALESFORCE_CONNECTION""}},""schemas"":[""Account"",""Contact""]}}", body);
            Assert.Equal(new[] { "name", "source_connection_id", "destination_connection_id", "mode", scheduleKey, "destination_configuration", "schemas" },
                body.Select(kv => kv.Key).ToArray());
            Assert.Equal("salesforce", (string?)sandbox.State.Connections.Get(src)!["type"]);

            // The new connection's cache was not ready: Polytomic's "No schemas found" came back and was waited out.
            Assert.Contains(requests, x => x.Status == 400 && x.Path.StartsWith("/api/connections/" + src + "/bulksync/source"));
            Assert.Contains(r.Progress, p => p.StatusDescription.Contains("Schemas not cached yet"));

            var stored = Assert.Single(StoredSyncs(src));
            Assert.Equal("SALESFORCE_CONNECTION", (string?)stored["destination_configuration"]!["schema"]);
            var enabled = stored["_schemas"]!.AsArray().Where(x => (bool?)x!["enabled"] == true).Select(x => (string)x!["id"]!).ToList();
            Assert.Equal(new[] { "Account", "Contact" }, enabled);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_create_refused_while_schemas_cache_is_retried_with_fresh_keys_and_creates_one_sync(string version)
        {
            var (src, dst) = ReadyConnections(sandbox);
            sandbox.State.Connections.Get(src)!["_cache_ready_at"] = sandbox.State.Clock.Now.AddSeconds(1.2).ToString("o");
            var name = Unique("retried");
            var r = Ps.Run($"New-PolytomicBulkSync -Name '{name}' -Source '{src}' -Destination '{dst}' -DestinationConfiguration @{{ schema = 'RAW' }} -Verbose", sandbox, version);
            r.AssertSuccess();

            var posts = sandbox.State.Requests.Where(x => x.Method == "POST" && x.Path == "/api/bulk/syncs" && x.Body.Contains(name)).ToList();
            Assert.True(posts.Count >= 2, $"expected retries, got {posts.Count}");
            Assert.All(posts.Take(posts.Count - 1), p => Assert.Equal(400, p.Status));
            Assert.Equal(200, posts.Last().Status);
            // The sandbox replays a key's first outcome (the 400), so every retry must carry a new key.
            Assert.Equal(posts.Count, posts.Select(p => p.IdempotencyKey).Distinct().Count());
            Assert.Single(StoredSyncs(src));
            Assert.Contains(r.Progress, p => p.RecordType == ProgressRecordType.Completed);
            Assert.Contains(r.Verbose, v => v.Message.Contains("No schemas found"));
            // No -Schema: the body names none and every source schema is enabled.
            Assert.Null(posts.Last().Json!["schemas"]);
            Assert.All(StoredSyncs(src)[0]["_schemas"]!.AsArray(), x => Assert.True((bool)x!["enabled"]!));
        }

        [Fact]
        public void A_cache_that_never_becomes_ready_ends_in_a_clear_timeout_and_no_sync()
        {
            var (src, dst) = ReadyConnections(sandbox);
            sandbox.State.Connections.Get(src)!["_cache_ready_at"] = sandbox.State.Clock.Now.AddHours(1).ToString("o");
            var r = Ps.Run($"New-PolytomicBulkSync -Name x -Source '{src}' -Destination '{dst}' -DestinationConfiguration @{{ schema = 'RAW' }} -TimeoutSeconds 1", sandbox);
            var e = r.SingleError();
            Assert.Equal("SchemaCacheTimeout,PolytomicPS.Commands.NewPolytomicBulkSyncCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            Assert.Contains("No schemas found", e.Exception.Message);
            Assert.NotNull(e.ErrorDetails?.RecommendedAction);
            Assert.Empty(StoredSyncs(src));
        }

        // ------------------------------------------------------------------ bad input

        [Theory]
        [InlineData("-Schema Account, Acount -DestinationConfiguration @{ schema = 'RAW' }", "UnknownBulkSchema", ErrorCategory.InvalidArgument, "Acount")]
        [InlineData("-Schema Account -DestinationConfiguration @{ mirror_schemas = $true }", "MissingDestinationOption", ErrorCategory.InvalidArgument, "schema")]
        [InlineData("-Mode replicat -DestinationConfiguration @{ schema = 'RAW' }", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "replicat")]
        [InlineData("-DestinationConfiguration @{ schema = 'RAW' } -Schedule @{ frequency = 'daily'; hours = '5' }", "InvalidSchedule", ErrorCategory.InvalidArgument, "hours")]
        public void Bad_input_is_refused_before_anything_is_created(string args, string errorId, ErrorCategory category, string mentioned)
        {
            var (src, dst) = ReadyConnections(sandbox);
            var name = Unique("bad");
            var r = Ps.Run($"New-PolytomicBulkSync -Name '{name}' -Source '{src}' -Destination '{dst}' {args}", sandbox);
            var e = r.SingleError();
            Assert.Equal(errorId + ",PolytomicPS.Commands.NewPolytomicBulkSyncCommand", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
            Assert.Contains(mentioned, e.Exception.Message);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Path == "/api/bulk/syncs" && x.Body.Contains(name));
        }

        [Fact]
        public void A_connection_that_cannot_be_a_destination_is_an_api_error()
        {
            var (src, _) = ReadyConnections(sandbox);
            var r = Ps.Run($"New-PolytomicBulkSync -Name x -Source '{src}' -Destination '{src}' -DestinationConfiguration @{{ schema = 'RAW' }}", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.NewPolytomicBulkSyncCommand", e.FullyQualifiedErrorId);
            Assert.Contains("cannot be bulk sync destinations", e.Exception.Message);
        }

        // ------------------------------------------------------------------ get / set / remove / activate

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Set_merges_over_the_current_sync_and_writes_the_versions_schedule_shape(string version)
        {
            var sync = NewSync(version, "-Schedule @{ frequency = 'daily'; hour = '05'; minute = '30' }");
            Assert.Equal("daily", sync.Schedule!.Frequency);
            Assert.Equal("05", sync.Schedule.Hour);
            var r = Ps.Run($@"
                New-PolytomicBulkSchedule -SyncId '{sync.Id}' -Frequency weekly -DayOfWeek monday -Hour 1 -Minute 0 -SelectiveMode nonincrementalFields | Out-Null
                Get-PolytomicBulkSync -Id '{sync.Id}' | Set-PolytomicBulkSync -NewName 'renamed {version}' -DestinationConfiguration @{{ mirror_schemas = $true }} -PassThru", sandbox, version);
            r.AssertSuccess();
            var updated = r.Single<PolytomicBulkSync>();
            Assert.Equal("renamed " + version, updated.Name);
            Assert.Equal("daily", updated.Schedule!.Frequency);
            var extra = Assert.Single(updated.AdditionalSchedules);
            Assert.Equal("weekly", extra.Frequency);
            Assert.Equal("nonincrementalFields", extra.SelectiveMode);
            Assert.Equal("RAW", updated.DestinationConfiguration["schema"]);
            Assert.Equal(true, updated.DestinationConfiguration["mirror_schemas"]);

            var put = sandbox.State.Requests.Last(x => x.Method == "PUT" && x.Path == "/api/bulk/syncs/" + sync.Id).Json!.AsObject();
            Assert.Null(put["schemas"]);
            if (version == "2025-09-18")
            {
                Assert.False(put.ContainsKey("schedule"));
                Assert.Equal(sync.Schedule.Id, (string?)put["default_schedule"]!["id"]);
                Assert.Equal("weekly", (string?)put["additional_schedules"]![0]!["frequency"]);
            }
            else
            {
                Assert.False(put.ContainsKey("default_schedule"));
                AssertJson(@"{""frequency"":""daily"",""minute"":""30"",""hour"":""05"",""multi"":{""schedules"":[{""item"":""nonincrementalFields"",""schedule"":{""frequency"":""weekly"",""minute"":""0"",""hour"":""1"",""day_of_week"":""monday""}}]}}", put["schedule"]);
            }
        }

        [Fact]
        public void Get_by_name_enable_disable_and_remove()
        {
            var name = Unique("Lifecycle");
            var sync = NewSync("2025-09-18", name: name);
            var r = Ps.Run($@"
                Get-PolytomicBulkSync -Name '{name.Substring(0, 12)}*' | Enable-PolytomicBulkSync -PassThru
                Get-PolytomicBulkSync -Name 'no-such-bulk-sync'", sandbox, "2025-09-18");
            Assert.True(r.Single<PolytomicBulkSync>().Active);
            Assert.Equal("BulkSyncNotFound,PolytomicPS.Commands.GetPolytomicBulkSyncCommand", r.SingleError().FullyQualifiedErrorId);
            Assert.True((bool)sandbox.State.Store(BulkSyncData.SyncStore).Get(sync.Id)!["active"]!);

            Ps.Run($"Disable-PolytomicBulkSync -Id '{sync.Id}'", sandbox).AssertSuccess();
            Assert.False((bool)sandbox.State.Store(BulkSyncData.SyncStore).Get(sync.Id)!["active"]!);

            Ps.Run($"Get-PolytomicBulkSync -Id '{sync.Id}' | Remove-PolytomicBulkSync -Force -WhatIf", sandbox).AssertSuccess();
            Assert.NotNull(sandbox.State.Store(BulkSyncData.SyncStore).Get(sync.Id));
            Ps.Run($"Get-PolytomicBulkSync -Id '{sync.Id}' | Remove-PolytomicBulkSync -Force", sandbox).AssertSuccess();
            Assert.Null(sandbox.State.Store(BulkSyncData.SyncStore).Get(sync.Id));
        }

        [Fact]
        public void The_2025_list_is_followed_across_pages()
        {
            for (int i = 0; i < 3; i++) NewSync("2025-09-18");
            var count = sandbox.State.Store(BulkSyncData.SyncStore).Count;
            var r = Ps.Run("Get-PolytomicBulkSync", sandbox, "2025-09-18");
            r.AssertSuccess();
            Assert.Equal(count, r.All<PolytomicBulkSync>().Select(s => s.Id).Distinct().Count());
        }

        // ------------------------------------------------------------------ introspection and schemas

        [Fact]
        public void Source_and_destination_introspection()
        {
            var (src, dst) = ReadyConnections(sandbox);
            var r = Ps.Run($@"
                Get-PolytomicBulkSource -ConnectionId '{src}'
                Get-PolytomicBulkSource -ConnectionId '{src}' -Schema Contact
                Get-PolytomicBulkDestination -ConnectionId '{dst}'", sandbox);
            r.AssertSuccess();
            var source = r.Single<PolytomicBulkSource>();
            Assert.Contains(source.Schemas, s => s.Id == "Opportunity");
            Assert.True(source.SupportsTrackingFields);
            var contact = r.Single<PolytomicConnectionSchema>();
            Assert.Contains(contact.Fields!, f => f.Id == "AccountId" && f.Association != null);
            var dest = r.Single<PolytomicBulkDestination>();
            Assert.Equal(new[] { "schema" }, dest.RequiredOptions.ToArray());
            Assert.Contains(dest.Modes, m => m.Id == "snapshot");
            Assert.Contains("rebuild", dest.SupportedResyncModes);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Schemas_list_with_fields_in_both_versions_and_set_changes_fields(string version)
        {
            var sync = NewSync(version);
            var r = Ps.Run($@"
                Get-PolytomicBulkSchema -SyncId '{sync.Id}' -IncludeFields -Enabled
                Get-PolytomicBulkSchema -SyncId '{sync.Id}' -Schema Contact |
                    Set-PolytomicBulkSchema -DisableField Email -ObfuscateField LastName -PartitionKey AccountId -OutputName contacts -PassThru
                Set-PolytomicBulkSchema -SyncId '{sync.Id}' -Schema Lead -Enabled $true -PassThru", sandbox, version);
            r.AssertSuccess();
            var schemas = r.All<PolytomicBulkSchema>();
            Assert.Equal(new[] { "Account", "Contact", "Contact", "Lead" }, schemas.Select(s => s.Id).ToArray());
            Assert.All(schemas, s => Assert.NotNull(s.Fields));
            var contact = schemas[2];
            Assert.False(contact.Fields!.Single(f => f.Id == "Email").Enabled);
            Assert.True(contact.Fields!.Single(f => f.Id == "LastName").Obfuscated);
            Assert.Equal("AccountId", contact.PartitionKey);
            Assert.Equal("contacts", contact.UserOutputName);
            Assert.Equal("LastModifiedDate", contact.TrackingField);
            Assert.True(schemas[3].Enabled);

            var stored = sandbox.State.Store(BulkSyncData.SyncStore).Get(sync.Id)!["_schemas"]!.AsArray().Single(x => (string?)x!["id"] == "Contact")!;
            Assert.False((bool)stored["fields"]!.AsArray().Single(f => (string?)f!["id"] == "Email")!["enabled"]!);

            var bad = Ps.Run($"Set-PolytomicBulkSchema -SyncId '{sync.Id}' -Schema Contact -DisableField Emial", sandbox, version);
            var e = bad.SingleError();
            Assert.Equal("UnknownBulkField,PolytomicPS.Commands.SetPolytomicBulkSchemaCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        // ------------------------------------------------------------------ schedules

        [Fact]
        public void Schedules_are_camelCase_on_the_wire_and_the_default_cannot_be_removed()
        {
            var sync = NewSync("2025-09-18");
            var r = Ps.Run($@"
                $s = New-PolytomicBulkSchedule -SyncId '{sync.Id}' -Frequency daily -Hour '05' -Minute '15' -SelectiveMode incrementalFields
                $s | Set-PolytomicBulkSchedule -Hour '06' -PassThru
                Get-PolytomicBulkSchedule -SyncId '{sync.Id}'", sandbox, "2025-09-18");
            r.AssertSuccess();
            var post = sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path == $"/api/bulk/syncs/{sync.Id}/schedules");
            AssertJson(@"{""schedule"":{""frequency"":""daily"",""minute"":""15"",""hour"":""05"",""selectiveMode"":""incrementalFields""}}", post.Json);
            var all = r.All<PolytomicBulkSchedule>();
            Assert.Equal("06", all[0].Hour);
            var listed = all.Skip(1).ToList();
            Assert.All(listed, s => Assert.Equal(sync.Id, s.SyncId));
            var def = Assert.Single(listed, s => s.IsDefault);
            var extra = Assert.Single(listed, s => !s.IsDefault);
            Assert.Equal("06", extra.Hour);
            Assert.Equal("incrementalFields", extra.SelectiveMode);
            var rm = Ps.Run($@"
                Remove-PolytomicBulkSchedule -SyncId '{sync.Id}' -ScheduleId '{extra.Id}' -Force
                Remove-PolytomicBulkSchedule -SyncId '{sync.Id}' -ScheduleId '{def.Id}' -Force", sandbox, "2025-09-18");
            var e = rm.SingleError();
            Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.RemovePolytomicBulkScheduleCommand", e.FullyQualifiedErrorId);
            Assert.Single(sandbox.State.Store(BulkSyncData.SyncStore).Get(sync.Id)!["_schedules"]!.AsArray());
        }

        // ------------------------------------------------------------------ runs

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Executions_move_with_the_clock_and_list_across_pages(string version)
        {
            var sync = NewSync(version);
            var clock = new Dictionary<string, object?> { ["Clock"] = sandbox.State.Clock };
            var r = Ps.Run($@"
                $first = Start-PolytomicBulkSync -Id '{sync.Id}'
                $first
                Start-PolytomicBulkSync -Id '{sync.Id}'
                $Clock.Advance([TimeSpan]::FromSeconds(2))
                Get-PolytomicBulkSyncStatus -SyncId '{sync.Id}'
                $Clock.Advance([TimeSpan]::FromSeconds(10))
                $first | Get-PolytomicBulkSyncExecution
                foreach ($i in 1..4) {{ $null = Start-PolytomicBulkSync -Id '{sync.Id}' -Schema Account; $Clock.Advance([TimeSpan]::FromSeconds(10)) }}
                Get-PolytomicBulkSyncExecution -SyncId '{sync.Id}' -PageSize 2", sandbox, version, variables: clock);

            var busy = r.SingleError();
            Assert.Equal("BulkSyncAlreadyRunning,PolytomicPS.Commands.StartPolytomicBulkSyncCommand", busy.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, busy.CategoryInfo.Category);

            var execs = r.All<PolytomicBulkSyncExecution>();
            Assert.Equal("created", execs[0].Status);
            Assert.Equal(sync.Id, execs[0].SyncId);
            var status = r.Single<PolytomicBulkSyncStatus>();
            Assert.Equal("running", status.CurrentExecution!.Status);
            Assert.False(status.IngestionStatus!.Enabled);
            var done = execs[1];
            Assert.Equal("completed", done.Status);
            Assert.Equal(1200, done.Schemas.Single(s => s.Schema == "Account").RecordCount);
            Assert.Equal(5400, done.Schemas.Single(s => s.Schema == "Contact").RecordCount);
            Assert.Equal(6600, done.RecordCount);

            var listed = execs.Skip(2).ToList();
            Assert.Equal(5, listed.Count);
            Assert.Equal(done.Id, listed.Last().Id);
            Assert.True(listed.Take(4).All(e => e.IsPartial == true && e.Schemas.Count == 1));
            var pages = sandbox.State.Requests.Where(x => x.Method == "GET" && x.Path == $"/api/bulk/syncs/{sync.Id}/executions").ToList();
            Assert.Equal(3, pages.Count);
            Assert.Contains("page_token=", pages[2].Query);
        }

        [Fact]
        public void Cancel_a_run_one_execution_or_one_schema()
        {
            var sync = NewSync("2025-09-18");
            var clock = new Dictionary<string, object?> { ["Clock"] = sandbox.State.Clock };
            var r = Ps.Run($@"
                $run = Start-PolytomicBulkSync -Id '{sync.Id}'
                $Clock.Advance([TimeSpan]::FromSeconds(2))
                $run | Stop-PolytomicBulkSync -Confirm:$false
                $run | Get-PolytomicBulkSyncExecution
                $Clock.Advance([TimeSpan]::FromSeconds(2))
                $run | Get-PolytomicBulkSyncExecution
                $second = Start-PolytomicBulkSync -Id '{sync.Id}'
                $Clock.Advance([TimeSpan]::FromSeconds(2))
                Stop-PolytomicBulkSync -SyncId '{sync.Id}' -Schema Contact
                $Clock.Advance([TimeSpan]::FromSeconds(10))
                $second | Get-PolytomicBulkSyncExecution
                Stop-PolytomicBulkSync -SyncId '{sync.Id}'", sandbox, "2025-09-18", variables: clock);
            var idle = r.SingleError();
            Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.StopPolytomicBulkSyncCommand", idle.FullyQualifiedErrorId);
            var e = r.All<PolytomicBulkSyncExecution>();
            Assert.Equal("canceling", e[0].Status);
            Assert.Equal("canceled", e[1].Status);
            Assert.All(e[1].Schemas, s => Assert.Equal("canceled", s.Status));
            Assert.Contains(sandbox.State.Requests, x => x.Method == "POST" && x.Path == $"/api/bulk/syncs/{sync.Id}/executions/{e[0].Id}/cancel");
            Assert.Equal("completed", e[2].Status);
            Assert.Equal("completed", e[2].Schemas.Single(s => s.Schema == "Account").Status);
            var contact = e[2].Schemas.Single(s => s.Schema == "Contact");
            Assert.Equal("canceled", contact.Status);
            Assert.InRange(contact.RecordCount!.Value, 1, 5399);
        }

        [Fact]
        public void Status_shows_cdc_ingestion_and_logs_have_urls_and_an_export_job()
        {
            var (src, dst) = ReadyConnections(sandbox, "postgresql", "@{ hostname='db'; username='u'; password='p'; database='app'; change_detection=$true }");
            var clock = new Dictionary<string, object?> { ["Clock"] = sandbox.State.Clock };
            var r = Ps.Run($@"
                $sync = New-PolytomicBulkSync -Name '{Unique("cdc")}' -Source '{src}' -Destination '{dst}' -DestinationConfiguration @{{ schema = 'RAW' }} -Schema public.users -Active -SourceConfiguration @{{ replication_slot = 'slot1' }}
                $sync | Get-PolytomicBulkSyncStatus
                $run = $sync | Start-PolytomicBulkSync
                $Clock.Advance([TimeSpan]::FromSeconds(10))
                $run | Get-PolytomicBulkSyncLog
                $run | Get-PolytomicBulkSyncLog -Export -Wait -PollIntervalSeconds 0.2 -TimeoutSeconds 20", sandbox, "2024-02-08", variables: clock);
            r.AssertSuccess();
            var status = r.Single<PolytomicBulkSyncStatus>();
            Assert.True(status.IngestionStatus!.Enabled);
            Assert.Equal("ok", status.IngestionStatus.Status);
            var log = r.Single<PolytomicBulkSyncLog>();
            Assert.Single(log.Urls);
            Assert.Contains("public.users", log.Urls[0]);
            Assert.NotNull(log.Expires);
            var export = r.Single<PolytomicLogExport>();
            Assert.Equal("done", export.Status);
            Assert.EndsWith(".zip?sig=sandbox", export.Url);
            Assert.Contains(sandbox.State.Requests, x => x.Path == "/api/jobs/exportlogs/" + export.JobId);
        }

        [Fact]
        public void Test_and_ResyncMode_together_are_refused_and_the_2025_start_body_has_no_resync()
        {
            var sync = NewSync("2025-09-18");
            var r = Ps.Run($"Start-PolytomicBulkSync -Id '{sync.Id}' -Test -ResyncMode rebuild", sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal("ConflictingParameters,PolytomicPS.Commands.StartPolytomicBulkSyncCommand", e.FullyQualifiedErrorId);
            var ok = Ps.Run($"Start-PolytomicBulkSync -Id '{sync.Id}' -ResyncMode rebuild -Schema Contact", sandbox, "2025-09-18");
            ok.AssertSuccess();
            var exec = ok.Single<PolytomicBulkSyncExecution>();
            Assert.True(exec.IsResync);
            Assert.Equal("rebuild", exec.OutputDisposition);
            AssertJson(@"{""resync_mode"":""rebuild"",""schemas"":[""Contact""]}",
                sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path == $"/api/bulk/syncs/{sync.Id}/executions").Json);
        }
    }
}
