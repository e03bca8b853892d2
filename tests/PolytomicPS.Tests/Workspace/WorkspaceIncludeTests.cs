using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>Export -Include: roles, policies, the webhook and the error subscribers written by name without secrets,
    /// imported into an empty organization, compared as NoChange, and imported again with zero writes.</summary>
    public sealed class WorkspaceIncludeTests : IAsyncLifetime
    {
        private static readonly string[] Secrets = { "ws-hook-Secret-31", "ws-hook-Import-58" };

        private readonly SandboxFixture a = new SandboxFixture(), b = new SandboxFixture();
        private readonly string dir = Path.Combine(Path.GetTempPath(), "ws-inc-" + Guid.NewGuid().ToString("N"));

        /// <summary>The webhook's file: its endpoint has characters Windows refuses, so a readable prefix and a hash.</summary>
        private static readonly string HookFile = WorkspaceFolder.FileName("https://hooks.example.com/polytomic");

        public async Task InitializeAsync() { await a.InitializeAsync(); await b.InitializeAsync(); }

        public async Task DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }

        private PsResult Run(SandboxFixture org, string version, string script) =>
            Ps.Run(script, org, version, variables: new Dictionary<string, object?> { ["Dir"] = dir }, secrets: Secrets, folders: new[] { dir });

        private static int Writes(SandboxFixture org) => org.State.Requests.Count(r => r.Method != "GET");

        private const string Import = "Import-PolytomicWorkspace -Path $Dir -Secret @{ 'webhook:secret' = 'ws-hook-Import-58' }";

        [Theory]
        [InlineData("2024-02-08", "2024-02-08")]
        [InlineData("2024-02-08", "2025-09-18")]
        public void Include_exports_access_kinds_and_round_trips(string versionA, string versionB)
        {
            Run(a, versionA, @"
$analysts = New-PolytomicRole -Name Analysts
$auditors = New-PolytomicRole -Name Auditors
$admin = Get-PolytomicRole -Name Admin
$null = New-PolytomicPolicy -Name 'Warehouse access' -PolicyAction @{ write = $admin; read = @($auditors, $analysts) }
$hook = New-PolytomicWebhook -Endpoint https://hooks.example.com/polytomic -Secret ([System.Net.NetworkCredential]::new('', 'ws-hook-Secret-31').SecurePassword)
$null = Disable-PolytomicWebhook -Id $hook.Id
Set-PolytomicErrorSubscriber -Email ops@example.com, alerts@example.com
Export-PolytomicWorkspace -Path $Dir -Include Roles, Policies, Webhooks, ErrorSubscribers").AssertSuccess();

            var files = Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText);
            Assert.Equal(new[] { "error_subscribers.json", "manifest.json", "policies/Warehouse access.json", "roles/Analysts.json", "roles/Auditors.json",
                "webhooks/" + HookFile }, files.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.DoesNotContain(files.Values, t => t.Contains("ws-hook-Secret-31") || t.Contains("\"id\"") || t.Contains("organization_id") || t.Contains("created_at"));
            var policy = JsonNode.Parse(files["policies/Warehouse access.json"])!;
            Assert.Equal("read", (string?)policy["policy_actions"]![0]!["action"]);
            Assert.Equal("[\"Analysts\",\"Auditors\"]", WorkspaceJson.ToCanonical(policy["policy_actions"]![0]!["roles"]));
            Assert.Equal("[\"Admin\"]", WorkspaceJson.ToCanonical(policy["policy_actions"]![1]!["roles"]));
            var hook = JsonNode.Parse(files["webhooks/" + HookFile])!;
            Assert.Equal("webhook:secret", WorkspaceJson.PlaceholderName(hook["secret"]));
            Assert.True((bool?)hook["disabled"]);
            Assert.Equal("{\"emails\":[\"alerts@example.com\",\"ops@example.com\"]}", WorkspaceJson.ToCanonical(JsonNode.Parse(files["error_subscribers.json"])));
            var manifest = JsonNode.Parse(files["manifest.json"])!;
            Assert.Equal("[\"connections\",\"models\",\"syncs\",\"bulk_syncs\",\"roles\",\"policies\",\"webhooks\",\"error_subscribers\"]",
                WorkspaceJson.ToCanonical(manifest["kinds"]));

            // The webhook cannot be created without its secret: nothing is written.
            var missing = Run(b, versionB, "Import-PolytomicWorkspace -Path $Dir");
            Assert.Equal("WorkspaceSecretMissing,PolytomicPS.Commands.ImportPolytomicWorkspaceCommand", missing.SingleError().FullyQualifiedErrorId);
            Assert.Contains("webhook:secret", missing.SingleError().Exception.Message);
            Assert.Equal(0, Writes(b));

            var import = Run(b, versionB, Import);
            import.AssertSuccess();
            var applied = import.All<WorkspacePlanItem>();
            Assert.Equal(new[] { "Role Analysts", "Role Auditors", "Policy Warehouse access", "Webhook https://hooks.example.com/polytomic", "ErrorSubscribers global" },
                applied.Select(i => i.Kind + " " + i.Name));
            Assert.All(applied, i => Assert.Equal("Applied", i.Result));
            Assert.All(b.State.Requests.Where(r => r.Method == "POST"), r => Assert.False(string.IsNullOrEmpty(r.IdempotencyKey)));
            var stored = b.State.Store("webhooks").All().Single();
            Assert.Equal("ws-hook-Import-58", (string?)stored["secret"]);
            Assert.True((bool?)stored["disabled"]);

            var compare = Run(b, versionB, "Compare-PolytomicWorkspace -Path $Dir");
            compare.AssertSuccess();
            Assert.Equal(5, compare.All<WorkspacePlanItem>().Count);
            Assert.All(compare.All<WorkspacePlanItem>(), i => Assert.True(i.Action == WorkspaceAction.NoChange, i + ": " + i.Detail));

            var writes = Writes(b);
            var again = Run(b, versionB, Import);
            again.AssertSuccess();
            Assert.Equal(writes, Writes(b));
            Assert.All(again.All<WorkspacePlanItem>(), i => Assert.Equal("Unchanged", i.Result));

            // -Prune deletes only what the folder lacks, of the exported kinds; system roles are never touched.
            File.Delete(Path.Combine(dir, "roles", "Auditors.json"));
            var policyFile = Path.Combine(dir, "policies", "Warehouse access.json");
            File.WriteAllText(policyFile, File.ReadAllText(policyFile).Replace("\"Auditors\"", "\"Member\""));
            var pruned = Run(b, versionB, "Compare-PolytomicWorkspace -Path $Dir -Prune").All<WorkspacePlanItem>().Where(i => i.Action != WorkspaceAction.NoChange)
                .Select(i => $"{i.Action} {i.Kind} {i.Name}").ToList();
            Assert.Equal(new[] { "Update Policy Warehouse access", "Delete Role Auditors" }, pruned);
            Run(b, versionB, "Import-PolytomicWorkspace -Path $Dir -Prune -Force").AssertSuccess();
            Assert.Equal(new[] { "Admin", "Analysts", "Member" }, b.State.Store("roles").All().Select(r => (string?)r["name"]).OrderBy(n => n));

            // An organization has one webhook: a new endpoint updates it, and needs the secret (Polytomic's PUT takes both).
            var hookFile = Path.Combine(dir, "webhooks", HookFile);
            File.WriteAllText(Path.Combine(dir, "webhooks", "prod.json"), File.ReadAllText(hookFile).Replace("hooks.example.com", "prod.example.com"));
            File.Delete(hookFile);
            var needs = Run(b, versionB, "Compare-PolytomicWorkspace -Path $Dir -Prune").All<WorkspacePlanItem>().Single(i => i.Kind == "Webhook");
            Assert.Equal((WorkspaceAction.NeedsSecret, "https://prod.example.com/polytomic"), (needs.Action, needs.Name));
            Assert.Equal(new[] { "webhook:secret" }, needs.MissingSecrets);
            Assert.Contains(needs.Changes, c => c.Field == "endpoint" && (string?)c.OldValue == "https://hooks.example.com/polytomic");
            var moved = Run(b, versionB, Import + " -Prune -Force");
            moved.AssertSuccess();
            Assert.Equal("Update", moved.All<WorkspacePlanItem>().Single(i => i.Kind == "Webhook").Action.ToString());
            stored = b.State.Store("webhooks").All().Single();
            Assert.Equal(("https://prod.example.com/polytomic", true), ((string?)stored["endpoint"], (bool?)stored["disabled"]));

            // An export without -Include leaves none of its files of those kinds behind; the webhook file written by hand
            // is not the export's, so it is kept, with a warning naming it.
            var last = Run(b, versionB, "Export-PolytomicWorkspace -Path $Dir");
            last.AssertSuccess();
            Assert.Contains(last.Warnings, w => w.Message.StartsWith("Kept webhooks/prod.json:", StringComparison.Ordinal));
            Assert.Equal(new[] { "manifest.json", "prod.json" }, Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
        }
    }
}
