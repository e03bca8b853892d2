using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Cmdlets
{
    public sealed class ConnectionsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ConnectionsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        private JsonObject Stored(string name) => sandbox.State.Connections.All().Single(c => (string?)c["name"] == name);

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void New_sends_the_seed_body_and_returns_a_typed_connection_with_secrets_redacted(string version)
        {
            var name = Unique("Snowflake Connection");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type snowflake -Configuration @{{ account='uc193736182'; username='user'; password='secret'; dbname='database' }}",
                sandbox, version, secrets: new[] { "secret" });
            r.AssertSuccess();
            var c = r.Single<PolytomicConnection>();
            Assert.Equal("snowflake", c.Type);
            Assert.Equal("healthy", c.Status);
            Assert.Equal("********", c.Configuration["password"]);
            var body = sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path == "/api/connections" && x.Body.Contains(name)).Json!.AsObject();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($"{{\"name\":\"{name}\",\"type\":\"snowflake\",\"configuration\":{{\"account\":\"uc193736182\",\"username\":\"user\",\"password\":\"secret\",\"dbname\":\"database\"}}}}"),
                Normalize(body)), body.ToJsonString());
        }

        private static JsonNode Normalize(JsonObject body)
        {
            // Key order inside configuration follows the hashtable's; compare as sorted objects.
            var config = new JsonObject(body["configuration"]!.AsObject().OrderBy(kv => kv.Key).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
            var order = new[] { "account", "username", "password", "dbname" };
            var ordered = new JsonObject(order.Where(config.ContainsKey).Select(k => KeyValuePair.Create(k, config[k]?.DeepClone())));
            return new JsonObject { ["name"] = body["name"]?.DeepClone(), ["type"] = body["type"]?.DeepClone(), ["configuration"] = ordered };
        }

        [Fact]
        public void An_oauth_connection_shows_its_auth_url_and_warns()
        {
            var name = Unique("Salesforce Connection");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type salesforce -Configuration @{{ domain = 'https://example.my.salesforce.com' }} -RedirectUrl 'https://example.com/done'", sandbox);
            r.AssertSuccess();
            var c = r.Single<PolytomicConnection>();
            Assert.StartsWith("https://", c.AuthUrl);
            Assert.Contains("redirect_url=https%3A%2F%2Fexample.com%2Fdone", c.AuthUrl);
            Assert.Contains(r.Warnings, w => w.Message.Contains(c.AuthUrl!));
        }

        [Fact]
        public void WhatIf_creates_nothing()
        {
            var name = Unique("whatif");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }} -WhatIf", sandbox);
            r.AssertSuccess();
            Assert.Empty(r.Output);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Body.Contains(name));
        }

        [Fact]
        public void A_missing_required_field_is_caught_before_any_post()
        {
            var name = Unique("missing");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type snowflake -Configuration @{{ account = 'a' }}", sandbox);
            var e = r.SingleError();
            Assert.Equal("MissingRequiredConfiguration,PolytomicPS.Commands.NewPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("username, dbname", e.Exception.Message);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "POST" && x.Body.Contains(name));
        }

        [Fact]
        public void An_unknown_type_is_a_specific_error()
        {
            var r = Ps.Run("New-PolytomicConnection -Name x -Type snowflak -Configuration @{}", sandbox);
            var e = r.SingleError();
            Assert.Equal("UnknownConnectionType,PolytomicPS.Commands.NewPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal("snowflak", e.TargetObject);
        }

        [Fact]
        public void A_typo_in_a_field_name_is_refused_and_a_key_far_from_every_field_warns()
        {
            var name = Unique("typo");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk'; apikey = 'x' }}", sandbox);
            var e = r.SingleError();
            Assert.StartsWith("UnknownConfigurationKey,", e.FullyQualifiedErrorId);
            Assert.Contains("Did you mean 'api_key'?", e.Exception.Message);
            Assert.DoesNotContain(sandbox.State.Connections.All(), c => (string?)c["name"] == name);

            r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk'; webhook_region = 'x' }}", sandbox);
            r.AssertSuccess();
            Assert.Contains(r.Warnings, w => w.Message.Contains("webhook_region"));
        }

        [Theory]
        [InlineData("@{ api_key = { 'script' } }", "UnsupportedConfigurationValue")]
        [InlineData("@{ '' = 'x' }", "InvalidConfigurationKey")]
        public void Configuration_values_without_json_meaning_are_refused(string config, string errorId)
        {
            var r = Ps.Run($"New-PolytomicConnection -Name bad -Type stripe -Configuration {config}", sandbox);
            Assert.StartsWith(errorId + ",", r.SingleError().FullyQualifiedErrorId);
        }

        [Fact]
        public void SecureString_values_are_sent_but_never_shown()
        {
            var name = Unique("secure");
            var r = Ps.Run($"$p = [System.Net.NetworkCredential]::new('', 'S3cr3t-Value!').SecurePassword\n" +
                           $"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = $p }} -Verbose -Debug", sandbox, secrets: new[] { "S3cr3t-Value!" });
            r.AssertSuccess();
            Assert.Equal("S3cr3t-Value!", (string?)Stored(name)["configuration"]!["api_key"]);
        }

        [Fact]
        public void Get_by_name_with_wildcards_by_id_from_the_pipeline_and_not_found()
        {
            var name = Unique("Findme");
            var r = Ps.Run($@"
                $c = New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }}
                Get-PolytomicConnection -Name '{name.Substring(0, 8)}*'
                $c | Get-PolytomicConnection
                Get-PolytomicConnection -Name 'no-such-connection'", sandbox);
            Assert.Equal(2, r.All<PolytomicConnection>().Count(c => c.Name == name));
            var e = r.SingleError();
            Assert.Equal("ConnectionNotFound,PolytomicPS.Commands.GetPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("00000000-0000-0000-0000-000000000000", "PolytomicApi.NotFound", ErrorCategory.ObjectNotFound)]
        [InlineData("..", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("../../api/me?x=1#", "InvalidId", ErrorCategory.InvalidArgument)]
        [InlineData("%2F", "InvalidId", ErrorCategory.InvalidArgument)]
        public void A_bad_id_is_a_specific_error(string id, string errorId, ErrorCategory category)
        {
            var r = Ps.Run($"Get-PolytomicConnection -Id '{id}'", sandbox);
            var e = r.SingleError();
            Assert.Equal(errorId + ",PolytomicPS.Commands.GetPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
        }

        [Fact]
        public void Set_changes_only_what_is_passed_and_keeps_secrets()
        {
            var name = Unique("SetMe");
            var r = Ps.Run($@"
                New-PolytomicConnection -Name '{name}' -Type snowflake -Configuration @{{ account='a'; username='u'; password='pw-123456'; dbname='d' }} |
                    Set-PolytomicConnection -Configuration @{{ warehouse = 'WH' }} -NewName '{name}-2' -PassThru", sandbox, secrets: new[] { "pw-123456" });
            r.AssertSuccess();
            var c = r.Single<PolytomicConnection>();
            Assert.Equal(name + "-2", c.Name);
            var stored = Stored(name + "-2")["configuration"]!;
            Assert.Equal("WH", (string?)stored["warehouse"]);
            Assert.Equal("a", (string?)stored["account"]);
            Assert.Equal("pw-123456", (string?)stored["password"]);
            var put = sandbox.State.Requests.Last(x => x.Method == "PUT" && x.Path == "/api/connections/" + c.Id);
            Assert.Null(put.IdempotencyKey);
        }

        [Fact]
        public void Set_WhatIf_changes_nothing()
        {
            var name = Unique("SetWhatIf");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key='sk' }} | Set-PolytomicConnection -NewName other -WhatIf", sandbox);
            r.AssertSuccess();
            Assert.Equal(name, (string?)Stored(name)["name"]);
        }

        [Fact]
        public void Remove_refuses_a_connection_in_use_and_lists_users_even_with_Force_then_Recurse_deletes_everything()
        {
            var name = Unique("InUse");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key='sk' }}", sandbox);
            var id = r.Single<PolytomicConnection>().Id;
            var modelId = Guid.NewGuid().ToString();
            sandbox.State.Store("models").Add(new JsonObject { ["id"] = modelId, ["name"] = "Active Users", ["connection_id"] = id });

            foreach (var switches in new[] { "-Confirm:$false", "-Force" })
            {
                var refused = Ps.Run($"Remove-PolytomicConnection -Id '{id}' {switches}", sandbox);
                var e = refused.SingleError();
                Assert.Equal("ConnectionInUse,PolytomicPS.Commands.RemovePolytomicConnectionCommand", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ResourceBusy, e.CategoryInfo.Category);
                Assert.Contains("model 'Active Users'", e.ErrorDetails!.Message);
                Assert.Contains("-Recurse", e.ErrorDetails.RecommendedAction);
                Assert.NotNull(sandbox.State.Connections.Get(id));
                Assert.NotNull(sandbox.State.Store("models").Get(modelId));
            }

            var recursed = Ps.Run($"Get-PolytomicConnection -Id '{id}' | Remove-PolytomicConnection -Recurse -Force", sandbox);
            recursed.AssertSuccess();
            Assert.Null(sandbox.State.Connections.Get(id));
            Assert.Null(sandbox.State.Store("models").Get(modelId));
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Method == "DELETE" && x.Query.Contains("force=true"));
        }

        [Fact]
        public void Remove_WhatIf_deletes_nothing()
        {
            var name = Unique("Keep");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key='sk' }} | Remove-PolytomicConnection -Force -WhatIf", sandbox);
            r.AssertSuccess();
            Assert.NotNull(Stored(name));
        }

        [Fact]
        public void Test_reports_success_and_failure_as_results()
        {
            var r = Ps.Run(@"
                Test-PolytomicConnection -Type stripe -Configuration @{ api_key = 'sk' } -Quiet
                Test-PolytomicConnection -Type stripe -Configuration @{ api_key = 'wrong-password' }", sandbox);
            r.AssertSuccess();
            Assert.True((bool)r.Output[0].BaseObject);
            var failed = (PolytomicConnectionTestResult)r.Output[1].BaseObject;
            Assert.False(failed.Success);
            Assert.Contains("rejected the credentials", failed.Message);
            Assert.DoesNotContain(sandbox.State.Connections.All(), c => (string?)c["configuration"]?["api_key"] == "wrong-password");
        }

        [Fact]
        public void Connection_type_schema_lists_required_and_secret_fields()
        {
            var r = Ps.Run("Get-PolytomicConnectionType -Type mysql", sandbox);
            r.AssertSuccess();
            var fields = r.All<PolytomicConnectionTypeField>();
            Assert.True(fields.Single(f => f.Name == "passwd").Secret);
            Assert.True(fields.Single(f => f.Name == "hostname").Required);
            Assert.Equal(3306L, fields.Single(f => f.Name == "port").Default);
        }

        [Fact]
        public void Wait_polls_the_schema_cache_with_progress_and_outputs_the_connection()
        {
            var name = Unique("Wait");
            var created = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key='sk' }}", sandbox).Single<PolytomicConnection>();
            sandbox.State.Connections.Get(created.Id)!["_cache_ready_at"] = DateTimeOffset.UtcNow.AddSeconds(1.5).ToString("o");
            var r = Ps.Run($"Get-PolytomicConnection -Id '{created.Id}' | Wait-PolytomicConnection -PollIntervalSeconds 0.1 | Get-PolytomicSchemaStatus", sandbox);
            r.AssertSuccess();
            var status = r.Single<PolytomicSchemaStatus>();
            Assert.True(status.IsReady);
            Assert.Equal("cached", status.CacheStatus);
            Assert.Contains(r.Progress, p => p.StatusDescription.Contains("refreshing"));
        }

        [Fact]
        public void Wait_times_out_with_a_clear_error()
        {
            var name = Unique("Slow");
            var created = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key='sk' }}", sandbox).Single<PolytomicConnection>();
            sandbox.State.Connections.Get(created.Id)!["_cache_ready_at"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o");
            var r = Ps.Run($"Wait-PolytomicConnection -Id '{created.Id}' -TimeoutSeconds 1 -PollIntervalSeconds 0.2", sandbox);
            var e = r.SingleError();
            Assert.Equal("SchemaCacheTimeout,PolytomicPS.Commands.WaitPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
        }

        [Fact]
        public void Update_schema_refreshes_the_cache()
        {
            var name = Unique("Refresh");
            var r = Ps.Run($"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key='sk' }} | Update-PolytomicSchema -PassThru", sandbox);
            r.AssertSuccess();
            Assert.Equal("refreshing", r.Single<PolytomicSchemaStatus>().CacheStatus);
        }

        [Fact]
        public void Retries_after_injected_429_and_500_create_nothing_twice()
        {
            var name = Unique("Retried");
            sandbox.State.Faults.FailNext(429, count: 1, retryAfter: "1", method: "POST", pathPrefix: "/api/connections");
            sandbox.State.Faults.FailNext(500, count: 1, method: "POST", pathPrefix: "/api/connections");
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.LoseResponse, Method = "POST", PathPrefix = "/api/connections" });
            var r = Ps.Run($"$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -MaxRetries 3\nNew-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key='sk' }} -Verbose", sandbox);
            r.AssertSuccess();
            Assert.Single(sandbox.State.Connections.All(), c => (string?)c["name"] == name);
            Assert.Contains(r.Verbose, v => v.Message.Contains("HTTP 429") && v.Message.Contains("retrying"));
            var keys = sandbox.State.Requests.Where(x => x.Method == "POST" && x.Body.Contains(name)).Select(x => x.IdempotencyKey).Distinct().ToList();
            Assert.Single(keys);
        }

        [Fact]
        public void Persistent_server_errors_end_in_a_connection_error_record()
        {
            sandbox.State.Faults.FailNext(500, count: 10, method: "GET", pathPrefix: "/api/connections");
            var r = Ps.Run("Get-PolytomicConnection", sandbox);
            sandbox.State.Faults.Clear();
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.ServerError,PolytomicPS.Commands.GetPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
        }

        // The harness passes -Force to New-PolytomicConnection by default; the name check needs it off.
        private const string NoForce = "$PSDefaultParameterValues.Remove('New-PolytomicConnection:Force')\n";

        /// <summary>New-PolytomicConnection refuses a name that exists (a re-run runbook must not make duplicates).</summary>
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_second_connection_with_an_existing_name_is_refused_unless_forced(string version)
        {
            var name = "Name check " + version;
            var create = $"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk_name_check' }}";
            var first = Ps.Run(NoForce + create, sandbox, version, secrets: new[] { "sk_name_check" });
            first.AssertSuccess();
            var existing = first.Single<PolytomicConnection>();

            var posts = sandbox.State.RequestsTo("POST", "/api/connections").Count();
            var again = Ps.Run(NoForce + create, sandbox, version, secrets: new[] { "sk_name_check" });
            var error = again.SingleError();
            Assert.Equal("ConnectionNameExists,PolytomicPS.Commands.NewPolytomicConnectionCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal(existing.Id, Assert.IsType<PolytomicConnection>(error.TargetObject).Id);
            Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
            Assert.Empty(again.All<PolytomicConnection>());
            Assert.Equal(posts, sandbox.State.RequestsTo("POST", "/api/connections").Count());

            var forced = Ps.Run(NoForce + create + " -Force", sandbox, version, secrets: new[] { "sk_name_check" });
            forced.AssertSuccess();
            Assert.NotEqual(existing.Id, forced.Single<PolytomicConnection>().Id);
            Assert.Equal(2, sandbox.State.Connections.All().Count(c => (string?)c["name"] == name));
        }
    }
}
