using System.Management.Automation;
using Polytomic.Models;
using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Models and their sources: drill-down, fields, create (also from a source choice, and as a preview), read,
    /// change, sample and remove, with the errors of each.</summary>
    public sealed class ModelsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ModelsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Fact]
        public void Source_drill_down_lists_levels_and_walks_to_leaves()
        {
            var r = Ps.Run(Setup + @"
$top = Get-PolytomicSource $sf
$leaves = Get-PolytomicSource $sf -Recurse
$top; '---'; $leaves
$leaves | Where-Object Value -eq 'PUBLIC.users' | Get-PolytomicSourceField", sandbox);
            r.AssertSuccess();
            var top = r.Output.TakeWhile(o => !"---".Equals(o.BaseObject)).Select(o => o.BaseObject).OfType<PolytomicSourceOption>().ToList();
            Assert.Contains(top, o => o.Key == "schema" && o.Value == "PUBLIC" && o.RequiresOneOf.Contains("table"));
            Assert.Contains(top, o => o.Key == "query" && o.Value == null && o.IsLeaf);
            var leaves = r.Output.SkipWhile(o => !"---".Equals(o.BaseObject)).Select(o => o.BaseObject).OfType<PolytomicSourceOption>().ToList();
            Assert.All(leaves, o => Assert.True(o.IsLeaf));
            var users = Assert.Single(leaves, o => o.Value == "PUBLIC.users");
            Assert.Equal("PUBLIC", users.ModelConfiguration["schema"]);
            Assert.Equal(new[] { "email", "first_name", "last_name", "plan", "last_activity_date" }, r.All<PolytomicModelField>().Select(f => f.Name));
            // The parameters travel as the TS SDKs send them: one JSON value of lists.
            Assert.Contains(sandbox.State.Requests, x => x.Path.EndsWith("/modelsync/source/fields") && Uri.UnescapeDataString(x.Query).Contains("{\"schema\":[\"PUBLIC\"],\"table\":[\"PUBLIC.users\"]}"));
        }

        [Fact]
        public void A_source_choice_pipes_into_New_PolytomicModel()
        {
            var r = Ps.Run(Setup + "Get-PolytomicSource $sf -Parameter @{ schema = 'CUSTOMERS' } | Where-Object Value -eq 'CUSTOMERS.CONTACTS' | New-PolytomicModel -Name Contacts", sandbox);
            r.AssertSuccess();
            var m = r.Single<PolytomicModel>();
            Assert.Equal("CUSTOMERS.CONTACTS", m.Configuration["table"]);
            Assert.Contains("EMAIL", m.FieldNames);
        }

        [Theory]
        [InlineData("New-PolytomicModel -Name m -ConnectionId $sf -Configuration @{}", "EmptyModelConfiguration")]
        [InlineData("Get-PolytomicSourceField $sf -Parameter @{}", "EmptySourceParameter")]
        public void Bad_input_is_refused_before_any_request(string command, string errorId)
            => AssertRefusedBeforeAnyRequest(sandbox, command, errorId);

        [Theory]
        [InlineData("$sf | New-PolytomicModel -Name m -Table PUBLIC.nope", "table 'PUBLIC.nope' does not exist")]
        [InlineData("$sf | New-PolytomicModel -Name m -Query 'SELECT email FROM nowhere'", "Object 'NOWHERE' does not exist")]
        [InlineData("$sf | New-PolytomicModel -Name m -Query 'SELECT shoe_size FROM users'", "invalid identifier 'SHOE_SIZE'")]
        [InlineData("$sf | New-PolytomicModel -Name m -Query 'DROP TABLE users'", "SQL compilation error")]
        [InlineData("$sf | New-PolytomicModel -Name m -Table PUBLIC.users -Identifier nope", "identifier 'nope'")]
        [InlineData("Get-PolytomicSource $sf -Parameter @{ schema = 'NOPE' }", "schema 'NOPE' does not exist")]
        public void The_api_s_validation_errors_are_reported_clearly(string command, string message)
            => AssertApiValidationError(sandbox, command, message);

        [Fact]
        public void A_model_before_the_schema_cache_is_ready_fails_with_polytomic_s_message()
        {
            var r = Ps.Run("New-PolytomicConnection -Name x -Type mysql -Configuration @{ hostname='h'; account='a'; passwd='p' } | New-PolytomicModel -Name m -Table company.customers", sandbox);
            AssertError(r, "PolytomicApi.BadRequest", ErrorCategory.InvalidArgument, "No schemas found");
        }

        [Theory]
        [InlineData("Get-PolytomicModel -Id 00000000-0000-0000-0000-000000000000")]
        [InlineData("Set-PolytomicModel -Id 00000000-0000-0000-0000-000000000000 -NewName x")]
        [InlineData("Remove-PolytomicModel -Id 00000000-0000-0000-0000-000000000000 -Force")]
        [InlineData("Get-PolytomicModelSample -Id 00000000-0000-0000-0000-000000000000")]
        [InlineData("Get-PolytomicSource -ConnectionId 00000000-0000-0000-0000-000000000000")]
        public void Unknown_ids_are_not_found(string command)
            => AssertUnknownIdNotFound(sandbox, command);

        [Theory]
        [InlineData("Get-PolytomicModel -Name 'no such model'", "ModelNotFound")]
        public void Unknown_names_are_not_found(string command, string errorId)
        {
            AssertError(Ps.Run(command, sandbox), errorId, ErrorCategory.ObjectNotFound);
        }

        [Fact]
        public void Models_are_read_changed_sampled_and_removed()
        {
            var r = Ps.Run(Setup + @"
$model | Set-PolytomicModel -NewName 'Users v2' -Label vip -PassThru
Get-PolytomicModelSample $model
Get-PolytomicModel -Name 'Users v2' -ConnectionId $sf
Get-PolytomicModel -Id $model | Remove-PolytomicModel -Force
'removed'", sandbox);
            r.AssertSuccess();
            var models = r.All<PolytomicModel>();
            Assert.Equal("Users v2", models[0].Name);
            Assert.Equal(2, models[0].Version);
            Assert.Equal("PUBLIC.users", models[0].Configuration["table"]);
            Assert.Equal(5, models[0].Fields.Count);
            var put = sandbox.State.Requests.Last(x => x.Method == "PUT" && x.Path == "/api/models/" + models[0].Id).Json!;
            Assert.Equal(new[] { "vip" }, put["labels"]!.AsArray().Select(l => (string?)l));
            var rows = r.Output.Where(o => o.Properties["email"] != null).ToList();
            Assert.Equal("ada@example.com", rows[0].Properties["email"].Value);
            Assert.Equal(models[0].Id, models[1].Id);
            Assert.Null(sandbox.State.Store("models").Get(models[0].Id));
        }

        // The preview tests count the stored models, so they start from ready connections only (Setup makes a model).
        private const string ReadyConnections = @"
            $sf = New-PolytomicConnection -Name 'Gap SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
            $crm = New-PolytomicConnection -Name 'Gap CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
            $null = $sf, $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Model_preview_shows_the_model_and_stores_nothing(string version)
        {
            var before = sandbox.State.Store("models").Count;
            var r = Ps.Run(ReadyConnections + "$sf | New-PolytomicModel -Name 'Preview' -Query 'SELECT email, first_name FROM users' -Preview", sandbox, version);
            r.AssertSuccess();
            var model = r.Single<PolytomicModel>();
            Assert.Equal("Preview", model.Name);
            Assert.Contains(model.Fields!, f => f.Name == "email");
            Assert.Equal(before, sandbox.State.Store("models").Count);
            Assert.Contains(sandbox.State.Requests, x => x.Method == "POST" && x.Path == "/api/model-preview" && x.Version == version);
        }

        [Fact]
        public void Model_preview_of_an_unknown_table_is_the_apis_bad_request()
        {
            var r = Ps.Run(ReadyConnections + "$sf | New-PolytomicModel -Name 'Bad preview' -Table 'PUBLIC.NO_SUCH_TABLE' -Preview", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.NewPolytomicModelCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }
    }
}
