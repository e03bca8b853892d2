using System.IO;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>Seeds 000–004 built in organization A (one sandbox), exported, and imported into an empty organization B
    /// (another sandbox), in each API version and from one to the other.</summary>
    public sealed class WorkspaceRoundTripTests : IAsyncLifetime
    {
        /// <summary>Secrets the seeds and this test use: no output and no exported file may hold them.</summary>
        internal static readonly string[] Secrets = { "secret-password", "service_account_json_key", "ws-pa55-Zq9", "ws-import-Secret-77" };

        private static readonly string[] Seeds =
        {
            "snowflake-query-to-salesforce.ps1", "salesforce-to-snowflake-bulk.ps1", "mongodb-to-salesforce.ps1",
            "mysql-to-snowflake.ps1", "gcs-csv-to-salesforce.ps1",
        };

        private readonly SandboxFixture a = new SandboxFixture(), b = new SandboxFixture();
        private readonly string dir = Path.Combine(Path.GetTempPath(), "ws-" + Guid.NewGuid().ToString("N"));

        public async Task InitializeAsync() { await a.InitializeAsync(); await b.InitializeAsync(); }

        public async Task DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            if (Directory.Exists(dir) && Environment.GetEnvironmentVariable("WS_KEEP") == null) Directory.Delete(dir, recursive: true);
        }

        private string DirA => Path.Combine(dir, "a");
        private string DirB => Path.Combine(dir, "b");

        private PsResult Run(SandboxFixture org, string version, string script, IDictionary<string, object?>? variables = null) =>
            Ps.Run(script, org, version, variables: variables, secrets: Secrets, folders: new[] { dir });

        private static int Writes(SandboxFixture org) => org.State.Requests.Count(r => r.Method != "GET");

        /// <summary>The seeds' objects in A; the seeds reuse connection names, which the first export refuses.</summary>
        private void BuildSeeds(string version)
        {
            var script = Repo.PointConnectAtSandbox + "\n" + string.Join("\n", Seeds.Select((s, i) => $". ([scriptblock]::Create($Seed{i})) -ApiVersion $ApiVersion | Out-Null")) + @"
$null = New-PolytomicConnection -Name Warehouse -Type postgresql -Configuration @{ hostname = 'db.example.com'; username = 'polytomic'; password = 'ws-pa55-Zq9'; database = 'analytics' }
Export-PolytomicWorkspace -Path $DirA";
            var vars = Seeds.Select((s, i) => (s, i)).ToDictionary(x => "Seed" + x.i, x => (object?)File.ReadAllText(Repo.Example(x.s)));
            vars["DirA"] = DirA;
            var r = Run(a, version, script, vars);
            var error = r.SingleError();
            Assert.Equal("DuplicateWorkspaceName,PolytomicPS.Commands.ExportPolytomicWorkspaceCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Connection 'Salesforce Connection' (4 objects)", error.Exception.Message);
            Assert.Contains("Connection 'Snowflake Connection' (3 objects)", error.Exception.Message);
            Assert.False(Directory.Exists(DirA), "nothing is written when names are not unique");

            // Renaming the duplicates (as the error asks) makes the workspace exportable.
            Run(a, version, @"
$seen = @{}
foreach ($c in Get-PolytomicConnection) {
    $seen[$c.Name] = 1 + [int]$seen[$c.Name]
    if ($seen[$c.Name] -gt 1) { $null = Set-PolytomicConnection -Id $c.Id -NewName ""$($c.Name) $($seen[$c.Name])"" }
}
Export-PolytomicWorkspace -Path $DirA", new Dictionary<string, object?> { ["DirA"] = DirA }).AssertSuccess();
        }

        private static Dictionary<string, string> Files(string root) =>
            Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != WorkspaceFolder.ManifestFile)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);

        private static List<string> Placeholders(string root) =>
            Files(root).Values.SelectMany(t => WorkspaceJson.Placeholders(JsonNode.Parse(t), "").Select(p => p.Placeholder)).Distinct().OrderBy(x => x).ToList();

        [Theory]
        [InlineData("2024-02-08", "2024-02-08")]
        [InlineData("2025-09-18", "2025-09-18")]
        [InlineData("2024-02-08", "2025-09-18")]
        public void Export_import_compare_round_trip(string versionA, string versionB)
        {
            BuildSeeds(versionA);
            var files = Files(DirA);
            Assert.Equal(11 + 4 + 4 + 1, files.Count);
            Assert.Contains("connections/Warehouse.json", files.Keys);
            Assert.Contains("bulk_syncs/Salesforce Bulk Sync.json", files.Keys);
            var warehouse = JsonNode.Parse(files["connections/Warehouse.json"])!;
            Assert.Equal("Warehouse.password", WorkspaceJson.PlaceholderName(warehouse["configuration"]!["password"]));
            Assert.Equal("oauth", (string?)JsonNode.Parse(files["connections/Salesforce Connection.json"])!["sign_in"]);
            var sync = JsonNode.Parse(files["syncs/MySQL to Snowflake Sync.json"])!;
            Assert.Equal("Customer Model", (string?)sync["fields"]![0]!["source"]!["model"]);
            Assert.Equal("Snowflake Connection 3", (string?)sync["target"]!["connection"]);
            Assert.DoesNotContain(files.Values, t => t.Contains("\"id\": \"") && t.Contains("created_at"));
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(DirA, "manifest.json")))!;
            Assert.Equal(versionA, (string?)manifest["api_version"]);

            // Deterministic: a second export writes the same bytes.
            var before = Directory.GetFiles(DirA, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
            Run(a, versionA, "Export-PolytomicWorkspace -Path $DirA", new Dictionary<string, object?> { ["DirA"] = DirA }).AssertSuccess();
            foreach (var kv in before) Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key));

            // A missing secret stops the import before any write, naming the placeholder.
            var placeholders = Placeholders(DirA);
            Assert.Contains("Warehouse.password", placeholders);
            var vars = new Dictionary<string, object?> { ["DirA"] = DirA, ["DirB"] = DirB };
            var missing = Run(b, versionB, "Import-PolytomicWorkspace -Path $DirA -Secret @{ 'Warehouse.password' = 'ws-import-Secret-77' }", vars);
            var err = missing.SingleError();
            Assert.Equal("WorkspaceSecretMissing,PolytomicPS.Commands.ImportPolytomicWorkspaceCommand", err.FullyQualifiedErrorId);
            Assert.Contains(placeholders.First(p => p != "Warehouse.password"), err.Exception.Message);
            Assert.Equal(0, Writes(b));

            // -WhatIf makes no writes and outputs the plan.
            var secretTable = "@{ " + string.Join("; ", placeholders.Select(p => $"'{p}' = [System.Net.NetworkCredential]::new('', 'ws-import-Secret-77').SecurePassword")) + " }";
            var whatIf = Run(b, versionB, $"Import-PolytomicWorkspace -Path $DirA -Secret {secretTable} -WhatIf", vars);
            whatIf.AssertSuccess();
            Assert.Equal(0, Writes(b));
            Assert.All(whatIf.All<WorkspacePlanItem>(), i => Assert.Equal(WorkspaceAction.Create, i.Action));
            Assert.All(whatIf.All<WorkspacePlanItem>(), i => Assert.Equal("NotRun", i.Result));

            // Import into the empty organization B.
            var import = Run(b, versionB, $"Import-PolytomicWorkspace -Path $DirA -Secret {secretTable}", vars);
            import.AssertSuccess();
            var applied = import.All<WorkspacePlanItem>();
            Assert.Equal(files.Count, applied.Count);
            Assert.All(applied, i => Assert.Equal("Applied", i.Result));
            Assert.Contains(import.Warnings, w => w.Message.Contains("Salesforce Connection") && w.Message.Contains("AuthUrl") == false && w.Message.Contains("https://"));
            Assert.All(b.State.Requests.Where(r => r.Method == "POST"), r => Assert.False(string.IsNullOrEmpty(r.IdempotencyKey)));

            // Compare against B: only NoChange. Exporting B gives the same files (the manifest's source aside).
            var compare = Run(b, versionB, "Compare-PolytomicWorkspace -Path $DirA", vars);
            compare.AssertSuccess();
            Assert.All(compare.All<WorkspacePlanItem>(), i => Assert.True(i.Action == WorkspaceAction.NoChange, i + ": " + i.Detail));
            Run(b, versionB, "Export-PolytomicWorkspace -Path $DirB", vars).AssertSuccess();
            Assert.Equal(files, Files(DirB));

            // A second import makes no writes.
            var writes = Writes(b);
            var again = Run(b, versionB, $"Import-PolytomicWorkspace -Path $DirA -Secret {secretTable}", vars);
            again.AssertSuccess();
            Assert.Equal(writes, Writes(b));
            Assert.All(again.All<WorkspacePlanItem>(), i => Assert.Equal("Unchanged", i.Result));

            // One edited field: exactly one Update with that field's old and new value.
            var modelFile = Path.Combine(DirB, "models", "Customer Model.json");
            var model = JsonNode.Parse(File.ReadAllText(modelFile))!;
            var oldIdentifier = (string?)model["identifier"] ?? "";
            model["identifier"] = "email";
            File.WriteAllText(modelFile, WorkspaceJson.ToFileText(model));
            var edited = Run(b, versionB, "Compare-PolytomicWorkspace -Path $DirB", vars).All<WorkspacePlanItem>().Where(i => i.Action != WorkspaceAction.NoChange).ToList();
            var update = Assert.Single(edited);
            Assert.Equal((WorkspaceAction.Update, "Model", "Customer Model"), (update.Action, update.Kind, update.Name));
            var change = Assert.Single(update.Changes);
            Assert.Equal(("identifier", (object?)oldIdentifier, (object?)"email"), (change.Field, change.OldValue, change.NewValue));
            writes = Writes(b);
            Run(b, versionB, "Import-PolytomicWorkspace -Path $DirB", vars).AssertSuccess();
            Assert.Equal(writes + 1, Writes(b));
            Assert.Equal("email", (string?)b.State.Store("models").All().Single(m => (string?)m["name"] == "Customer Model")["identifier"]);

            // A removed file with -Prune: exactly one Delete.
            File.Delete(Path.Combine(DirB, "syncs", "GCS to Salesforce Sync.json"));
            var pruned = Run(b, versionB, "Compare-PolytomicWorkspace -Path $DirB -Prune", vars).All<WorkspacePlanItem>().Where(i => i.Action != WorkspaceAction.NoChange).ToList();
            var delete = Assert.Single(pruned);
            Assert.Equal((WorkspaceAction.Delete, "Sync", "GCS to Salesforce Sync"), (delete.Action, delete.Kind, delete.Name));
            Run(b, versionB, "Import-PolytomicWorkspace -Path $DirB -Prune -Force", vars).AssertSuccess();
            Assert.DoesNotContain(b.State.Store("syncs").All(), s => (string?)s["name"] == "GCS to Salesforce Sync");
            Assert.Contains(b.State.Requests, r => r.Method == "DELETE" && r.Path.StartsWith("/api/syncs/"));
        }
    }
}
