using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;
using static PolytomicPS.Tests.Cmdlets.BulkSyncSetup;
using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>The bulk sync options of issue 26 on New-/Set-PolytomicBulkSync: the body sent, what Polytomic keeps, and
    /// the values refused before any request.</summary>
    public sealed class BulkSyncOptionsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public BulkSyncOptionsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private string NewCommand(string extra)
        {
            var (src, dst) = ReadyConnections(sandbox);
            return $"New-PolytomicBulkSync -Name '{Unique("bulk")}' -Source '{src}' -Destination '{dst}' -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account {extra}";
        }

        private JsonObject LastBody(int before, string method, string pathPrefix) =>
            sandbox.State.Requests.Skip(before).Last(x => x.Method == method && x.Path.StartsWith(pathPrefix, StringComparison.Ordinal) && x.Status == 200).Json!.AsObject();

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void New_sends_every_option_as_Polytomic_spells_it_and_the_bulk_sync_keeps_them(string version)
        {
            var before = sandbox.State.Requests.Count;
            // Lower-case values bind (ValidateSet ignores case) and go out in Polytomic's spelling.
            var r = Ps.Run(NewCommand("-AutomaticallyAddNewFields onlyincremental -AutomaticallyAddNewObjects all -NormalizeNames legacy " +
                                      "-ConcurrencyLimit 4 -ResyncConcurrencyLimit 2 -DataCutoff ([datetime]::new(2024, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)) -DisableRecordTimestamps"), sandbox, version);
            r.AssertSuccess();
            var body = LastBody(before, "POST", "/api/bulk/syncs");
            Assert.Equal("onlyIncremental", (string?)body["automatically_add_new_fields"]);
            Assert.Equal("all", (string?)body["automatically_add_new_objects"]);
            Assert.Equal("legacy", (string?)body["normalize_names"]);
            Assert.Equal(4, (int)body["concurrency_limit"]!);
            Assert.Equal(2, (int)body["resync_concurrency_limit"]!);
            Assert.Equal("2024-01-02T03:04:05Z", (string?)body["data_cutoff_timestamp"]);
            Assert.True((bool)body["disable_record_timestamps"]!);

            var id = r.Single<PolytomicBulkSync>().Id;
            var read = Ps.Run($"Get-PolytomicBulkSync -Id '{id}'", sandbox, version);
            read.AssertSuccess();
            var b = read.Single<PolytomicBulkSync>();
            Assert.Equal("onlyIncremental|all|legacy|4|2|True",
                $"{b.AutomaticallyAddNewFields}|{b.AutomaticallyAddNewObjects}|{b.NormalizeNames}|{b.ConcurrencyLimit}|{b.ResyncConcurrencyLimit}|{b.DisableRecordTimestamps}");
            Assert.StartsWith("2024-01-02T03:04:05", b.DataCutoffTimestamp);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void New_without_options_sends_none_of_them(string version)
        {
            var before = sandbox.State.Requests.Count;
            Ps.Run(NewCommand(""), sandbox, version).AssertSuccess();
            var body = LastBody(before, "POST", "/api/bulk/syncs");
            foreach (var key in new[] { "automatically_add_new_fields", "automatically_add_new_objects", "normalize_names", "concurrency_limit",
                                         "resync_concurrency_limit", "data_cutoff_timestamp", "disable_record_timestamps" })
                Assert.False(body.ContainsKey(key), key + " was sent: " + body.ToJsonString());
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Set_changes_only_the_options_passed_and_keeps_the_others(string version)
        {
            var created = Ps.Run(NewCommand("-AutomaticallyAddNewFields none -ConcurrencyLimit 3 -DisableRecordTimestamps"), sandbox, version);
            created.AssertSuccess();
            var id = created.Single<PolytomicBulkSync>().Id;

            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"Set-PolytomicBulkSync -Id '{id}' -NormalizeNames disabled -ResyncConcurrencyLimit 5 -DisableRecordTimestamps:$false -PassThru", sandbox, version);
            r.AssertSuccess();
            var body = LastBody(before, "PUT", "/api/bulk/syncs/" + id);
            Assert.Equal("none", (string?)body["automatically_add_new_fields"]);
            Assert.Equal(3, (int)body["concurrency_limit"]!);
            Assert.Equal("disabled", (string?)body["normalize_names"]);
            Assert.Equal(5, (int)body["resync_concurrency_limit"]!);
            Assert.False((bool)body["disable_record_timestamps"]!);
            var b = r.Single<PolytomicBulkSync>();
            Assert.Equal("none|disabled|3|5|False", $"{b.AutomaticallyAddNewFields}|{b.NormalizeNames}|{b.ConcurrencyLimit}|{b.ResyncConcurrencyLimit}|{b.DisableRecordTimestamps}");
        }

        [Theory]
        [InlineData("-AutomaticallyAddNewFields some", "AutomaticallyAddNewFields")]
        [InlineData("-AutomaticallyAddNewObjects everything", "AutomaticallyAddNewObjects")]
        [InlineData("-NormalizeNames upper", "NormalizeNames")]
        [InlineData("-ConcurrencyLimit 0", "ConcurrencyLimit")]
        [InlineData("-ResyncConcurrencyLimit -1", "ResyncConcurrencyLimit")]
        [InlineData("-DataCutoff 'not a date'", "DataCutoff")]
        public void A_value_Polytomic_would_refuse_is_an_error_naming_the_parameter_before_any_request(string extra, string parameter)
        {
            foreach (var cmdlet in new[] { "New", "Set" })
            {
                var command = cmdlet == "New" ? NewCommand(extra) : $"Set-PolytomicBulkSync -Id '{Guid.NewGuid()}' {extra}";
                var before = sandbox.State.Requests.Count;
                var r = Ps.Run(command, sandbox, "2025-09-18");
                var e = r.SingleError();
                // PowerShell's own binding errors: ParameterArgumentValidationError (InvalidData), CannotConvertArgumentNoMessage (InvalidArgument).
                Assert.Matches("^(ParameterArgumentValidationError|CannotConvertArgumentNoMessage),PolytomicPS", e.FullyQualifiedErrorId);
                Assert.Contains(e.CategoryInfo.Category, new[] { ErrorCategory.InvalidData, ErrorCategory.InvalidArgument });
                Assert.Contains(parameter, e.Exception.Message);
                Assert.DoesNotContain(sandbox.State.Requests.Skip(before), x => x.Path.StartsWith("/api/bulk/syncs", StringComparison.Ordinal));
            }
        }
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void AdditionalSchedule_goes_out_in_the_versions_shape_and_Set_replaces_the_schedules(string version)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(NewCommand("-Frequency daily -Schedule @{ hour = '05'; minute = '30' } " +
                                      "-AdditionalSchedule @{ frequency = 'hourly'; minute = '15'; selective_mode = 'incrementalfields' }"), sandbox, version);
            r.AssertSuccess();
            var body = LastBody(before, "POST", "/api/bulk/syncs");
            if (version == "2025-09-18")
            {
                var extra = Assert.Single(body["additional_schedules"]!.AsArray())!;
                Assert.Equal("hourly|15|incrementalFields", $"{extra["frequency"]}|{extra["minute"]}|{extra["selective_mode"]}");
            }
            else
            {
                var item = Assert.Single(body["schedule"]!["multi"]!["schedules"]!.AsArray())!;
                Assert.Equal("incrementalFields|hourly|15", $"{item["item"]}|{item["schedule"]!["frequency"]}|{item["schedule"]!["minute"]}");
            }
            var created = r.Single<PolytomicBulkSync>();
            Assert.Equal("hourly", Assert.Single(created.AdditionalSchedules).Frequency);

            var set = Ps.Run($"Set-PolytomicBulkSync -Id '{created.Id}' -AdditionalSchedule @{{ frequency = 'weekly'; day_of_week = 'monday'; hour = '01'; minute = '00' }}, " +
                             "@{ frequency = 'continuous' } -PassThru", sandbox, version);
            set.AssertSuccess();
            var updated = set.Single<PolytomicBulkSync>();
            Assert.Equal(new[] { "weekly", "continuous" }, updated.AdditionalSchedules.Select(x => x.Frequency).ToArray());
            Assert.Equal("daily", updated.Schedule!.Frequency);
            Ps.Run($"Set-PolytomicBulkSync -Id '{created.Id}' -AdditionalSchedule @()", sandbox, version).AssertSuccess();
            Assert.Empty(Ps.Run($"Get-PolytomicBulkSync -Id '{created.Id}'", sandbox, version).Single<PolytomicBulkSync>().AdditionalSchedules);
        }

        [Theory]
        [InlineData("@{ frequency = 'sometimes' }")]
        [InlineData("@{ frequency = 'daily'; hour = '05'; minute = '00'; colour = 'red' }")]
        [InlineData("@{ frequency = 'hourly'; minute = '15'; selective_mode = 'most' }")]
        [InlineData("@{ hour = '05' }")]
        [InlineData("'hourly'")]
        public void A_bad_additional_schedule_is_refused_naming_the_parameter_before_any_request(string schedule)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"Set-PolytomicBulkSync -Id '{Guid.NewGuid()}' -AdditionalSchedule {schedule}", sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal("InvalidSchedule,PolytomicPS.Commands.SetPolytomicBulkSyncCommand", e.FullyQualifiedErrorId);
            Assert.Contains("-AdditionalSchedule", e.Exception.Message);
            Assert.DoesNotContain(sandbox.State.Requests.Skip(before), x => x.Path.StartsWith("/api/bulk", StringComparison.Ordinal));
        }
    }
}
