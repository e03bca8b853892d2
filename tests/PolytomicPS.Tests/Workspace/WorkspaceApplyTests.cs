using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>The plan applied with the plain client (no PowerShell): a failure part-way stops only what depends on
    /// the failed object, and a second run picks up from there.</summary>
    public sealed class WorkspaceApplyTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public WorkspaceApplyTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private PolytomicClient Client(string version) => PlainClientWorkspace.Client(sandbox, version);

        private static List<WorkspaceObject> Folder(string tag) =>
            PlainClientWorkspace.Connections(tag).Concat(new[]
            {
                PlainClientWorkspace.Model(tag), PlainClientWorkspace.Sync(tag, "manual"),
                PlainClientWorkspace.BulkSync(tag, @"""schedule"": { ""frequency"": ""manual"" }"),
            }).ToList();

        private static Task<List<WorkspacePlanItem>> ImportAsync(PolytomicClient client, List<WorkspaceObject> folder, Dictionary<string, string> secrets) =>
            PlainClientWorkspace.ImportAsync(client, folder, secrets);

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public async Task A_failure_part_way_skips_its_dependents_and_a_rerun_picks_up_from_there(string version)
        {
            using var client = Client(version);
            var tag = "apply-" + version;
            var folder = Folder(tag);
            var secrets = new Dictionary<string, string> { [tag + " WH.password"] = "ws-pa55-Zq9" };

            sandbox.State.Faults.FailNext(400, method: "POST", pathPrefix: "/api/models");
            var first = await ImportAsync(client, folder, secrets);
            Assert.Equal(new[] { "Connection:Applied", "Connection:Applied", "Model:Failed", "Sync:Skipped", "BulkSync:Applied" },
                first.Select(i => i.Kind + ":" + i.Result));
            Assert.Contains($"'{tag} Users'", first[3].Error);
            Assert.Equal(tag + " CRM", first[0].Name);
            Assert.StartsWith("sign in to finish connecting it: https://", first[0].Note);

            var posts = sandbox.State.RequestsTo("POST", "/api/connections").Count();
            var second = await ImportAsync(client, folder, secrets);
            Assert.Equal(new[] { "NoChange:Unchanged", "NoChange:Unchanged", "Create:Applied", "Create:Applied", "NoChange:Unchanged" },
                second.Select(i => i.Action + ":" + i.Result));
            Assert.Equal(posts, sandbox.State.RequestsTo("POST", "/api/connections").Count());

            var third = await ImportAsync(client, folder, secrets);
            Assert.All(third, i => Assert.Equal(WorkspaceAction.NoChange, i.Action));

            // The stored secret is the one supplied; an unresolved placeholder later keeps it.
            var stored = sandbox.State.Connections.All().Single(c => (string?)c["name"] == tag + " WH");
            Assert.Equal("ws-pa55-Zq9", (string?)stored["configuration"]!["password"]);
            Assert.All(await ImportAsync(client, folder, new Dictionary<string, string>()), i => Assert.Equal(WorkspaceAction.NoChange, i.Action));
            Assert.Equal("ws-pa55-Zq9", (string?)sandbox.State.Connections.All().Single(c => (string?)c["name"] == tag + " WH")["configuration"]!["password"]);
        }
    }
}
