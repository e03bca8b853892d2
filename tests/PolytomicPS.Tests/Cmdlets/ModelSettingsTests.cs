using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;
using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>-Relation and -AdditionalField of New-/Set-PolytomicModel: the body sent, what Polytomic keeps, and the
    /// values refused before the write.</summary>
    public sealed class ModelSettingsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ModelSettingsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        /// <summary>Setup plus a model over PUBLIC.accounts named <paramref name="accounts"/> ($accounts).</summary>
        private static string Joined(string accounts) => Setup + $"$accounts = $sf | New-PolytomicModel -Name '{accounts}' -Table PUBLIC.accounts\n";

        private List<RecordedRequest> Writes(int before) =>
            sandbox.State.Requests.Skip(before).Where(x => x.Method != "GET" && x.Path.StartsWith("/api/models", StringComparison.Ordinal)).ToList();

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void New_joins_by_model_and_field_names_and_adds_fields(string version)
        {
            var accounts = Unique("Accounts");
            var name = Unique("joined");
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(Joined(accounts) + $@"
                $m = $sf | New-PolytomicModel -Name '{name}' -Table PUBLIC.users -Field email, plan -Relation @{{ From = 'EMAIL'; To = '{accounts.ToLowerInvariant()}.Domain' }} `
                    -AdditionalField @{{ Name = 'score'; Type = 'number'; Label = 'Score' }}, 'notes'
                $accounts.Id; Get-PolytomicModel -Id $m.Id", sandbox, version);
            r.AssertSuccess();
            var accountsId = (string)r.Output[r.Output.Count - 2].BaseObject;
            var create = sandbox.State.Requests.Skip(before).Last(x => x.Method == "POST" && x.Path == "/api/models" && x.Status == 200).Json!.AsObject();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($@"[{{""from"":""email"",""to"":{{""model_id"":""{accountsId}"",""field"":""domain""}}}}]"), create["relations"]),
                create["relations"]?.ToJsonString());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(@"[{""name"":""score"",""type"":""number"",""label"":""Score""},{""name"":""notes"",""type"":""string""}]"), create["additional_fields"]),
                create["additional_fields"]?.ToJsonString());
            var model = r.All<PolytomicModel>().Last();
            Assert.Equal(new[] { "email", "plan", "score", "notes" }, model.FieldNames.ToArray());
            Assert.Single(model.Relations!);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Set_replaces_relations_keeps_them_and_the_added_fields_when_not_given_and_an_empty_array_removes_them(string version)
        {
            var accounts = Unique("Accounts");
            var r = Ps.Run(Joined(accounts) + $@"
                $m = $sf | New-PolytomicModel -Name '{Unique("joined")}' -Table PUBLIC.users -AdditionalField score
                Set-PolytomicModel -Id $m.Id -Relation @{{ From = 'plan'; To = '{accounts}.id' }}
                Set-PolytomicModel -Id $m.Id -Label gold
                Get-PolytomicModel -Id $m.Id
                Set-PolytomicModel -Id $m.Id -Relation @() -PassThru", sandbox, version);
            r.AssertSuccess();
            var models = r.All<PolytomicModel>();
            var kept = models[models.Count - 2];
            var relation = Assert.Single(kept.Relations!);
            Assert.Contains("\"from\":\"plan\"", System.Text.Json.JsonSerializer.Serialize(relation));
            Assert.Contains("score", kept.FieldNames);
            Assert.Empty(models.Last().Relations ?? new List<object?>());
            Assert.Contains("score", models.Last().FieldNames);
        }

        [Theory]
        [InlineData("New", "@{ From = 'email'; To = 'NoSuchModel.id' }", "UnknownRelationModel")]
        [InlineData("New", "@{ From = 'email'; To = '{accounts}.nope' }", "UnknownModelField")]
        [InlineData("New", "@{ From = 'nope'; To = '{accounts}.id' }", "UnknownModelField")]
        [InlineData("Set", "@{ From = 'nope'; To = '{accounts}.id' }", "UnknownModelField")]
        [InlineData("Set", "@{ From = 'email' }", "InvalidRelation")]
        [InlineData("Set", "@{ From = 'email'; To = 'accounts' }", "InvalidRelation")]
        [InlineData("Set", "@{ From = 'email'; To = '{accounts}.id'; Kind = 'left' }", "InvalidRelation")]
        [InlineData("Set", "'email=accounts.id'", "InvalidRelation")]
        public void A_relation_Polytomic_would_refuse_is_an_error_naming_the_parameter_before_the_write(string verb, string relation, string errorId)
        {
            var accounts = Unique("Accounts");
            var command = verb == "New"
                ? $"$sf | New-PolytomicModel -Name '{Unique("refused")}' -Table PUBLIC.users -Field email, plan -Relation {relation.Replace("{accounts}", accounts)}"
                : $"Set-PolytomicModel -Id $model.Id -Relation {relation.Replace("{accounts}", accounts)}";
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(Joined(accounts) + command, sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal($"{errorId},PolytomicPS.Commands.{verb}PolytomicModelCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("-Relation", e.Exception.Message);
            // Only the set-up wrote models: the users and the accounts model.
            Assert.Equal(2, Writes(before).Count);
        }

        [Theory]
        [InlineData("@{ Type = 'number' }")]
        [InlineData("@{ Name = 'score'; Kind = 'number' }")]
        [InlineData("'score', 'SCORE'")]
        public void A_bad_additional_field_is_refused_before_any_request(string field)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(Setup + $"Set-PolytomicModel -Id $model.Id -AdditionalField {field}", sandbox);
            Assert.Equal("InvalidAdditionalField,PolytomicPS.Commands.SetPolytomicModelCommand", r.SingleError().FullyQualifiedErrorId);
            Assert.Single(Writes(before)); // the set-up's model only
        }

        [Fact]
        public void The_sandbox_refuses_a_join_to_a_model_or_field_that_does_not_exist()
        {
            var r = Ps.Run(Setup + @"
                foreach ($to in @{ model_id = [guid]::NewGuid().ToString(); field = 'id' }, @{ model_id = $model.Id; field = 'nope' }) {
                    try { Invoke-PolytomicRequest -Method PUT -Path ""/api/models/$($model.Id)"" -Body @{ name = $model.Name; connection_id = $sf.Id;
                        configuration = @{ table = 'PUBLIC.users' }; relations = @(@{ from = 'email'; to = $to }) } -ErrorAction Stop }
                    catch { $_.FullyQualifiedErrorId }
                }", sandbox);
            Assert.Equal(new[] { "PolytomicApi.BadRequest,PolytomicPS.Commands.InvokePolytomicRequestCommand", "PolytomicApi.BadRequest,PolytomicPS.Commands.InvokePolytomicRequestCommand" },
                r.Output.Select(o => o.ToString()).ToArray());
        }
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Enricher_names_its_connection_and_maps_its_inputs_to_model_fields(string version)
        {
            var api = Unique("Enrichment");
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(Setup + $@"
                $null = New-PolytomicConnection -Name '{api}' -Type api -Configuration @{{ url = 'https://api.example.com' }}
                $m = $sf | New-PolytomicModel -Name '{Unique("enriched")}' -Table PUBLIC.users -Field email, first_name -Enricher @{{ Connection = '{api}'; Configuration = @{{ endpoint = 'person' }}; Mappings = @{{ email = 'EMAIL' }} }}
                (Get-PolytomicConnection -Name '{api}').Id
                Set-PolytomicModel -Id $m.Id -Enricher @{{}} -PassThru", sandbox, version);
            r.AssertSuccess();
            var apiId = r.Output.Select(o => o.BaseObject).OfType<string>().Last();
            var create = sandbox.State.Requests.Skip(before).Last(x => x.Method == "POST" && x.Path == "/api/models" && x.Status == 200).Json!.AsObject();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($@"{{""connection_id"":""{apiId}"",""configuration"":{{""endpoint"":""person""}},""mappings"":{{""email"":""email""}}}}"), create["enricher"]),
                create["enricher"]?.ToJsonString());
            var put = sandbox.State.Requests.Skip(before).Last(x => x.Method == "PUT" && x.Path.StartsWith("/api/models/", StringComparison.Ordinal)).Json!.AsObject();
            Assert.Null(put["enricher"]);
        }

        [Theory]
        [InlineData("@{ Connection = '{sf}'; Configuration = @{ endpoint = 'person' }; Mappings = @{ email = 'email' } }", "UnknownEnricher")]
        [InlineData("@{ Connection = 'no such connection'; Mappings = @{ email = 'email' } }", "UnknownEnricher")]
        [InlineData("@{ Connection = '{api}'; Configuration = @{ endpoint = 'person' }; Mappings = @{ first_name = 'first_name' } }", "InvalidEnricher")]
        [InlineData("@{ Connection = '{api}'; Configuration = @{ endpoint = 'weather' }; Mappings = @{ email = 'email' } }", "InvalidEnricher")]
        [InlineData("@{ Connection = '{api}'; Configuration = @{ endpoint = 'person' }; Mappings = @{ email = 'mail' } }", "UnknownModelField")]
        [InlineData("@{ Connection = '{api}'; Kind = 'x' }", "InvalidEnricher")]
        public void An_enricher_Polytomic_would_refuse_is_an_error_naming_the_parameter_before_the_write(string enricher, string errorId)
        {
            var api = Unique("Enrichment");
            var script = Setup + $"$null = New-PolytomicConnection -Name '{api}' -Type api -Configuration @{{ url = 'https://api.example.com' }}\n";
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(script + "Set-PolytomicModel -Id $model.Id -Enricher " + enricher.Replace("{api}", api).Replace("'{sf}'", "$sf.Name"), sandbox);
            var e = r.SingleError();
            Assert.Equal(errorId + ",PolytomicPS.Commands.SetPolytomicModelCommand", e.FullyQualifiedErrorId);
            Assert.Contains("-Enricher", e.Exception.Message);
            Assert.Single(Writes(before)); // the set-up's model only
        }
    }
}
