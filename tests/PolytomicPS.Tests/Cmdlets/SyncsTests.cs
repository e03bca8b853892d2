using System.Threading.Tasks;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;

using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Model syncs and their targets: the headline pipeline, target drill-down, fields and modes, create, read,
    /// change, enable, disable and remove, schedule options, with the errors of each.</summary>
    public sealed class SyncsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public SyncsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void The_headline_pipeline_binds_connection_model_and_sync_without_naming_ids(string version)
        {
            var sfName = Unique("Snowflake");
            var r = Ps.Run($@"
$null = New-PolytomicConnection -Name '{sfName}' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }} | Wait-PolytomicConnection -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Name crm -Type salesforce -Configuration @{{ domain = 'https://x.my.salesforce.com' }} -WarningAction SilentlyContinue
Get-PolytomicConnection -Name '{sfName}' |
    New-PolytomicModel -Name 'Active Users' -Query 'SELECT email, first_name, last_name FROM users' |
    New-PolytomicSync -Name 'Users to CRM' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName'; last_name = 'LastName' }} -Frequency continuous
", sandbox, version);
            r.AssertSuccess();
            var sync = r.Single<PolytomicSync>();
            var stored = sandbox.State.Store("syncs").Get(sync.Id)!;
            var modelId = sync.ModelIds.Single();
            Assert.Equal("Active Users", (string?)sandbox.State.Store("models").Get(modelId)!["name"]);
            Assert.Equal("Equality", (string?)stored["identity"]!["function"]);
            Assert.Equal(new[] { "first_name", "last_name" }, stored["fields"]!.AsArray().Select(f => (string?)f!["source"]!["field"]));
            Assert.All(stored["fields"]!.AsArray(), f => Assert.Equal(modelId, (string?)f!["source"]!["model_id"]));
        }

        [Fact]
        public void Target_drill_down_walks_to_tables_on_2024_and_names_the_version_on_2025()
        {
            var r = Ps.Run(Setup + "Get-PolytomicTarget $sf -Recurse", sandbox);
            r.AssertSuccess();
            var leaves = r.All<PolytomicTargetOption>();
            Assert.Contains(leaves, o => o.TargetObject == "CUSTOMERS.CONTACTS");
            Assert.Single(leaves, o => o.TargetObject == "__pt_new_target");

            var r25 = Ps.Run(Setup + "Get-PolytomicTarget $sf -Type schema", sandbox, "2025-09-18");
            AssertError(r25, "ApiVersionNotSupported", ErrorCategory.NotImplemented, "2024-02-08");
            var objects = Ps.Run(Setup + "Get-PolytomicTarget $crm | Get-PolytomicTargetField", sandbox, "2025-09-18");
            objects.AssertSuccess();
            Assert.Contains(objects.All<PolytomicTargetField>(), f => f.TargetObject == "Contact" && f.Id == "Email" && f.IdentityFunctions.Any(i => i.Id == "Equality"));
        }

        [Fact]
        public void Target_fields_and_modes()
        {
            var r = Ps.Run(Setup + "Get-PolytomicTargetField $crm -Object Lead -Modes; Get-PolytomicTargetField $crm -Object Lead", sandbox);
            r.AssertSuccess();
            Assert.Equal(new[] { "create", "update", "updateOrCreate", "remove" }, r.All<PolytomicTargetMode>().Select(m => m.Mode));
            Assert.Contains(r.All<PolytomicTargetField>(), f => f.Id == "Company" && f.Required);
        }

        [Theory]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Field @{ first_name = 'FirstName' }", "IdentityRequired")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode update -Identity @{ email = 'Email' }", "NoFieldMapping")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email'; plan = 'X' } -Field @{ a = 'B' }", "InvalidIdentity")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -IdentityFunction Fuzzy -Field @{ a = 'B' }", "UnknownIdentityFunction")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ a = 5 }", "InvalidFieldMapping")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ a = 'B' } -Frequency sometimes", "UnknownFrequency")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ a = 'B' } -Frequency daily -Schedule @{ minutes = '5' }", "InvalidSchedule")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ a = 'B' } -Filter @{ field = 'plan' }", "InvalidFilter")]
        // Field names the model and the target list are checked here too (Polytomic would refuse them with a 400).
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ nickname = 'FirstName' }", "UnknownModelField")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'Nickname' }", "UnknownTargetField")]
        public void Bad_input_is_refused_before_any_request(string command, string errorId)
            => AssertRefusedBeforeAnyRequest(sandbox, command, errorId);

        [Theory]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contacts -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' }", "unknown target object 'Contacts'")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode replace -Field @{ first_name = 'FirstName' }", "mode 'replace' is not supported")]
        [InlineData("$model | New-PolytomicSync -Name s -Target $crm -Object Contact -Mode create -Identity @{ email = 'FirstName' } -IdentityFunction DomainMatch -Field @{ first_name = 'FirstName' }", "function 'DomainMatch' is not supported")]
        [InlineData("Get-PolytomicTarget $sf -Type warehouse", "unknown type 'warehouse'")]
        public void The_api_s_validation_errors_are_reported_clearly(string command, string message)
            => AssertApiValidationError(sandbox, command, message);

        [Theory]
        [InlineData("Get-PolytomicSync -Id 00000000-0000-0000-0000-000000000000")]
        [InlineData("Set-PolytomicSync -Id 00000000-0000-0000-0000-000000000000 -NewName x")]
        [InlineData("Remove-PolytomicSync -Id 00000000-0000-0000-0000-000000000000 -Force")]
        [InlineData("Enable-PolytomicSync -Id 00000000-0000-0000-0000-000000000000")]
        [InlineData("Disable-PolytomicSync -Id 00000000-0000-0000-0000-000000000000")]
        [InlineData("Get-PolytomicTargetField -ConnectionId $crm -Object Opportunity")]
        public void Unknown_ids_are_not_found(string command)
            => AssertUnknownIdNotFound(sandbox, command);

        [Theory]
        [InlineData("Get-PolytomicSync -Name 'no such sync'", "SyncNotFound")]
        public void Unknown_names_are_not_found(string command, string errorId)
        {
            AssertError(Ps.Run(command, sandbox), errorId, ErrorCategory.ObjectNotFound);
        }

        [Fact]
        public void Set_PolytomicSync_keeps_what_is_not_passed_and_Enable_Disable_toggle_it()
        {
            var r = Ps.Run(Setup + @"
$sync = $model | New-PolytomicSync -Name keep -Target $crm -Object Contact -Mode updateOrCreate -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency continuous
$sync | Set-PolytomicSync -Frequency daily -Schedule @{ hour = 5; minute = '30' } -PassThru
$sync | Disable-PolytomicSync -PassThru
$sync | Enable-PolytomicSync", sandbox);
            r.AssertSuccess();
            var syncs = r.All<PolytomicSync>();
            var stored = sandbox.State.Store("syncs").Get(syncs[0].Id)!;
            var put = JsonNode.Parse((string)stored["_body"]!)!;
            Assert.Equal("daily", (string?)put["schedule"]!["frequency"]);
            Assert.Equal("5", (string?)put["schedule"]!["hour"]);
            Assert.Equal("Email", (string?)put["identity"]!["target"]);
            Assert.Equal("FirstName", (string?)put["fields"]![0]!["target"]);
            Assert.False(syncs[1].Active);
            Assert.True((bool?)stored["active"]);
        }

        [Fact]
        public void Set_PolytomicSync_refuses_a_mode_that_needs_an_identity_the_sync_lacks()
        {
            var r = Ps.Run(Setup + @"
$target = New-PolytomicConnection -Name t -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' }
$sync = $model | New-PolytomicSync -Name rep -Target $target -Object CUSTOMERS.CONTACTS -Mode append -Field @{ email = 'EMAIL' }
$sync | Set-PolytomicSync -Mode update", sandbox);
            AssertError(r, "IdentityRequired", ErrorCategory.InvalidArgument);
        }

        [Fact]
        public void Remove_PolytomicSync_honours_WhatIf_and_Force()
        {
            var r = Ps.Run(Setup + @"
$sync = $model | New-PolytomicSync -Name gone -Target $crm -Object Lead -Mode create -Identity @{ email = 'Email' } -Field @{ last_name = 'LastName' }
$sync | Remove-PolytomicSync -WhatIf
$sync", sandbox);
            r.AssertSuccess();
            var id = r.Single<PolytomicSync>().Id;
            Assert.NotNull(sandbox.State.Store("syncs").Get(id));
            Ps.Run($"Remove-PolytomicSync -Id {id} -Force", sandbox).AssertSuccess();
            Assert.Null(sandbox.State.Store("syncs").Get(id));
        }

        [Fact]
        public void The_2025_list_is_paged_and_light_and_2024_returns_full_syncs_at_once()
        {
            var r = Ps.Run(Setup + @"
foreach ($i in 1..3) { $null = $model | New-PolytomicSync -Name ""page $i"" -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } }
$crm.Id", sandbox);
            r.AssertSuccess();
            var crm = r.Output.Last().BaseObject.ToString()!;
            var before = sandbox.State.Requests.Count;
            var paged = Ps.Run($"Get-PolytomicSync -TargetConnectionId {crm} -PageSize 2", sandbox, "2025-09-18");
            paged.AssertSuccess();
            var list = paged.All<PolytomicSync>();
            Assert.Equal(3, list.Count);
            Assert.All(list, s => { Assert.Null(s.Fields); Assert.Equal(crm, s.TargetConnectionId); Assert.Equal("Contact", s.TargetObject); });
            var gets = sandbox.State.Requests.Skip(before).Where(x => x.Method == "GET" && x.Path == "/api/syncs").ToList();
            Assert.Equal(2, gets.Count);
            Assert.Contains("limit=2", gets[0].Query);
            Assert.Contains("page_token=", gets[1].Query);

            var full = Ps.Run($"Get-PolytomicSync -TargetConnectionId {crm} -Name 'page*'", sandbox, "2024-02-08");
            full.AssertSuccess();
            Assert.Equal(3, full.All<PolytomicSync>().Count);
            Assert.All(full.All<PolytomicSync>(), s => Assert.NotNull(s.Fields));
        }

        [Fact]
        public void Schedule_options_list_the_frequencies()
        {
            var r = Ps.Run("Get-PolytomicScheduleOption; Get-PolytomicScheduleOption -Frequency Daily", sandbox, "2025-09-18");
            r.AssertSuccess();
            var options = r.All<PolytomicScheduleOption>();
            Assert.Contains(options, o => o.Frequency == "continuous");
            Assert.Equal("daily", options.Last().Frequency);
        }

        [Fact]
        public async Task The_sandbox_itself_refuses_a_sync_without_the_identity_its_mode_needs_and_version_only_routes()
        {
            var r = Ps.Run(Setup + "$model.Id; $crm.Id", sandbox);
            r.AssertSuccess();
            var (model, crm) = (r.Output[^2].BaseObject.ToString(), r.Output[^1].BaseObject.ToString());
            using var http = new System.Net.Http.HttpClient { BaseAddress = sandbox.Server.BaseUrl };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SandboxFixture.ApiKey);
            async Task<(int, string)> Send(string version, System.Net.Http.HttpMethod method, string path, string? body = null)
            {
                using var req = new System.Net.Http.HttpRequestMessage(method, path);
                req.Headers.Add("X-Polytomic-Version", version);
                if (body != null) req.Content = new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var res = await http.SendAsync(req);
                return ((int)res.StatusCode, await res.Content.ReadAsStringAsync());
            }
            var (status, text) = await Send("2025-09-18", System.Net.Http.HttpMethod.Post, "/api/syncs",
                $"{{\"name\":\"n\",\"mode\":\"update\",\"fields\":[{{\"source\":{{\"field\":\"email\",\"model_id\":\"{model}\"}},\"target\":\"Email\"}}],\"schedule\":{{\"frequency\":\"manual\"}},\"target\":{{\"connection_id\":\"{crm}\",\"object\":\"Contact\"}}}}");
            Assert.Equal(400, status);
            Assert.Contains("mode 'update' requires an identity", (string?)JsonNode.Parse(text)!["message"]);
            Assert.Equal(404, (await Send("2025-09-18", System.Net.Http.HttpMethod.Get, $"/api/connections/{crm}/modelsync/target")).Item1);
            var (posted, fields) = await Send("2024-02-08", System.Net.Http.HttpMethod.Post, $"/api/connections/{crm}/modelsync/target/fields", "{\"target\":\"Contact\"}");
            Assert.Equal(200, posted);
            Assert.Contains("\"supports_identity\":true", fields);
        }
    }
}
