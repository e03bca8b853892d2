using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;
using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>-Override, -OverrideField, -EncryptionPassphrase, -OnlyEnrichUpdates, -RunAfter and -RunAfterSuccessOnly of
    /// New-/Set-PolytomicSync: the body sent, what Polytomic keeps, and the values refused before the write.</summary>
    public sealed class SyncSettingsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public SyncSettingsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static string NewSync(string name, string extra = "") =>
            $"$model | New-PolytomicSync -Name '{name}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} {extra}\n";

        private JsonObject LastBody(int before, string method, string path) =>
            sandbox.State.Requests.Skip(before).Last(x => x.Method == method && x.Path == path && x.Status == 200).Json!.AsObject();

        private List<RecordedRequest> SyncWrites(int before) =>
            sandbox.State.Requests.Skip(before).Where(x => x.Method != "GET" && x.Path.StartsWith("/api/syncs", StringComparison.Ordinal)).ToList();

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void New_sends_overrides_by_field_name_a_passphrase_and_a_dependency_by_name(string version)
        {
            var first = Unique("first");
            var second = Unique("second");
            var before = sandbox.State.Requests.Count;
            // A SecureString on one version, a plain string on the other: both are taken.
            var passphrase = version == "2025-09-18"
                ? "$passphrase = [System.Security.SecureString]::new(); foreach ($c in 'pass-phrase-1'.ToCharArray()) { $passphrase.AppendChar($c) }\n"
                : "$passphrase = 'pass-phrase-1'\n";
            var r = Ps.Run(Setup + passphrase + NewSync(first) + NewSync(second,
                "-Override @{ Field = 'first_name'; Function = 'isnull'; Override = 'Friend' }, @{ Field = 'plan'; Function = 'Equality'; Value = 'trial'; Override = 'free' } " +
                "-OverrideField @{ last_name = 'LastName' } -EncryptionPassphrase $passphrase -OnlyEnrichUpdates " +
                $"-RunAfter '{first}' -RunAfterSuccessOnly"), sandbox, version, secrets: new[] { "pass-phrase-1" });
            r.AssertSuccess();
            var syncs = r.All<PolytomicSync>();
            var firstSync = syncs[0];
            var body = LastBody(before, "POST", "/api/syncs");
            var modelId = syncs[1].ModelIds.Single();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($@"[{{""field"":{{""field"":""first_name"",""model_id"":""{modelId}""}},""function"":""IsNull"",""override"":""Friend""}},
                {{""field"":{{""field"":""plan"",""model_id"":""{modelId}""}},""function"":""Equality"",""value"":""trial"",""override"":""free""}}]"), body["overrides"]), body["overrides"]?.ToJsonString());
            Assert.Equal("last_name", (string?)body["override_fields"]![0]!["source"]!["field"]);
            Assert.Equal("LastName", (string?)body["override_fields"]![0]!["target"]);
            Assert.Equal("pass-phrase-1", (string?)body["encryption_passphrase"]);
            Assert.True((bool)body["only_enrich_updates"]!);
            Assert.Equal("runafter", (string?)body["schedule"]!["frequency"]);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($@"{{""sync_ids"":[""{firstSync.Id}""],""bulk_sync_ids"":[]}}"), body["schedule"]!["run_after"]));
            Assert.True((bool)body["schedule"]!["run_after_success_only"]!);
            // The passphrase is never printed: not in the output, not in any stream.
            Assert.DoesNotContain("pass-phrase-1", r.AllText());
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Set_takes_run_after_as_objects_and_ids_of_syncs_and_bulk_syncs_and_keeps_what_it_is_not_given(string version)
        {
            var r = Ps.Run(Setup + $@"
                $a = {NewSync(Unique("a")).Trim()}
                $b = {NewSync(Unique("b"), "-Override @{ Field = 'email'; Function = 'IsNull'; Override = 'x@example.com' } -OnlyEnrichUpdates").Trim()}
                $src = New-PolytomicConnection -Name ('src-' + [guid]::NewGuid()) -Type salesforce -Configuration @{{ domain = 'https://example.my.salesforce.com' }} -WarningAction SilentlyContinue
                $dst = New-PolytomicConnection -Name ('dst-' + [guid]::NewGuid()) -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }}
                $a; $b; $dst.Id; $src.Id", sandbox, version);
            r.AssertSuccess();
            var src = (string)r.Output.Last().BaseObject;
            var dst = (string)r.Output[r.Output.Count - 2].BaseObject;
            sandbox.State.Connections.Get(src)!["_cache_ready_at"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o");
            var syncs = r.All<PolytomicSync>();
            var (a, b) = (syncs[0], syncs[1]);
            var bulk = Ps.Run($"New-PolytomicBulkSync -Name '{Unique("bulk")}' -Source '{src}' -Destination '{dst}' -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account", sandbox, version);
            bulk.AssertSuccess();
            var bulkId = bulk.Single<PolytomicBulkSync>().Id;

            var before = sandbox.State.Requests.Count;
            var set = Ps.Run($"$a = Get-PolytomicSync -Id '{a.Id}'; Set-PolytomicSync -Id '{b.Id}' -RunAfter $a, '{bulkId}' -PassThru", sandbox, version);
            set.AssertSuccess();
            var body = LastBody(before, "PUT", "/api/syncs/" + b.Id);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($@"{{""sync_ids"":[""{a.Id}""],""bulk_sync_ids"":[""{bulkId}""]}}"), body["schedule"]!["run_after"]), body["schedule"]?.ToJsonString());
            Assert.Equal("runafter", (string?)body["schedule"]!["frequency"]);
            Assert.Equal("IsNull", (string?)body["overrides"]![0]!["function"]);
            Assert.True((bool)body["only_enrich_updates"]!);
            var updated = set.Single<PolytomicSync>();
            Assert.Equal("runafter", updated.Schedule!.Frequency);

            // Turning a switch off and removing the overrides.
            Ps.Run($"Set-PolytomicSync -Id '{b.Id}' -OnlyEnrichUpdates:$false -Override @()", sandbox, version).AssertSuccess();
            var stored = sandbox.State.Store("syncs").Get(b.Id)!;
            Assert.False((bool)stored["only_enrich_updates"]!);
            Assert.Empty(stored["overrides"]!.AsArray());
        }

        [Fact]
        public void RunAfter_by_several_names_reads_each_whole_list_once()
        {
            var a = Unique("a");
            var b = Unique("b");
            var made = Ps.Run(Setup + NewSync(a) + NewSync(b) + NewSync(Unique("c")), sandbox);
            made.AssertSuccess();
            var c = made.All<PolytomicSync>()[2];
            var before = sandbox.State.Requests.Count;
            var set = Ps.Run($"Set-PolytomicSync -Id '{c.Id}' -RunAfter '{a}', '{b}'", sandbox);
            set.AssertSuccess();
            var lists = sandbox.State.Requests.Skip(before).Where(x => x.Method == "GET" && (x.Path == "/api/syncs" || x.Path == "/api/bulk/syncs"))
                .GroupBy(x => x.Path).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(new Dictionary<string, int> { ["/api/syncs"] = 1, ["/api/bulk/syncs"] = 1 }, lists);
            Assert.Equal(2, ((JsonArray)LastBody(before, "PUT", "/api/syncs/" + c.Id)["schedule"]!["run_after"]!["sync_ids"]!).Count);
        }

        [Theory]
        [InlineData("-Override @{ Field = 'email'; Function = 'Sometimes'; Override = 'x' }", "UnknownFilterFunction", "Override")]
        [InlineData("-Override @{ Field = 'email'; Function = 'Equality'; Override = 'x' }", "InvalidOverride", "Override")]
        [InlineData("-Override @{ Field = 'email'; Function = 'IsNull' }", "InvalidOverride", "Override")]
        [InlineData("-Override @{ Field = 'shoe_size'; Function = 'IsNull'; Override = 'x' }", "UnknownModelField", "Override")]
        [InlineData("-OverrideField @{ shoe_size = 'LastName' }", "UnknownModelField", "OverrideField")]
        [InlineData("-RunAfter 'no such sync anywhere'", "UnknownRunAfter", "RunAfter")]
        [InlineData("-RunAfter $model.Id", "UnknownRunAfter", "RunAfter")]
        [InlineData("-RunAfter $self", "RunAfterItself", "RunAfter")]
        [InlineData("-RunAfter $other", "RunAfterCycle", "RunAfter")]
        [InlineData("-RunAfter $other -Frequency daily", "InvalidSchedule", "RunAfter")]
        [InlineData("-EncryptionPassphrase ''", "InvalidEncryptionPassphrase", "EncryptionPassphrase")]
        public void A_value_Polytomic_would_refuse_is_an_error_naming_the_parameter_before_the_write(string parameters, string errorId, string parameter)
        {
            var self = Unique("self");
            var other = Unique("other");
            var r0 = Ps.Run(Setup + NewSync(self) + NewSync(other) + $"Set-PolytomicSync -Id (Get-PolytomicSync -Name '{other}').Id -RunAfter '{self}'\n$model.Id", sandbox, "2025-09-18");
            r0.AssertSuccess();
            var modelId = (string)r0.Output.Last().BaseObject;
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"$model = Get-PolytomicModel -Id '{modelId}'; $self = Get-PolytomicSync -Name '{self}'; $other = Get-PolytomicSync -Name '{other}'\n" +
                           $"Set-PolytomicSync -Id $self.Id {parameters}", sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal(errorId + ",PolytomicPS.Commands.SetPolytomicSyncCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("-" + parameter, e.Exception.Message);
            Assert.Empty(SyncWrites(before));
        }

        [Fact]
        public void New_refuses_an_unknown_override_function_before_any_request()
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(Setup + "$mark = 1\n" + NewSync(Unique("n"), "-Override @{ Field = 'email'; Function = 'Sometimes'; Override = 'x' }"), sandbox);
            Assert.Equal("UnknownFilterFunction,PolytomicPS.Commands.NewPolytomicSyncCommand", r.SingleError().FullyQualifiedErrorId);
            Assert.Empty(SyncWrites(before));
        }

        [Fact]
        public void The_sandbox_refuses_a_dependency_that_does_not_exist_or_is_the_sync_itself()
        {
            var name = Unique("s");
            var r = Ps.Run(Setup + NewSync(name) + $@"
                $s = Get-PolytomicSync -Name '{name}'
                foreach ($ids in @([guid]::NewGuid().ToString()), @($s.Id)) {{
                    try {{ Invoke-PolytomicRequest -Method PUT -Path ""/api/syncs/$($s.Id)"" -Body @{{ name = $s.Name; mode = 'create'; target = @{{ connection_id = $crm.Id; object = 'Contact' }};
                        identity = @{{ source = @{{ model_id = $model.Id; field = 'email' }}; target = 'Email'; function = 'Equality' }};
                        fields = @(@{{ source = @{{ model_id = $model.Id; field = 'first_name' }}; target = 'FirstName' }});
                        schedule = @{{ frequency = 'runafter'; run_after = @{{ sync_ids = $ids }} }} }} -ErrorAction Stop }}
                    catch {{ $_.FullyQualifiedErrorId }}
                }}", sandbox);
            Assert.Equal(2, r.Output.Count(o => o.ToString() == "PolytomicApi.BadRequest,PolytomicPS.Commands.InvokePolytomicRequestCommand"));
        }
        [Fact]
        public void Tab_offers_the_models_fields_then_every_function_as_a_whole_override()
        {
            var r = Ps.Run(Setup + @"
                $line = ""New-PolytomicSync -Name x -Model $($model.Id) -Override pl""
                (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
                $line = ""Set-PolytomicSync -Id x -Override plan=IsNot""
                (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
                $line = ""Set-PolytomicSync -Id x -Override plan=StringStartsW""
                (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText", sandbox);
            r.AssertSuccess();
            Assert.Equal(new[] { "plan=", "@{ Field = 'plan'; Function = 'IsNotNull'; Override = '' }", "@{ Field = 'plan'; Function = 'StringStartsWith'; Value = ''; Override = '' }" },
                r.Output.Select(o => o.ToString()).ToArray());
        }
    }
}
