using System.IO;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Examples
{
    /// <summary>Tests that change process-wide environment variables (POLYTOMIC_*) run alone in this collection.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
        public const string Name = "Process environment";
    }

    /// <summary>Each seed walkthrough's example runs unchanged against the sandbox, in both API versions; the bodies it
    /// sent are compared byte for byte with the walkthrough's.</summary>
    public sealed class ExampleTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ExampleTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        /// <summary>Dot-sources the example (so its variables can be read after it) with the sandbox in the environment.</summary>
        private PsResult RunExample(string file, string version, string epilogue)
        {
            var text = File.ReadAllText(Repo.Example(file));
            var script = Repo.PointConnectAtSandbox + "\n. ([scriptblock]::Create($ExampleText)) -ApiVersion $ApiVersion\n" + epilogue;
            var r = Ps.Run(script, sandbox, version, variables: new Dictionary<string, object?> { ["ExampleText"] = text },
                secrets: new[] { "secret-password" });
            r.AssertSuccess();
            return r;
        }

        private JsonObject StoredSync(string id) => sandbox.State.Store("syncs").Get(id)!;
        private JsonObject StoredModel(string id) => sandbox.State.Store("models").Get(id)!;

        private string LastBody(string method, string path, string contains) =>
            sandbox.State.Requests.Last(x => x.Method == method && x.Path == path && x.Body.Contains(contains)).Body;

        private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

        /// <summary>Seed 000's sync body with the ids filled in (the walkthrough's key order and values).</summary>
        private static string SalesforceSyncBody(string name, string mode, string frequency, string model, string target) => Compact($@"{{
            ""name"": ""{name}"", ""mode"": ""{mode}"",
            ""identity"": {{ ""source"": {{ ""field"": ""email"", ""model_id"": ""{model}"" }}, ""target"": ""Email"", ""function"": ""equality"" }},
            ""fields"": [
              {{ ""source"": {{ ""field"": ""first_name"", ""model_id"": ""{model}"" }}, ""target"": ""FirstName"" }},
              {{ ""source"": {{ ""field"": ""last_name"", ""model_id"": ""{model}"" }}, ""target"": ""LastName"" }} ],
            ""schedule"": {{ ""frequency"": ""{frequency}"" }},
            ""target"": {{ ""connection_id"": ""{target}"", ""object"": ""Contact"" }} }}");

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Seed_000_snowflake_query_to_salesforce(string version)
        {
            var r = RunExample("snowflake-query-to-salesforce.ps1", version, "$snowflake; $salesforce; $model; $sync");
            var snowflake = r.All<PolytomicConnection>()[0];
            var salesforce = r.All<PolytomicConnection>()[1];
            var model = r.Single<PolytomicModel>();
            var sync = r.Single<PolytomicSync>();

            Assert.Equal("Active Users", model.Name);
            Assert.Equal(snowflake.Id, model.ConnectionId);
            Assert.Equal(new[] { "last_activity_date", "plan", "first_name", "last_name", "email" }, model.FieldNames);
            const string query = "SELECT MAX(last_activity_date) AS last_activity_date, plan, first_name, last_name, email FROM users GROUP BY plan, first_name, last_name, email";
            Assert.Equal(Compact($@"{{ ""name"": ""Active Users"", ""configuration"": {{ ""query"": ""{query}"" }}, ""connection_id"": ""{snowflake.Id}"" }}"),
                LastBody("POST", "/api/models", model.Name!));
            Assert.Equal(query, (string?)StoredModel(model.Id)["configuration"]!["query"]);

            Assert.Equal(new[] { model.Id }, sync.ModelIds);
            Assert.Equal(salesforce.Id, sync.TargetConnectionId);
            Assert.Equal("continuous", sync.Frequency);
            Assert.Equal(SalesforceSyncBody("Snowflake to Salesforce Sync", "create", "continuous", model.Id, salesforce.Id),
                (string)StoredSync(sync.Id)["_body"]!);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Seed_002_mongodb_to_salesforce(string version)
        {
            var r = RunExample("mongodb-to-salesforce.ps1", version, "$mongo; $salesforce; $model; $sync");
            var mongo = r.All<PolytomicConnection>()[0];
            var salesforce = r.All<PolytomicConnection>()[1];
            var model = r.Single<PolytomicModel>();
            var sync = r.Single<PolytomicSync>();

            Assert.Equal("mongodb", model.Type);
            Assert.Contains("email", model.FieldNames);
            Assert.Equal(Compact($@"{{ ""name"": ""MongoDB Model"", ""configuration"": {{ ""database"": ""example"", ""collection"": ""users"" }}, ""connection_id"": ""{mongo.Id}"" }}"),
                LastBody("POST", "/api/models", "MongoDB Model"));
            Assert.Equal(SalesforceSyncBody("Mongo to Salesforce Sync", "create", "manual", model.Id, salesforce.Id), (string)StoredSync(sync.Id)["_body"]!);
            // The drill-down went database -> collection.
            Assert.Contains(sandbox.State.Requests, x => x.Path == $"/api/connections/{mongo.Id}/modelsync/source" && Uri.UnescapeDataString(x.Query).Contains("\"database\":[\"example\"]"));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Seed_003_mysql_to_snowflake(string version)
        {
            var r = RunExample("mysql-to-snowflake.ps1", version, "$mysql; $snowflake; $model; $sync");
            var mysql = r.All<PolytomicConnection>()[0];
            var snowflake = r.All<PolytomicConnection>()[1];
            var model = r.Single<PolytomicModel>();
            var sync = r.Single<PolytomicSync>();

            Assert.Equal(Compact($@"{{ ""name"": ""Customer Model"", ""configuration"": {{ ""table"": ""company.customers"" }}, ""connection_id"": ""{mysql.Id}"" }}"),
                LastBody("POST", "/api/models", "Customer Model"));
            string F(string source, string target) => $@"{{ ""source"": {{ ""field"": ""{source}"", ""model_id"": ""{model.Id}"" }}, ""target"": ""{target}"" }}";
            var expected = Compact($@"{{ ""name"": ""MySQL to Snowflake Sync"", ""mode"": ""replace"",
                ""fields"": [ {F("email", "EMAIL")}, {F("first_name", "FIRST_NAME")}, {F("last_name", "LAST_NAME")} ],
                ""schedule"": {{ ""frequency"": ""continuous"" }},
                ""target"": {{ ""connection_id"": ""{snowflake.Id}"", ""object"": ""CUSTOMERS.CONTACTS"" }} }}");
            Assert.Equal(expected, (string)StoredSync(sync.Id)["_body"]!);
            Assert.Equal("CUSTOMERS.CONTACTS", sync.TargetObject);

            var drill = sandbox.State.Requests.Where(x => x.Path == $"/api/connections/{snowflake.Id}/modelsync/target").Select(x => x.Query).ToList();
            if (version == "2024-02-08") Assert.Equal(new[] { "?type=schema", "?type=table&search=CUSTOMERS" }, drill);
            else Assert.Empty(drill);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Seed_004_gcs_csv_to_salesforce(string version)
        {
            var r = RunExample("gcs-csv-to-salesforce.ps1", version, "$salesforce; $gcs; $model; $sync");
            var salesforce = r.All<PolytomicConnection>()[0];
            var gcs = r.All<PolytomicConnection>()[1];
            var model = r.Single<PolytomicModel>();
            var sync = r.Single<PolytomicSync>();

            Assert.Equal(new[] { "email", "first_name", "last_name", "plan", "lifetime_value" }, model.FieldNames);
            Assert.Equal(Compact($@"{{ ""name"": ""GCS Contacts"", ""configuration"": {{ ""model_from"": ""single_file"", ""key"": ""high_paying_users.csv"" }}, ""connection_id"": ""{gcs.Id}"" }}"),
                LastBody("POST", "/api/models", "GCS Contacts"));
            // The walkthrough writes the frequency "Manual": sent as written.
            Assert.Equal(SalesforceSyncBody("GCS to Salesforce Sync", "updateOrCreate", "Manual", model.Id, salesforce.Id), (string)StoredSync(sync.Id)["_body"]!);
            // Both schema caches were polled before the model was made.
            Assert.Contains(sandbox.State.Requests, x => x.Path == $"/api/connections/{gcs.Id}/schemas/status");
            Assert.Contains(sandbox.State.Requests, x => x.Path == $"/api/connections/{salesforce.Id}/schemas/status");
        }
    }
}
