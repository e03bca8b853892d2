using System.IO;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>A folder that uses issue 26's settings (a joined model with an added field; syncs with overrides, an
    /// override field, only_enrich_updates, a passphrase and run_after on a sync and a bulk sync; a bulk sync with its
    /// options and a schema filter): exported from organization A, imported into an empty B, and exported again unchanged.</summary>
    public sealed class WorkspaceSettingsTests : IAsyncLifetime
    {
        private static readonly string[] Secrets = WorkspaceRoundTripTests.Secrets;
        private readonly SandboxFixture a = new SandboxFixture(), b = new SandboxFixture();
        private readonly string dir = Path.Combine(Path.GetTempPath(), "ws26-" + Guid.NewGuid().ToString("N"));

        public async Task InitializeAsync() { await a.InitializeAsync(); await b.InitializeAsync(); }

        public async Task DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }

        private string DirA => Path.Combine(dir, "a");
        private string DirB => Path.Combine(dir, "b");
        private Dictionary<string, object?> Vars => new Dictionary<string, object?> { ["DirA"] = DirA, ["DirB"] = DirB };

        private PsResult Run(SandboxFixture org, string version, string script) =>
            Ps.Run(script, org, version, variables: Vars, secrets: Secrets, folders: new[] { dir });

        private static int Writes(SandboxFixture org) => org.State.Requests.Count(r => r.Method != "GET");

        private static Dictionary<string, string> Files(string root) =>
            Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != WorkspaceFolder.ManifestFile)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);

        private const string Build = @"
$sf = New-PolytomicConnection -Name 'WS Snowflake' -Type snowflake -Configuration @{ account='a'; username='u'; password='ws-pa55-Zq9'; dbname='d' } |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Name 'WS CRM' -Type salesforce -Configuration @{ domain = 'https://x.my.salesforce.com' } -WarningAction SilentlyContinue
$null = New-PolytomicConnection -Name 'WS Enrichment' -Type api -Configuration @{ url = 'https://api.example.com' }
$null = $sf | New-PolytomicModel -Name 'WS Accounts' -Table PUBLIC.accounts
$users = $sf | New-PolytomicModel -Name 'WS Users' -Table PUBLIC.users -Relation @{ From = 'email'; To = 'WS Accounts.domain' } -AdditionalField @{ Name = 'score'; Type = 'number'; Label = 'Score' } `
    -Enricher @{ Connection = 'WS Enrichment'; Configuration = @{ endpoint = 'person' }; Mappings = @{ email = 'email' } }
$bulk = New-PolytomicBulkSync -Name 'WS Bulk' -Source $crm -Destination $sf -DestinationConfiguration @{ schema = 'RAW' } -Schema Contact `
    -AutomaticallyAddNewFields onlyIncremental -AutomaticallyAddNewObjects all -NormalizeNames legacy -ConcurrencyLimit 3 -ResyncConcurrencyLimit 2 `
    -DataCutoff ([datetime]::new(2024, 1, 2, 0, 0, 0, [DateTimeKind]::Utc)) -DisableRecordTimestamps
Set-PolytomicBulkSchema -SyncId $bulk.Id -Schema Contact -Filter @{ Field = 'Email'; Function = 'IsNotNull' } -DataCutoff ([datetime]::new(2024, 3, 1, 0, 0, 0, [DateTimeKind]::Utc)) -DisableDataCutoff
$null = $users | New-PolytomicSync -Name 'WS B First' -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -RunAfter 'WS Bulk'
$null = $users | New-PolytomicSync -Name 'WS A Second' -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } `
    -Override @{ Field = 'plan'; Function = 'Equality'; Value = 'trial'; Override = 'free' } -OverrideField @{ last_name = 'LastName' } -OnlyEnrichUpdates `
    -EncryptionPassphrase 'ws-pa55-Zq9' -RunAfter 'WS B First' -RunAfterSuccessOnly
Export-PolytomicWorkspace -Path $DirA";

        private static string SecretTable(string root) =>
            "@{ " + string.Join("; ", Files(root).Values.SelectMany(t => WorkspaceJson.Placeholders(JsonNode.Parse(t), "").Select(p => p.Placeholder)).Distinct()
                .Select(p => $"'{p}' = 'ws-import-Secret-77'")) + " }";

        [Theory]
        [InlineData("2024-02-08", "2025-09-18")]
        [InlineData("2025-09-18", "2024-02-08")]
        public void Every_setting_survives_export_and_import_into_another_organization_with_names_instead_of_ids(string versionA, string versionB)
        {
            Run(a, versionA, Build).AssertSuccess();
            var files = Files(DirA);
            var second = JsonNode.Parse(files["syncs/WS A Second.json"])!;
            var first = JsonNode.Parse(files["syncs/WS B First.json"])!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(@"{""syncs"":[""WS B First""]}"), second["schedule"]!["run_after"]), second["schedule"]!.ToJsonString());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(@"{""bulk_syncs"":[""WS Bulk""]}"), first["schedule"]!["run_after"]), first["schedule"]!.ToJsonString());
            Assert.True((bool)second["schedule"]!["run_after_success_only"]!);
            Assert.True((bool)second["only_enrich_updates"]!);
            Assert.Equal("WS Users", (string?)second["overrides"]![0]!["field"]!["model"]);
            Assert.Equal("WS A Second.encryption_passphrase", WorkspaceJson.PlaceholderName(second["encryption_passphrase"]));
            var users = JsonNode.Parse(files["models/WS Users.json"])!;
            Assert.Equal("WS Accounts", (string?)users["relations"]![0]!["to"]!["model"]);
            Assert.Equal("score", (string?)users["additional_fields"]![0]!["name"]);
            Assert.Equal("WS Enrichment", (string?)users["enricher"]!["connection"]);
            Assert.Equal("email", (string?)users["enricher"]!["mappings"]!["email"]);
            var bulk = JsonNode.Parse(files["bulk_syncs/WS Bulk.json"])!;
            Assert.Equal("onlyIncremental|all|legacy|3|2|true", $"{bulk["automatically_add_new_fields"]}|{bulk["automatically_add_new_objects"]}|{bulk["normalize_names"]}|" +
                $"{bulk["concurrency_limit"]}|{bulk["resync_concurrency_limit"]}|{bulk["disable_record_timestamps"]}".ToLowerInvariant().Replace("onlyincremental", "onlyIncremental"));
            var contact = bulk["schemas"]!.AsArray().Single(s => (string?)s!["id"] == "Contact")!;
            Assert.Equal("IsNotNull", (string?)contact["filters"]![0]!["function"]);
            Assert.True((bool)contact["disable_data_cutoff"]!);
            // No ids of organization A in the files.
            var ids = a.State.Store("syncs").All().Concat(a.State.Store("models").All()).Concat(a.State.Store("bulk_syncs").All()).Select(o => (string)o["id"]!).ToList();
            Assert.DoesNotContain(files.Values, t => ids.Any(t.Contains));

            // Import into the empty B: the dependent syncs come after what they run after (A Second sorts first by name).
            var import = Run(b, versionB, $"Import-PolytomicWorkspace -Path $DirA -Secret {SecretTable(DirA)}");
            import.AssertSuccess();
            Assert.All(import.All<WorkspacePlanItem>(), i => Assert.Equal("Applied", i.Result));
            var names = import.All<WorkspacePlanItem>().Select(i => i.Name).ToList();
            Assert.True(names.IndexOf("WS Bulk") < names.IndexOf("WS B First") && names.IndexOf("WS B First") < names.IndexOf("WS A Second"), string.Join(", ", names));
            var bSyncs = b.State.Store("syncs").All().ToDictionary(s => (string)s["name"]!);
            var bBulk = b.State.Store("bulk_syncs").All().Single();
            Assert.Equal((string)bSyncs["WS B First"]["id"]!, (string?)bSyncs["WS A Second"]["schedule"]!["run_after"]!["sync_ids"]![0]);
            Assert.Equal((string)bBulk["id"]!, (string?)bSyncs["WS B First"]["schedule"]!["run_after"]!["bulk_sync_ids"]![0]);

            // Compare shows nothing to do; exporting B gives the same files.
            var compare = Run(b, versionB, "Compare-PolytomicWorkspace -Path $DirA");
            compare.AssertSuccess();
            Assert.All(compare.All<WorkspacePlanItem>(), i => Assert.True(i.Action == WorkspaceAction.NoChange, i + ": " + i.Detail));
            Run(b, versionB, "Export-PolytomicWorkspace -Path $DirB").AssertSuccess();
            var filesB = Files(DirB);
            foreach (var kv in files) Assert.True(filesB.TryGetValue(kv.Key, out var t) && t == kv.Value, kv.Key + "\n" + kv.Value + "\n---\n" + (t ?? "(missing)"));

            // A changed dependency shows as one field change.
            var path = Path.Combine(DirA, "syncs", "WS A Second.json");
            var edited = JsonNode.Parse(File.ReadAllText(path))!;
            edited["schedule"]!["run_after"] = JsonNode.Parse(@"{""bulk_syncs"":[""WS Bulk""]}");
            File.WriteAllText(path, edited.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            var diff = Run(b, versionB, "Compare-PolytomicWorkspace -Path $DirA");
            diff.AssertSuccess();
            var update = Assert.Single(diff.All<WorkspacePlanItem>(), i => i.Action != WorkspaceAction.NoChange);
            Assert.Equal("WS A Second", update.Name);
            Assert.All(update.Changes, c => Assert.StartsWith("schedule.run_after", c.Field.TrimStart('$', '.')));
        }

        [Fact]
        public void A_dependency_cycle_is_an_error_before_any_write()
        {
            Run(a, "2025-09-18", Build).AssertSuccess();
            var path = Path.Combine(DirA, "syncs", "WS B First.json");
            var edited = JsonNode.Parse(File.ReadAllText(path))!;
            edited["schedule"]!["run_after"] = JsonNode.Parse(@"{""syncs"":[""WS A Second""]}");
            File.WriteAllText(path, edited.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            foreach (var command in new[] { "Compare-PolytomicWorkspace", "Import-PolytomicWorkspace" })
            {
                var r = Run(b, "2025-09-18", $"{command} -Path $DirA -Secret {SecretTable(DirA)}".Replace("Compare-PolytomicWorkspace -Path $DirA -Secret", "Compare-PolytomicWorkspace -Path $DirA #"));
                var e = r.SingleError();
                Assert.StartsWith("DependencyCycle,", e.FullyQualifiedErrorId);
                Assert.Contains("'WS A Second'", e.Exception.Message);
                Assert.Contains("'WS B First'", e.Exception.Message);
                Assert.Equal(0, Writes(b));
            }
        }

        [Fact]
        public void A_run_after_that_is_not_a_list_of_names_is_refused_naming_the_file()
        {
            Run(a, "2025-09-18", Build).AssertSuccess();
            var path = Path.Combine(DirA, "syncs", "WS A Second.json");
            var edited = JsonNode.Parse(File.ReadAllText(path))!;
            edited["schedule"]!["run_after"] = JsonNode.Parse(@"{""sync_ids"":[""2f6c7d5e-0000-4000-8000-000000000000""]}");
            File.WriteAllText(path, edited.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            var r = Run(b, "2025-09-18", "Compare-PolytomicWorkspace -Path $DirA");
            Assert.NotEmpty(r.Errors);
            Assert.Contains(r.Errors, e => e.Exception.Message.Contains("run_after") && e.Exception.Message.Contains("WS A Second"));
            Assert.Equal(0, Writes(b));
        }
    }
}
