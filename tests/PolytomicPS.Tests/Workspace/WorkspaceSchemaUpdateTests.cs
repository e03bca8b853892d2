using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>A bulk sync's schemas changed in a folder are sent in one PATCH through the client: the file's schemas
    /// whole (enabled, with their settings), the ones left out disabled.</summary>
    public sealed class WorkspaceSchemaUpdateTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public WorkspaceSchemaUpdateTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private PolytomicClient Client(string version) => PlainClientWorkspace.Client(sandbox, version);

        private static List<WorkspaceObject> Folder(string tag, string schemas) =>
            PlainClientWorkspace.Connections(tag).Append(PlainClientWorkspace.BulkSync(tag, @"""schedule"": { ""frequency"": ""manual"" }", schemas)).ToList();

        private static Task<List<WorkspacePlanItem>> ImportAsync(PolytomicClient client, List<WorkspaceObject> folder, string tag) =>
            PlainClientWorkspace.ImportAsync(client, folder, new Dictionary<string, string> { [tag + " WH.password"] = "ws-pa55-Zq9" });

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public async Task Changed_schemas_go_in_one_PATCH_with_their_settings_and_the_dropped_ones_disabled(string version)
        {
            using var client = Client(version);
            var tag = "schemas-" + version;
            Assert.All(await ImportAsync(client, Folder(tag, @"[ { ""id"": ""Account"" } ]"), tag), i => Assert.Equal("Applied", i.Result));

            var changed = Folder(tag, @"[ { ""id"": ""Contact"", ""filters"": [ { ""field_id"": ""Email"", ""function"": ""IsNotNull"" } ], ""disable_data_cutoff"": true } ]");
            var before = sandbox.State.Requests.Count;
            var plan = await ImportAsync(client, changed, tag);
            var update = Assert.Single(plan, i => i.Action != WorkspaceAction.NoChange);
            Assert.Equal(WorkspaceAction.Update, update.Action);
            Assert.True(update.Result == "Applied", update.Error);
            Assert.All(update.Changes, c => Assert.StartsWith("schemas", c.Field.TrimStart('$', '.')));

            // Only the schemas changed: no PUT of the bulk sync, one PATCH of its schemas carrying the whole schema.
            var writes = sandbox.State.Requests.Skip(before).Where(r => r.Method != "GET").ToList();
            var patch = Assert.Single(writes);
            Assert.Equal("PATCH", patch.Method);
            Assert.Equal($"/api/bulk/syncs/{update.Id}/schemas", patch.Path);
            var sent = patch.Json!["schemas"]!.AsArray().OfType<JsonObject>().ToDictionary(s => (string)s["id"]!);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(@"{ ""id"": ""Contact"", ""enabled"": true, ""filters"": [ { ""field_id"": ""Email"", ""function"": ""IsNotNull"" } ], ""disable_data_cutoff"": true }"),
                sent["Contact"]), sent["Contact"].ToJsonString());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(@"{ ""id"": ""Account"", ""enabled"": false }"), sent["Account"]), sent["Account"].ToJsonString());

            var schemas = await client.ListBulkSchemasAsync(update.Id!);
            Assert.Equal(new[] { "Contact" }, schemas.Where(s => s.Enabled).Select(s => s.Id));
            Assert.All(await ImportAsync(client, changed, tag), i => Assert.Equal(WorkspaceAction.NoChange, i.Action));
        }
    }
}
