using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>Finding 3 of issue 23: two imports of one folder into one organization at the same time (two scheduled
    /// jobs overlapping) leave every object once, and no copy of a sync is ever active (NameClaim).</summary>
    public sealed class WorkspaceOverlapTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public WorkspaceOverlapTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private PolytomicClient Client(string version) => PlainClientWorkspace.Client(sandbox, version);

        private static List<WorkspaceObject> Folder(string tag) =>
            PlainClientWorkspace.Connections(tag).Concat(new[]
            {
                PlainClientWorkspace.Model(tag), PlainClientWorkspace.Sync(tag, "continuous"),
                PlainClientWorkspace.BulkSync(tag, @"""active"": true, ""schedule"": { ""frequency"": ""daily"", ""hour"": ""05"", ""minute"": ""30"" }"),
            }).ToList();

        /// <summary>Both runs read the organization before either writes (the worst overlap: both plan every object as a
        /// create), then apply at the same time.</summary>
        private async Task<List<WorkspacePlanItem>[]> TwoImportsAtOnceAsync(string version, string tag)
        {
            var folder = Folder(tag);
            var secrets = new Dictionary<string, string> { [tag + " WH.password"] = "ws-pa55-Ov3r" };
            using var one = Client(version);
            using var two = Client(version);
            var clients = new[] { one, two };
            var targets = await Task.WhenAll(clients.Select(c => new WorkspaceReader(c).ReadAsync(WorkspaceKinds.Core, null, CancellationToken.None)));
            var plans = targets.Select(t => WorkspacePlanner.Plan(new WorkspaceManifest(), folder, t, new WorkspacePlanOptions { Secrets = new HashSet<string>(secrets.Keys) })).ToArray();
            Assert.All(plans, p => Assert.All(p, i => Assert.Equal(WorkspaceAction.Create, i.Action)));
            await Task.WhenAll(Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
            {
                var applier = new WorkspaceApplier(clients[n], targets[n], p => secrets.TryGetValue(p, out var v) ? v : null) { SchemaCacheTimeout = TimeSpan.FromSeconds(30) };
                foreach (var item in plans[n]) await applier.ApplyAsync(item, CancellationToken.None);
            })));
            return plans.Select(p => p.ToList()).ToArray();
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public async Task Two_overlapping_imports_of_one_folder_leave_every_object_once(string version)
        {
            var tag = "overlap-" + version + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            var mark = sandbox.State.Requests.Count;
            var plans = await TwoImportsAtOnceAsync(version, tag);

            Assert.All(plans.SelectMany(p => p), i => Assert.True(i.Result == "Applied", $"{i.Kind} '{i.Name}': {i.Result} {i.Error}"));
            var stores = new[] { ("connections", 2), ("models", 1), ("syncs", 1), ("bulk_syncs", 1) };
            foreach (var (store, count) in stores)
            {
                var objects = (store == "connections" ? sandbox.State.Connections.All() : sandbox.State.Store(store).All())
                    .Where(x => ((string?)x["name"])!.StartsWith(tag, StringComparison.Ordinal)).ToList();
                Assert.True(objects.Count == count, $"{store}: {objects.Count} objects, want {count}: "
                    + string.Join("; ", objects.Select(o => $"{o["name"]} {o["id"]} {o["created_at"]}"))
                    + " | notes: " + string.Join("; ", plans.SelectMany(p => p).Select(i => $"{i.Name}: {i.Note}")));
                // Both runs went on with the one object that kept the name, so their later steps point at it.
                foreach (var o in objects)
                    Assert.All(plans, p => Assert.Equal((string?)o["id"], p.Single(i => i.Name == (string?)o["name"]).Id));
            }

            // No copy ever ran: syncs and bulk syncs were created paused, and only the kept ones were activated.
            var log = sandbox.State.Requests.ToArray().Skip(mark).ToList();
            foreach (var route in new[] { "/api/syncs", "/api/bulk/syncs" })
            {
                var posts = log.Where(x => x.Method == "POST" && x.Path == route).ToList();
                Assert.NotEmpty(posts);
                Assert.All(posts, x => Assert.True((bool?)x.Json!["active"] == false, route + " created paused"));
                var deleted = log.Where(x => x.Method == "DELETE" && x.Path.StartsWith(route + "/", StringComparison.Ordinal)).Select(x => x.Path.Split('/').Last()).ToHashSet();
                var activated = log.Where(x => x.Method == "POST" && x.Path.StartsWith(route + "/", StringComparison.Ordinal) && x.Path.EndsWith("/activate", StringComparison.Ordinal))
                    .Select(x => x.Path.Split('/')[^2]).ToList();
                Assert.Single(activated);
                Assert.DoesNotContain(activated, deleted.Contains);
            }
            var sync = sandbox.State.Store("syncs").All().Single(x => (string?)x["name"] == tag + " Users to CRM");
            Assert.True((bool?)sync["active"] == true);
            var bulk = sandbox.State.Store("bulk_syncs").All().Single(x => (string?)x["name"] == tag + " CRM to WH");
            Assert.True((bool?)bulk["active"] == true);

            // Export and Compare no longer meet DuplicateWorkspaceName: a fresh read of the organization works.
            using var client = Client(version);
            var after = await new WorkspaceReader(client).ReadAsync(WorkspaceKinds.Core, null, CancellationToken.None);
            Assert.Equal(5, after.Objects.Count(o => o.Name.StartsWith(tag, StringComparison.Ordinal)));
        }
    }
}
