using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Issue 28: -Force never deletes more than the object named (-Recurse does, in order), a wrong object never
    /// binds to an id parameter, and bad schedules, configuration keys, policies and field names are refused before any
    /// request. Each on both API versions.</summary>
    public sealed class SafeCommandsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public SafeCommandsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        /// <summary>ModelSyncSetup's $sf, $crm and $model, plus a sync of the model into $crm and a bulk sync from $crm into $sf.</summary>
        private static string Setup(string tag) => ModelSyncSetup.Setup.Replace("-Name 'Users'", $"-Name '{tag} users'") + $@"
$sync = $model | New-PolytomicSync -Name '{tag} sync' -Target $crm -Object Contact -Mode update -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency manual
$bulk = New-PolytomicBulkSync -Name '{tag} bulk' -Source $crm -Destination $sf -DestinationConfiguration @{{ schema = 'RAW' }}
";

        private int Count(string store) => sandbox.State.Store(store).All().Count();

        private List<(string Method, string Path)> RequestsSince(int mark) =>
            sandbox.State.Requests.Skip(mark).Select(r => (r.Method, r.Path)).ToList();

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_runbook_passing_Force_to_every_Remove_cmdlet_never_deletes_more_than_the_object_it_names(string version)
        {
            var tag = ModelSyncSetup.Unique("force");
            var r = Ps.Run(Setup(tag) + @"
'---'
$sf | Remove-PolytomicConnection -Force
$crm | Remove-PolytomicConnection -Force
$model | Remove-PolytomicModel -Force
$model.Id | Remove-PolytomicModel -Confirm:$false
", sandbox, version);
            Assert.Null(r.Thrown);
            var ids = r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
            Assert.Equal(new[] { "ConnectionInUse", "ConnectionInUse", "ModelInUse", "ModelInUse" }, ids);
            // The warehouse's refusal names all that -Recurse would delete: the model, the sync reading it, the bulk sync into it.
            Assert.Contains($"model '{tag} users'", r.Errors[0].ErrorDetails!.Message);
            Assert.Contains($"sync '{tag} sync'", r.Errors[0].ErrorDetails!.Message);
            Assert.Contains($"bulk sync '{tag} bulk'", r.Errors[0].ErrorDetails!.Message);
            var modelInUse = r.Errors[2];
            Assert.Equal(ErrorCategory.ResourceBusy, modelInUse.CategoryInfo.Category);
            Assert.Contains($"sync '{tag} sync'", modelInUse.Exception.Message);
            Assert.Contains("-Recurse", modelInUse.ErrorDetails!.RecommendedAction);
            // Nothing of the set-up was deleted: every object is still there.
            Assert.Contains(sandbox.State.Store("syncs").All(), s => (string?)s["name"] == tag + " sync");
            Assert.Contains(sandbox.State.Store("bulk_syncs").All(), s => (string?)s["name"] == tag + " bulk");
            Assert.Contains(sandbox.State.Store("models").All(), s => (string?)s["name"] == tag + " users");

            // -Force on the sync deletes the sync only.
            var before = (Syncs: Count("syncs"), Models: Count("models"), Bulk: Count("bulk_syncs"), Connections: sandbox.State.Connections.All().Count());
            var mark = sandbox.State.Requests.Count;
            Ps.Run($"Get-PolytomicSync -Name '{tag} sync' | Remove-PolytomicSync -Force", sandbox, version).AssertSuccess();
            Assert.Single(RequestsSince(mark), x => x.Method == "DELETE");
            Assert.Equal((before.Syncs - 1, before.Models, before.Bulk, before.Connections),
                (Count("syncs"), Count("models"), Count("bulk_syncs"), sandbox.State.Connections.All().Count()));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Recurse_deletes_syncs_then_bulk_syncs_then_models_then_the_connection_and_WhatIf_deletes_nothing(string version)
        {
            var tag = ModelSyncSetup.Unique("recurse");
            var r = Ps.Run(Setup(tag) + @"
$sf | Remove-PolytomicConnection -Recurse -WhatIf
$sf.Id
", sandbox, version);
            r.AssertSuccess();
            var sfId = r.Output.Last().ToString();
            Assert.NotNull(sandbox.State.Connections.Get(sfId));
            Assert.Contains(sandbox.State.Store("syncs").All(), s => (string?)s["name"] == tag + " sync");

            var mark = sandbox.State.Requests.Count;
            Ps.Run($"Remove-PolytomicConnection -Id '{sfId}' -Recurse -Force", sandbox, version).AssertSuccess();
            var deletes = RequestsSince(mark).Where(x => x.Method == "DELETE").Select(x => x.Path.Split('/')[2] == "bulk" ? "bulk" : x.Path.Split('/')[2]).ToList();
            Assert.Equal(new[] { "syncs", "bulk", "models", "connections" }, deletes);
            Assert.Null(sandbox.State.Connections.Get(sfId));
            Assert.DoesNotContain(sandbox.State.Store("syncs").All(), s => (string?)s["name"] == tag + " sync");
            Assert.DoesNotContain(sandbox.State.Store("bulk_syncs").All(), s => (string?)s["name"] == tag + " bulk");
            Assert.DoesNotContain(sandbox.State.Store("models").All(), s => (string?)s["name"] == tag + " users");
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Model_Recurse_deletes_its_syncs_first(string version)
        {
            var tag = ModelSyncSetup.Unique("modelrec");
            var mark = sandbox.State.Requests.Count;
            var r = Ps.Run(Setup(tag) + "$model | Remove-PolytomicModel -Recurse -Force", sandbox, version);
            r.AssertSuccess();
            var deletes = RequestsSince(mark).Where(x => x.Method == "DELETE").Select(x => x.Path.Split('/')[2]).ToList();
            Assert.Equal(new[] { "syncs", "models" }, deletes);
            Assert.Contains(sandbox.State.Store("bulk_syncs").All(), s => (string?)s["name"] == tag + " bulk");
        }

        [Theory]
        [InlineData("2024-02-08", "$model | Start-PolytomicSync", "Start-PolytomicSync expects a sync", "got the model '{tag} users'")]
        [InlineData("2025-09-18", "$model | Start-PolytomicSync", "Start-PolytomicSync expects a sync", "got the model '{tag} users'")]
        [InlineData("2024-02-08", "$crm | Remove-PolytomicSync -WhatIf", "Remove-PolytomicSync expects a sync", "got the connection")]
        [InlineData("2025-09-18", "$crm | Remove-PolytomicSync -WhatIf", "Remove-PolytomicSync expects a sync", "got the connection")]
        [InlineData("2024-02-08", "$bulk | Start-PolytomicSync", "expects a sync", "got the bulk sync '{tag} bulk'")]
        [InlineData("2025-09-18", "$sync | Start-PolytomicBulkSync", "expects a bulk sync", "got the sync '{tag} sync'")]
        [InlineData("2024-02-08", "$sync | Remove-PolytomicModel -Force", "expects a model", "got the sync")]
        [InlineData("2025-09-18", "Get-PolytomicSync -Id @{ Name = 'x' }", "expects a sync", "Hashtable")]
        [InlineData("2024-02-08", "Remove-PolytomicSync -Id $crm.Id -WhatIf", "expects a sync", "got the id of the connection 'crm-")]
        [InlineData("2025-09-18", "Start-PolytomicBulkSync -Id $sync.Id", "expects a bulk sync", "got the id of the sync '{tag} sync'")]
        public void A_wrong_object_is_refused_before_any_request_naming_what_was_expected_and_what_came(string version, string command, string expected, string got)
        {
            var tag = ModelSyncSetup.Unique("kind");
            var r = Ps.Run(Setup(tag) + command, sandbox, version);
            var e = r.SingleError();
            Assert.Equal("WrongObjectType", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains(expected, e.Exception.Message);
            Assert.Contains(got.Replace("{tag}", tag), e.Exception.Message);
            // The last request is the set-up's: the refused command sent nothing.
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Path.EndsWith("/executions"));
            Assert.Contains(sandbox.State.Store("syncs").All(), s => (string?)s["name"] == tag + " sync");
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Own_objects_plain_ids_and_objects_with_the_kinds_Id_property_bind(string version)
        {
            var tag = ModelSyncSetup.Unique("bind");
            var r = Ps.Run(Setup(tag) + @"
'---'
($sync | Get-PolytomicSync).Name
($sync.Id | Get-PolytomicSync).Name
([pscustomobject]@{ SyncId = $sync.Id } | Get-PolytomicSync).Name
([pscustomobject]@{ Id = $sync.Id } | Get-PolytomicSync).Name
($model | Get-PolytomicConnection).Id -eq $sf.Id
($bulk | Get-PolytomicBulkSource).ConnectionId -eq $crm.Id
", sandbox, version);
            r.AssertSuccess();
            var lines = r.Output.Select(o => o.ToString()).SkipWhile(l => l != "---").Skip(1).ToList();
            Assert.Equal(new[] { tag + " sync", tag + " sync", tag + " sync", tag + " sync", "True", "True" }, lines);
        }

        [Theory]
        [InlineData("2024-02-08", "-Frequency daily", "ScheduleTimeRequired", "hour and minute")]
        [InlineData("2025-09-18", "-Frequency hourly", "ScheduleTimeRequired", "minute")]
        [InlineData("2024-02-08", "-Frequency weekly -Schedule @{ hour = 5; minute = 0 }", "ScheduleTimeRequired", "day_of_week")]
        [InlineData("2025-09-18", "-Frequency daily -Schedule @{ hour = 25; minute = 0 }", "InvalidScheduleTime", "0 to 23")]
        [InlineData("2024-02-08", "-Frequency daily -Schedule @{ hour = 5; minute = 60 }", "InvalidScheduleTime", "0 to 59")]
        [InlineData("2025-09-18", "-Frequency weekly -Schedule @{ day_of_week = 'Mon'; hour = 5; minute = 0 }", "InvalidDayOfWeek", "Did you mean 'monday'?")]
        [InlineData("2024-02-08", "-Frequency custom -Schedule @{ minute = '0'; hour = '*/0' }", "InvalidCronSchedule", "not a cron field")]
        [InlineData("2025-09-18", "-Frequency custom -Schedule @{ minute = '0'; hour = '1-5'; day_of_week = '8' }", "InvalidCronSchedule", "day_of_week")]
        [InlineData("2024-02-08", "-Frequency custom", "ScheduleTimeRequired", "cron")]
        [InlineData("2025-09-18", "-Field @{ firstname = 'FirstName' } -Frequency manual", "UnknownModelField", "Did you mean 'first_name'?")]
        [InlineData("2024-02-08", "-Field @{ first_name = 'Firstname_' } -Frequency manual", "UnknownTargetField", "Did you mean 'FirstName'?")]
        public void Bad_sync_input_is_refused_before_the_sync_is_sent(string version, string args, string errorId, string message)
        {
            var name = ModelSyncSetup.Unique("refused");
            var field = args.Contains("-Field") ? "" : "-Field @{ first_name = 'FirstName' } ";
            var r = Ps.Run(ModelSyncSetup.Setup + $"$model | New-PolytomicSync -Name '{name}' -Target $crm -Object Contact -Mode update -Identity @{{ email = 'Email' }} {field}{args}", sandbox, version);
            ModelSyncSetup.AssertError(r, errorId, ErrorCategory.InvalidArgument, message);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Path == "/api/syncs" && x.Body.Contains(name));
        }

        [Theory]
        [InlineData("2024-02-08", "-Field @{ first_name = 'Firstnam' }", "UnknownTargetField")]
        [InlineData("2025-09-18", "-Identity @{ emial = 'Email' }", "UnknownModelField")]
        [InlineData("2024-02-08", "-Frequency weekly -Schedule @{ hour = 5; minute = 0; day_of_week = 'Someday' }", "InvalidDayOfWeek")]
        public void Set_PolytomicSync_refuses_the_same_bad_input_before_the_update(string version, string args, string errorId)
        {
            var tag = ModelSyncSetup.Unique("set");
            var r = Ps.Run(Setup(tag) + "$sync | Set-PolytomicSync " + args, sandbox, version);
            ModelSyncSetup.AssertError(r, errorId, ErrorCategory.InvalidArgument);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "PUT" && x.Body.Contains(tag + " sync"));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Good_schedules_pass_and_show_with_their_time(string version)
        {
            var name = ModelSyncSetup.Unique("sched");
            var r = Ps.Run(ModelSyncSetup.Setup + $@"
$s = $model | New-PolytomicSync -Name '{name}' -Target $crm -Object Contact -Mode update -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency weekly -Schedule @{{ day_of_week = 'Monday'; hour = 5; minute = 30 }}
$s.Schedule.ToString()
$c = $model | New-PolytomicSync -Name '{name} c' -Target $crm -Object Contact -Mode update -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency custom -Schedule @{{ minute = '0'; hour = '*/6'; day_of_week = 'mon-fri' }}
$c.Schedule.ToString()
", sandbox, version);
            r.AssertSuccess();
            var text = string.Join("\n", r.Output.Select(o => o.ToString()));
            Assert.Contains("weekly monday 05:30 UTC", text);
            Assert.Contains("custom 0 */6 * * mon-fri UTC", text);
            Assert.Contains("\"day_of_week\":\"monday\"", sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path == "/api/syncs" && x.Body.Contains($"\"name\":\"{name}\"")).Body);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Models_carry_their_connections_name_for_the_table(string version)
        {
            // The view itself is checked in real pwsh (tests/pester/Models.Tests.ps1); here, what it shows.
            var r = Ps.Run(ModelSyncSetup.Setup + @"
Disconnect-Polytomic
$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion
(Get-PolytomicModel -Id $model.Id).ConnectionName -eq $sf.Name
(Get-PolytomicModel -ConnectionId $sf.Id).ConnectionName -eq $sf.Name
", sandbox, version);
            r.AssertSuccess();
            Assert.Equal(new[] { "True", "True" }, r.Output.Select(o => o.ToString()));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Bulk_schedules_are_checked_too(string version)
        {
            var r = Ps.Run(ModelSyncSetup.Setup + @"
$bulk = New-PolytomicBulkSync -Name ('b-' + [guid]::NewGuid()) -Source $crm -Destination $sf -DestinationConfiguration @{ schema = 'RAW' } -Schedule @{ frequency = 'daily'; hour = '24'; minute = '0' }
$ok = New-PolytomicBulkSync -Name ('b-' + [guid]::NewGuid()) -Source $crm -Destination $sf -DestinationConfiguration @{ schema = 'RAW' }
$ok | New-PolytomicBulkSchedule -Frequency weekly -DayOfWeek monday -Hour '01'
", sandbox, version);
            Assert.Equal(new[] { "InvalidScheduleTime", "ScheduleTimeRequired" }, r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Path.EndsWith("/schedules"));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_misspelt_configuration_key_is_refused_with_the_nearest_name(string version)
        {
            var name = ModelSyncSetup.Unique("typo");
            var r = Ps.Run($@"
New-PolytomicConnection -Name '{name}' -Type snowflake -Configuration @{{ account = 'a'; username = 'u'; pasword = 'p'; dbname = 'd' }}
$ok = New-PolytomicConnection -Name '{name} ok' -Type stripe -Configuration @{{ api_key = 'sk' }}
$ok | Set-PolytomicConnection -Configuration @{{ api_kye = 'sk2' }}
", sandbox, version);
            Assert.Equal(new[] { "UnknownConfigurationKey", "UnknownConfigurationKey" }, r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Contains("Did you mean 'password'?", r.Errors[0].Exception.Message);
            Assert.Contains("Did you mean 'api_key'?", r.Errors[1].Exception.Message);
            Assert.DoesNotContain(sandbox.State.Connections.All(), c => (string?)c["name"] == name);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "PUT" && x.Body.Contains("api_kye"));
        }

        [Theory]
        [InlineData("2024-02-08", "@{ read = $null }")]
        [InlineData("2025-09-18", "@{ read = @() }")]
        [InlineData("2024-02-08", "@{ read = (Get-PolytomicRole -Name 'no such role*') }")]
        public void A_policy_action_without_a_role_is_refused(string version, string actions)
        {
            var name = ModelSyncSetup.Unique("policy");
            var r = Ps.Run($"New-PolytomicPolicy -Name '{name}' -PolicyAction {actions}", sandbox, version);
            ModelSyncSetup.AssertError(r, "PolicyActionWithoutRole", ErrorCategory.InvalidArgument, "names no role");
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Body.Contains(name));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Target_fields_complete_for_the_values_of_Field_and_Identity(string version)
        {
            var r = Ps.Run(ModelSyncSetup.Setup + @"
function Complete([string]$line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText }
$base = ""New-PolytomicSync -Name x -Model $($model.Id) -Target $($crm.Id) -Object Contact -Mode update ""
'--- value'; Complete ($base + '-Field first_name=')
'--- prefix'; Complete ($base + '-Field first_name=Fi')
'--- key'; Complete ($base + '-Identity ema')
'--- no target'; Complete (""New-PolytomicSync -Name x -Model $($model.Id) -Field first_name="")
", sandbox, version);
            r.AssertSuccess();
            var lines = r.Output.Select(o => o.ToString()).ToList();
            List<string> Section(string title) => lines.SkipWhile(l => l != "--- " + title).Skip(1).TakeWhile(l => !l.StartsWith("--- ")).ToList();
            Assert.Contains("@{ first_name = 'FirstName' }", Section("value"));
            Assert.Contains("@{ first_name = 'Email' }", Section("value"));
            Assert.Equal(new[] { "@{ first_name = 'FirstName' }" }, Section("prefix"));
            Assert.Equal(new[] { "@{ email = 'Email' }" }, Section("key"));
            Assert.Empty(Section("no target"));
        }
    }
}
