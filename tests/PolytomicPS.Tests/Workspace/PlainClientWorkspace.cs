using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>Workspace folders written by hand, as a user would edit one, and imported with the plain client (no
    /// PowerShell): a warehouse whose password is the placeholder "TAG WH.password", an OAuth CRM, a model, a sync and a
    /// bulk sync, each named after a tag.</summary>
    internal static class PlainClientWorkspace
    {
        public static PolytomicClient Client(SandboxFixture sandbox, string version) => new PolytomicClient(new PolytomicClientOptions
        {
            ApiKey = SecureStrings.FromPlain(SandboxFixture.ApiKey), BaseUrl = sandbox.Server.BaseUrl, ApiVersion = version, MaxRetries = 0,
        });

        private static WorkspaceObject O(string tag, string kind, string json) =>
            new WorkspaceObject(kind, JsonNode.Parse(json.Replace("TAG", tag))!.AsObject());

        public static IEnumerable<WorkspaceObject> Connections(string tag) => new[]
        {
            O(tag, WorkspaceKinds.Connections, @"{ ""name"": ""TAG WH"", ""type"": ""snowflake"", ""configuration"": { ""account"": ""a"", ""username"": ""u"", ""dbname"": ""d"", ""password"": { ""$secret"": ""TAG WH.password"" } } }"),
            O(tag, WorkspaceKinds.Connections, @"{ ""name"": ""TAG CRM"", ""type"": ""salesforce"", ""sign_in"": ""oauth"", ""configuration"": { ""domain"": ""https://example.my.salesforce.com"" } }"),
        };

        public static WorkspaceObject Model(string tag) =>
            O(tag, WorkspaceKinds.Models, @"{ ""name"": ""TAG Users"", ""connection"": ""TAG WH"", ""configuration"": { ""query"": ""SELECT email, first_name FROM users"" } }");

        /// <summary>The model's users to the CRM's contacts; <paramref name="frequency"/> is the schedule's.</summary>
        public static WorkspaceObject Sync(string tag, string frequency) =>
            O(tag, WorkspaceKinds.Syncs, @"{ ""name"": ""TAG Users to CRM"", ""mode"": ""create"", ""schedule"": { ""frequency"": """ + frequency + @""" },
                ""target"": { ""connection"": ""TAG CRM"", ""object"": ""Contact"" },
                ""identity"": { ""source"": { ""field"": ""email"", ""model"": ""TAG Users"" }, ""target"": ""Email"", ""function"": ""Equality"" },
                ""fields"": [ { ""source"": { ""field"": ""first_name"", ""model"": ""TAG Users"" }, ""target"": ""FirstName"" } ] }");

        /// <summary>The CRM into the warehouse's CRM schema; <paramref name="settings"/> holds the other fields (at least
        /// a schedule), <paramref name="schemas"/> the schemas array.</summary>
        public static WorkspaceObject BulkSync(string tag, string settings, string schemas = @"[ { ""id"": ""Account"" } ]") =>
            O(tag, WorkspaceKinds.BulkSyncs, @"{ ""name"": ""TAG CRM to WH"", ""source_connection"": ""TAG CRM"", ""destination_connection"": ""TAG WH"", ""mode"": ""replicate"",
                " + settings + @", ""destination_configuration"": { ""schema"": ""CRM"" }, ""schemas"": " + schemas + " }");

        /// <summary>Reads the organization, plans the folder against it and applies every item in order.</summary>
        public static async Task<List<WorkspacePlanItem>> ImportAsync(PolytomicClient client, List<WorkspaceObject> folder, IReadOnlyDictionary<string, string> secrets)
        {
            var target = await new WorkspaceReader(client).ReadAsync(WorkspaceKinds.Core, null, CancellationToken.None);
            var plan = WorkspacePlanner.Plan(new WorkspaceManifest(), folder, target, new WorkspacePlanOptions { Secrets = new HashSet<string>(secrets.Keys) });
            var applier = new WorkspaceApplier(client, target, p => secrets.TryGetValue(p, out var v) ? v : null) { SchemaCacheTimeout = TimeSpan.FromSeconds(30) };
            foreach (var item in plan) await applier.ApplyAsync(item, CancellationToken.None);
            return plan;
        }
    }
}
