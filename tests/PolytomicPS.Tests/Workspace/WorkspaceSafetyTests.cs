using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json.Nodes;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>Issue 23, findings 1, 2, 6, 7, 8 and 10: Export writes only its own files, whole, inside its folder;
    /// Compare and Import check the whole folder (shapes, unknown fields, placeholders, manifest, links, size) and make
    /// zero writes when anything is wrong, naming the file and the JSON path.</summary>
    public sealed class WorkspaceSafetyTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private const string Password = "ws-safe-Pa55-Q7";
        private readonly SandboxFixture sandbox;
        private readonly string root = Path.Combine(Path.GetTempPath(), "ws-safe-" + Guid.NewGuid().ToString("N"));

        public WorkspaceSafetyTests(SandboxFixture sandbox) { this.sandbox = sandbox; Directory.CreateDirectory(root); }

        public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, recursive: true); }

        private static string Tag() => "S" + Guid.NewGuid().ToString("N").Substring(0, 8);

        private PsResult Run(string version, string script, string dir) =>
            Ps.Run(script, sandbox, version, variables: new Dictionary<string, object?> { ["Dir"] = dir }, secrets: new[] { Password });

        private int Writes() => sandbox.State.Requests.Count(r => r.Method != "GET");

        /// <summary>A folder written by hand: a warehouse (its password a placeholder), an OAuth CRM, a model and a sync.</summary>
        private string Folder(string version, string tag, Action<Dictionary<string, JsonObject>>? edit = null)
        {
            JsonObject J(string json) => JsonNode.Parse(json.Replace("TAG", tag))!.AsObject();
            var files = new Dictionary<string, JsonObject>
            {
                ["manifest.json"] = J(@"{ ""format_version"": 1, ""api_version"": """ + version + @""", ""kinds"": [ ""connections"", ""models"", ""syncs"", ""bulk_syncs"" ] }"),
                ["connections/WH.json"] = J(@"{ ""name"": ""TAG WH"", ""type"": ""snowflake"", ""configuration"": { ""account"": ""a"", ""username"": ""u"", ""dbname"": ""d"", ""password"": { ""$secret"": ""TAG WH.password"" } } }"),
                ["connections/CRM.json"] = J(@"{ ""name"": ""TAG CRM"", ""type"": ""salesforce"", ""sign_in"": ""oauth"", ""configuration"": { ""domain"": ""https://example.my.salesforce.com"" } }"),
                ["models/Users.json"] = J(@"{ ""name"": ""TAG Users"", ""connection"": ""TAG WH"", ""configuration"": { ""query"": ""SELECT email, first_name FROM users"" } }"),
                ["syncs/Users to CRM.json"] = J(@"{ ""name"": ""TAG Users to CRM"", ""mode"": ""create"", ""schedule"": { ""frequency"": ""manual"" },
                    ""target"": { ""connection"": ""TAG CRM"", ""object"": ""Contact"" },
                    ""identity"": { ""source"": { ""field"": ""email"", ""model"": ""TAG Users"" }, ""target"": ""Email"", ""function"": ""Equality"" },
                    ""fields"": [ { ""source"": { ""field"": ""first_name"", ""model"": ""TAG Users"" }, ""target"": ""FirstName"" } ] }"),
            };
            edit?.Invoke(files);
            var dir = Path.Combine(root, tag);
            foreach (var kv in files)
            {
                var path = Path.Combine(dir, kv.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, WorkspaceJson.ToFileText(kv.Value));
            }
            return dir;
        }

        private static string Secret(string tag) => $"-Secret @{{ '{tag} WH.password' = '{Password}' }}";

        /// <summary>Compare and Import both refuse the folder with the problem's ErrorId, naming the file and the JSON
        /// path, and end with WorkspaceFolderInvalid; the sandbox's request log shows zero writes.</summary>
        private void AssertRefused(string version, string dir, string tag, string errorId, string file, string path)
        {
            var writes = Writes();
            foreach (var command in new[] { "Compare-PolytomicWorkspace", "Import-PolytomicWorkspace" })
            {
                var r = Run(version, $"{command} -Path $Dir {Secret(tag)}", dir);
                Assert.Empty(r.All<WorkspacePlanItem>());
                var problem = Assert.Single(r.Errors, e => e.FullyQualifiedErrorId.StartsWith(errorId + ",", StringComparison.Ordinal));
                Assert.Equal(ErrorCategory.InvalidData, problem.CategoryInfo.Category);
                Assert.Contains(file, problem.Exception.Message);
                Assert.Contains(path, problem.Exception.Message);
                Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("WorkspaceFolderInvalid,", StringComparison.Ordinal)
                    && e.Exception.Message.StartsWith("Nothing was written", StringComparison.Ordinal));
                Assert.DoesNotContain(r.Errors, e => e.Exception is not Polytomic.Workspace.WorkspaceException);
            }
            Assert.Equal(writes, Writes());
        }

        // ---------------------------------------------------------------- Import and Compare (findings 2, 6, 7, 10)

        [Theory]
        [InlineData("2024-02-08", @"{ ""$Secret"": ""TAG WH.password"" }")]
        [InlineData("2025-09-18", @"{ ""$secret"": 5 }")]
        [InlineData("2024-02-08", @"{ ""secret"": ""TAG WH.password"" }")]
        [InlineData("2025-09-18", @"{ ""$secret"": ""TAG WH.password"", ""note"": ""x"" }")]
        [InlineData("2024-02-08", @"""a-literal-password""")]
        [InlineData("2025-09-18", @"{ ""$secret"": ""TAG CRM.password"" }")]
        public void A_malformed_or_borrowed_placeholder_in_an_existing_connection_is_refused_and_the_secret_kept(string version, string value)
        {
            var tag = Tag();
            var dir = Folder(version, tag);
            Run(version, $"Import-PolytomicWorkspace -Path $Dir {Secret(tag)}", dir).AssertSuccess();
            Assert.Equal(Password, (string?)sandbox.State.Connections.All().Single(c => (string?)c["name"] == tag + " WH")["configuration"]!["password"]);

            Folder(version, tag, f => f["connections/WH.json"]["configuration"]!["password"] = JsonNode.Parse(value.Replace("TAG", tag)));
            AssertRefused(version, dir, tag, "InvalidSecretPlaceholder", "connections/WH.json", "$.configuration.password");
            Assert.Equal(Password, (string?)sandbox.State.Connections.All().Single(c => (string?)c["name"] == tag + " WH")["configuration"]!["password"]);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_new_connection_may_not_name_another_connections_secret(string version)
        {
            var tag = Tag();
            var dir = Folder(version, tag, f => f["connections/Evil.json"] = JsonNode.Parse(
                $@"{{ ""name"": ""{tag} Evil"", ""type"": ""snowflake"", ""configuration"": {{ ""account"": ""e"", ""username"": ""e"", ""dbname"": ""e"", ""password"": {{ ""$secret"": ""{tag} WH.password"" }} }} }}")!.AsObject());
            AssertRefused(version, dir, tag, "InvalidSecretPlaceholder", "connections/Evil.json", "$.configuration.password");
            Assert.DoesNotContain(sandbox.State.Connections.All(), c => (string?)c["name"] == tag + " Evil");
        }

        [Theory]
        [InlineData("2024-02-08", "syncs/Users to CRM.json", "mode", @"{ ""x"": 1 }", "InvalidWorkspaceFile", "$.mode")]
        [InlineData("2025-09-18", "syncs/Users to CRM.json", "mode", @"{ ""x"": 1 }", "InvalidWorkspaceFile", "$.mode")]
        [InlineData("2024-02-08", "syncs/Users to CRM.json", "name", "12345", "InvalidWorkspaceFile", "$.name")]
        [InlineData("2025-09-18", "syncs/Users to CRM.json", "mode", @"""upsert""", "InvalidWorkspaceFile", "$.mode")]
        [InlineData("2024-02-08", "syncs/Users to CRM.json", "identity", @"{ ""source"": { ""field"": 5, ""model"": ""TAG Users"" }, ""target"": ""Email"", ""function"": ""Equality"" }", "InvalidWorkspaceFile", "$.identity.source.field")]
        [InlineData("2025-09-18", "syncs/Users to CRM.json", "identity", @"{ ""source"": { ""field"": ""email"", ""model"": ""TAG Users"" }, ""target"": ""Email"", ""function"": ""equality"" }", "InvalidWorkspaceFile", "$.identity.function")]
        [InlineData("2024-02-08", "connections/WH.json", "evil_field", @"""x""", "UnknownWorkspaceField", "$.evil_field")]
        [InlineData("2025-09-18", "connections/WH.json", "evil_field", @"""x""", "UnknownWorkspaceField", "$.evil_field")]
        [InlineData("2024-02-08", "models/Users.json", "organization_id", @"""zzz""", "UnknownWorkspaceField", "$.organization_id")]
        [InlineData("2025-09-18", "models/Users.json", "organization_id", @"""zzz""", "UnknownWorkspaceField", "$.organization_id")]
        [InlineData("2024-02-08", "syncs/Users to CRM.json", "target", @"{ ""connection"": ""TAG CRM"", ""object"": ""Contact"", ""evil"": 1 }", "UnknownWorkspaceField", "$.target.evil")]
        [InlineData("2025-09-18", "syncs/Users to CRM.json", "target", @"{ ""connection_id"": ""6f1c7d0e-0000-4000-8000-000000000000"", ""object"": ""Contact"" }", "UnknownWorkspaceField", "$.target.connection_id")]
        [InlineData("2024-02-08", "models/Users.json", "identifier", "null", "InvalidWorkspaceFile", "$.identifier")]
        [InlineData("2024-02-08", "connections/WH.json", "type", @"""nosuchtype""", "InvalidWorkspaceFile", "$.type")]
        [InlineData("2025-09-18", "syncs/Users to CRM.json", "encryption_passphrase", @"{ ""$secret"": ""TAG WH.password"" }", "InvalidSecretPlaceholder", "$.encryption_passphrase")]
        [InlineData("2024-02-08", "syncs/Users to CRM.json", "encryption_passphrase", @"""a-literal-passphrase""", "InvalidWorkspaceFile", "$.encryption_passphrase")]
        [InlineData("2024-02-08", "models/Users.json", "configuration", @"{ ""query"": { ""$secret"": ""TAG Users.query"" } }", "InvalidSecretPlaceholder", "$.configuration.query")]
        [InlineData("2025-09-18", "connections/WH.json", "configuration", @"{ ""account"": { ""$secret"": ""TAG WH.account"" }, ""username"": ""u"", ""dbname"": ""d"", ""password"": { ""$secret"": ""TAG WH.password"" } }", "InvalidSecretPlaceholder", "$.configuration.account")]
        [InlineData("2024-02-08", "manifest.json", "api_version", @"""banana""", "InvalidWorkspaceManifest", "$.api_version")]
        [InlineData("2025-09-18", "manifest.json", "kinds", @"[ ""../../etc"" ]", "InvalidWorkspaceManifest", "$.kinds[0]")]
        [InlineData("2024-02-08", "manifest.json", "format_version", "2", "WorkspaceFormatNotSupported", "$.format_version")]
        [InlineData("2025-09-18", "manifest.json", "files", @"[ ""connections/../../victim.json"" ]", "InvalidWorkspaceManifest", "$.files[0]")]
        public void A_file_of_the_wrong_shape_is_refused_by_Compare_and_Import_with_zero_writes(string version, string file, string key, string value,
            string errorId, string path)
        {
            var tag = Tag();
            var dir = Folder(version, tag, f => f[file][key] = JsonNode.Parse(value.Replace("TAG", tag)));
            AssertRefused(version, dir, tag, errorId, file, path);
            Assert.DoesNotContain(sandbox.State.Connections.All(), c => ((string?)c["name"] ?? "").StartsWith(tag, StringComparison.Ordinal));
        }

        [Fact]
        public void Every_problem_of_the_folder_is_reported_at_once()
        {
            var tag = Tag();
            var dir = Folder("2025-09-18", tag, f =>
            {
                f["connections/WH.json"]["evil_field"] = 1;
                f["syncs/Users to CRM.json"]["mode"] = new JsonObject { ["x"] = 1 };
                f["manifest.json"]["api_version"] = "banana";
            });
            var r = Run("2025-09-18", "Import-PolytomicWorkspace -Path $Dir", dir);
            Assert.Equal(new[] { "InvalidWorkspaceFile", "InvalidWorkspaceManifest", "UnknownWorkspaceField", "WorkspaceFolderInvalid" },
                r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).OrderBy(x => x, StringComparer.Ordinal));
        }

        [Fact]
        public void A_file_over_5_MB_and_a_link_are_refused_before_any_write()
        {
            var tag = Tag();
            var dir = Folder("2024-02-08", tag);
            using (var big = new FileStream(Path.Combine(dir, "models", "Big.json"), FileMode.CreateNew)) big.SetLength(50L * 1024 * 1024);
            AssertRefused("2024-02-08", dir, tag, "WorkspaceFileTooLarge", "models/Big.json", "52428800 bytes");
            File.Delete(Path.Combine(dir, "models", "Big.json"));

            // Import never follows a link: not to a file outside the folder, nor to a folder.
            var outside = Path.Combine(root, tag + "-outside.json");
            File.WriteAllText(outside, File.ReadAllText(Path.Combine(dir, "connections", "CRM.json")));
            File.Delete(Path.Combine(dir, "connections", "CRM.json"));
            File.CreateSymbolicLink(Path.Combine(dir, "connections", "CRM.json"), outside);
            AssertRefused("2024-02-08", dir, tag, "WorkspaceLinkRefused", "connections/CRM.json", "link");
            File.Delete(Path.Combine(dir, "connections", "CRM.json"));
            Directory.Move(Path.Combine(dir, "models"), Path.Combine(root, tag + "-models"));
            Directory.CreateSymbolicLink(Path.Combine(dir, "models"), Path.Combine(root, tag + "-models"));
            AssertRefused("2024-02-08", dir, tag, "WorkspaceLinkRefused", "models", "link");
        }

        [Fact]
        public void The_reader_pages_through_the_clients_guard_so_a_looping_list_ends_the_export_before_any_file()
        {
            // Fifty pages that all carry the same token: the guard stops at the second page, the export writes nothing.
            sandbox.State.Faults.Add(new Polytomic.Sandbox.Fault
            {
                Status = 200, ContentType = "application/json", Method = "GET", PathPrefix = "/api/bulk/syncs", Count = 50,
                Body = @"{""data"":[{""id"":""8f0e4f5c-0d0b-4a53-9d0f-3d3c1f4a0b11"",""name"":""Looping""}],""pagination"":{""next_page_token"":""again""}}",
            });
            try
            {
                var dir = Path.Combine(root, Tag());
                var before = sandbox.State.RequestsTo("GET", "/api/bulk/syncs").Count();
                var r = Run("2024-02-08", "Export-PolytomicWorkspace -Path $Dir", dir);
                Assert.Equal("PagingLoop,PolytomicPS.Commands.ExportPolytomicWorkspaceCommand", r.SingleError().FullyQualifiedErrorId);
                Assert.Equal(before + 2, sandbox.State.RequestsTo("GET", "/api/bulk/syncs").Count());
                Assert.False(Directory.Exists(dir));
            }
            finally { sandbox.State.Faults.Clear(); }
        }

        // ---------------------------------------------------------------- Export (findings 1 and 8)

        /// <summary>Two connections of the tag exported into a fresh folder; returns the folder.</summary>
        private string Exported(string version, string tag, params string[] names)
        {
            var dir = Path.Combine(root, tag);
            var make = string.Join("\n", names.Select(n => $"$null = New-PolytomicConnection -Name '{n.Replace("'", "''")}' -Type postgresql " +
                $"-Configuration @{{ hostname = 'db.example.com'; username = 'u'; password = '{Password}'; database = 'd' }}"));
            Run(version, make + $"\nExport-PolytomicWorkspace -Path $Dir -Name '{tag}*'", dir).AssertSuccess();
            return dir;
        }

        [Fact]
        public void Export_refuses_a_linked_file_or_folder_before_any_write_and_touches_nothing_outside()
        {
            var tag = Tag();
            var dir = Exported("2024-02-08", tag, tag + " CRM", tag + " PG");
            var manifest = File.ReadAllBytes(Path.Combine(dir, "manifest.json"));
            var pg = File.ReadAllBytes(Path.Combine(dir, "connections", tag + " PG.json"));

            // A linked file: the file outside keeps its bytes, and nothing in the folder changes.
            var victim = Path.Combine(root, tag + "-victim.json");
            File.WriteAllText(victim, "not the export's");
            File.Delete(Path.Combine(dir, "connections", tag + " PG.json"));
            File.CreateSymbolicLink(Path.Combine(dir, "connections", tag + " PG.json"), victim);
            File.Delete(Path.Combine(dir, "connections", tag + " CRM.json"));
            var r = Run("2024-02-08", $"Export-PolytomicWorkspace -Path $Dir -Name '{tag}*'", dir);
            var error = r.SingleError();
            Assert.Equal("WorkspaceLinkRefused,PolytomicPS.Commands.ExportPolytomicWorkspaceCommand", error.FullyQualifiedErrorId);
            Assert.Contains($"connections/{tag} PG.json", error.Exception.Message);
            Assert.Equal("not the export's", File.ReadAllText(victim));
            Assert.False(File.Exists(Path.Combine(dir, "connections", tag + " CRM.json")), "nothing is written when the folder holds a link");
            Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(dir, "manifest.json")));

            // A linked kind folder: what is in the folder it points to is neither deleted nor joined by the export's files.
            File.Delete(Path.Combine(dir, "connections", tag + " PG.json"));
            var elsewhere = Path.Combine(root, tag + "-elsewhere");
            Directory.CreateDirectory(elsewhere);
            File.WriteAllText(Path.Combine(elsewhere, "keep.json"), "{}");
            Directory.Delete(Path.Combine(dir, "connections"));
            Directory.CreateSymbolicLink(Path.Combine(dir, "connections"), elsewhere);
            r = Run("2024-02-08", $"Export-PolytomicWorkspace -Path $Dir -Name '{tag}*'", dir);
            Assert.Equal("WorkspaceLinkRefused,PolytomicPS.Commands.ExportPolytomicWorkspaceCommand", r.SingleError().FullyQualifiedErrorId);
            Assert.Equal(new[] { "keep.json" }, Directory.GetFiles(elsewhere).Select(Path.GetFileName));

            // Without the link the export writes the folder again.
            Directory.Delete(Path.Combine(dir, "connections"));
            Run("2024-02-08", $"Export-PolytomicWorkspace -Path $Dir -Name '{tag}*'", dir).AssertSuccess();
            Assert.Equal(pg, File.ReadAllBytes(Path.Combine(dir, "connections", tag + " PG.json")));
        }

        [Fact]
        public void Export_deletes_only_files_it_wrote_and_keeps_foreign_ones_with_a_warning()
        {
            var tag = Tag();
            var dir = Exported("2025-09-18", tag, tag + " A", tag + " B");
            var listed = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!["files"]!.AsArray().Select(n => (string?)n).ToList();
            Assert.Equal(new[] { $"connections/{tag} A.json", $"connections/{tag} B.json" }, listed);
            Directory.CreateDirectory(Path.Combine(dir, "models"));
            Directory.CreateDirectory(Path.Combine(dir, "syncs"));
            foreach (var foreign in new[] { "models/package.json", "models/schema.json", "syncs/jobs.json" })
                File.WriteAllText(Path.Combine(dir, foreign), "{ \"mine\": true }");

            // A manifest that lists a file outside the folder never makes the export delete it.
            var victim = Path.Combine(root, tag + "-victim.json");
            File.WriteAllText(victim, "{}");
            var manifestFile = Path.Combine(dir, "manifest.json");
            var manifest = JsonNode.Parse(File.ReadAllText(manifestFile))!;
            manifest["files"]!.AsArray().Add("connections/../../" + tag + "-victim.json");
            manifest["files"]!.AsArray().Add("../" + tag + "-victim.json");
            File.WriteAllText(manifestFile, manifest.ToJsonString());

            var r = Run("2025-09-18", $"Get-PolytomicConnection | Where-Object Name -eq '{tag} B' | Remove-PolytomicConnection -Confirm:$false\n" +
                $"Export-PolytomicWorkspace -Path $Dir -Name '{tag}*'", dir);
            r.AssertSuccess();
            Assert.False(File.Exists(Path.Combine(dir, "connections", tag + " B.json")), "the export's own file of a deleted object is deleted");
            foreach (var foreign in new[] { "models/package.json", "models/schema.json", "syncs/jobs.json" })
            {
                Assert.Equal("{ \"mine\": true }", File.ReadAllText(Path.Combine(dir, foreign)));
                Assert.Contains(r.Warnings, w => w.Message.StartsWith("Kept " + foreign + ":", StringComparison.Ordinal));
            }
            Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
            Assert.True(File.Exists(victim));
        }

        [Fact]
        public void A_failed_export_leaves_the_previous_folder_readable()
        {
            var tag = Tag();
            var dir = Exported("2024-02-08", tag, tag + " A");
            var manifest = File.ReadAllBytes(Path.Combine(dir, "manifest.json"));
            // The next object's file cannot be written: a folder stands where it goes.
            Directory.CreateDirectory(Path.Combine(dir, "connections", tag + " B.json"));
            var r = Run("2024-02-08", $"$null = New-PolytomicConnection -Name '{tag} B' -Type postgresql -Configuration @{{ hostname = 'h'; username = 'u'; password = '{Password}'; database = 'd' }}\n" +
                $"Export-PolytomicWorkspace -Path $Dir -Name '{tag}*'", dir);
            Assert.Equal("WorkspaceWriteFailed,PolytomicPS.Commands.ExportPolytomicWorkspaceCommand", r.SingleError().FullyQualifiedErrorId);
            Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(dir, "manifest.json")));
            Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
            Directory.Delete(Path.Combine(dir, "connections", tag + " B.json"));
            Assert.Single(Run("2024-02-08", $"Compare-PolytomicWorkspace -Path $Dir {Secret(tag)}", dir).All<WorkspacePlanItem>(),
                i => i.Name == tag + " A" && i.Action == WorkspaceAction.NoChange);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Any_name_gets_a_portable_file_name_and_round_trips_exactly(string version)
        {
            var tag = Tag();
            var names = new[] { tag + "Z" + new string('日', 100), tag + " CON", tag + " a<b>:c|d?*", tag + " trailing. ", tag + "/" + new string('x', 300) };
            var dir = Exported(version, tag, names);
            var files = Directory.GetFiles(Path.Combine(dir, "connections"));
            Assert.Equal(names.Length, files.Length);
            Assert.All(files, f => Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(f)) <= 255, f));
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal),
                files.Select(f => (string?)JsonNode.Parse(File.ReadAllText(f))!["name"]).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Contains(files, f => Path.GetFileName(f).StartsWith(tag + "Z日", StringComparison.Ordinal));

            var plan = Run(version, "Compare-PolytomicWorkspace -Path $Dir", dir);
            plan.AssertSuccess();
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), plan.All<WorkspacePlanItem>().Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(plan.All<WorkspacePlanItem>(), i => Assert.Equal(WorkspaceAction.NoChange, i.Action));

            // A second export writes the same bytes and warns of nothing.
            var before = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
            var again = Run(version, $"Export-PolytomicWorkspace -Path $Dir -Name '{tag}*'", dir);
            again.AssertSuccess();
            Assert.Empty(again.Warnings);
            foreach (var kv in before) Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key));
        }
    }
}
