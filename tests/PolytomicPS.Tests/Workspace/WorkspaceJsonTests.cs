using System.IO;
using System.Text.Json.Nodes;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>The workspace's JSON rules, folder layout and planner, without a server.</summary>
    public sealed class WorkspaceJsonTests
    {
        private static JsonObject J(string json) => JsonNode.Parse(json)!.AsObject();

        [Fact]
        public void File_text_sorts_keys_at_every_level_and_ends_lines_with_LF()
        {
            var text = WorkspaceJson.ToFileText(J(@"{ ""b"": 1, ""a"": { ""z"": true, ""c"": [ { ""y"": 1, ""x"": 2 } ] }, ""é"": ""ü"" }"));
            Assert.Equal("{\n  \"a\": {\n    \"c\": [\n      {\n        \"x\": 2,\n        \"y\": 1\n      }\n    ],\n    \"z\": true\n  },\n  \"b\": 1,\n  \"é\": \"ü\"\n}\n", text);
            Assert.Equal(text, WorkspaceJson.ToFileText(J(@"{ ""é"": ""ü"", ""a"": { ""c"": [ { ""x"": 2, ""y"": 1 } ], ""z"": true }, ""b"": 1 }")));
        }

        [Fact]
        public void Diff_reports_what_the_file_states_and_ignores_what_only_the_server_has()
        {
            var desired = J(@"{ ""name"": ""m"", ""configuration"": { ""query"": ""select 2"" }, ""fields"": [ { ""target"": ""A"" }, { ""target"": ""B"" } ], ""tags"": [ ""x"" ] }");
            var current = J(@"{ ""name"": ""m"", ""configuration"": { ""query"": ""select 1"", ""extra"": 1 }, ""fields"": [ { ""target"": ""A"" }, { ""target"": ""C"" } ], ""tags"": [ ""x"", ""y"" ], ""server"": true }");
            var changes = WorkspaceJson.Diff(desired, current);
            Assert.Equal(new[] { "configuration.query: select 1 -> select 2", "fields[1].target: C -> B", "tags: [\"x\",\"y\"] -> [\"x\"]" },
                changes.Select(c => c.ToString()));
            Assert.Empty(WorkspaceJson.Diff(current, current));
        }

        [Fact]
        public void Placeholders_are_found_never_compared_and_shown_only_as_secret()
        {
            var desired = J(@"{ ""configuration"": { ""password"": { ""$secret"": ""WH.password"" }, ""user"": ""u"" } }");
            Assert.Equal(new[] { ("configuration.password", "WH.password") }, WorkspaceJson.Placeholders(desired, ""));
            Assert.Empty(WorkspaceJson.Diff(desired, J(@"{ ""configuration"": { ""password"": ""********"", ""user"": ""u"" } }")));
            Assert.Equal(WorkspaceJson.SecretShown, WorkspaceJson.Shown(desired["configuration"]!["password"]));
        }

        [Theory]
        [InlineData("Sales EU Daily", "Sales EU Daily.json")]
        [InlineData("Ünïcödé 日本", "Ünïcödé 日本.json")]
        [InlineData("Sales / EU: Daily?", "Sales _ EU_ Daily_~")]
        [InlineData("trailing dot.", "trailing dot~")]
        [InlineData("trailing space ", "trailing space~")]
        [InlineData("...", "~")]
        [InlineData("CON", "CON~")]
        [InlineData("nul.txt", "nul.txt~")]
        [InlineData("Com1", "Com1~")]
        [InlineData("conout$", "conout$~")]
        [InlineData("a<b>c\"d|e*f", "a_b_c_d_e_f~")]
        public void File_names_replace_what_no_file_system_takes(string name, string file)
        {
            var actual = WorkspaceFolder.FileName(name);
            if (file.EndsWith(".json", StringComparison.Ordinal)) Assert.Equal(file, actual);
            else Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(file) + "[0-9a-f]{10}\\.json$", actual);
        }

        [Fact]
        public void A_folder_round_trips_removes_stale_files_and_refuses_clashing_names()
        {
            var dir = Path.Combine(Path.GetTempPath(), "wsjson-" + Guid.NewGuid().ToString("N"));
            try
            {
                var manifest = new WorkspaceManifest { ApiVersion = "2025-09-18", SourceUrl = "https://app.polytomic.com/" };
                var a = new WorkspaceObject(WorkspaceKinds.Models, J(@"{ ""name"": ""A"", ""connection"": ""WH"" }"));
                var b = new WorkspaceObject(WorkspaceKinds.Models, J(@"{ ""name"": ""B"", ""connection"": ""WH"" }"));
                WorkspaceFolder.Write(dir, manifest, new[] { a, b });
                WorkspaceFolder.Write(dir, manifest, new[] { a });
                Assert.Equal(new[] { "A.json" }, Directory.GetFiles(Path.Combine(dir, "models")).Select(Path.GetFileName));
                var (read, objects) = WorkspaceFolder.Read(dir);
                Assert.Equal("2025-09-18", read.ApiVersion);
                Assert.Equal("A", Assert.Single(objects).Name);

                var twin = new WorkspaceObject(WorkspaceKinds.Models, J(@"{ ""name"": ""A"", ""connection"": ""WH"" }"));
                var ex = Assert.Throws<WorkspaceException>(() => WorkspaceFolder.Write(dir, manifest, new[] { a, twin }));
                Assert.Equal("DuplicateWorkspaceName", ex.ErrorId);
                Assert.Contains("Model 'A'", ex.Message);

                // Names that differ only in case get their hashed file names, so that no file system makes them one.
                var lower = new WorkspaceObject(WorkspaceKinds.Models, J(@"{ ""name"": ""a"", ""connection"": ""WH"" }"));
                WorkspaceFolder.Write(dir, manifest, new[] { a, lower });
                Assert.Equal(new[] { WorkspaceFileName.Of("A", hashed: true), WorkspaceFileName.Of("a", hashed: true) }.OrderBy(f => f, StringComparer.Ordinal),
                    Directory.GetFiles(Path.Combine(dir, "models")).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
                Assert.Equal(new[] { "A", "a" }, WorkspaceFolder.Read(dir).Objects.Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal));
                WorkspaceFolder.Write(dir, manifest, new[] { a });

                // A folder of an earlier export (its manifest lists no files, its names were '_'-replaced): the export's
                // old files are recognised and replaced, a file it did not write is kept.
                var slashed = new WorkspaceObject(WorkspaceKinds.Models, J(@"{ ""name"": ""A/B."", ""connection"": ""WH"" }"));
                File.WriteAllText(Path.Combine(dir, "models", "A_B.json"), WorkspaceJson.ToFileText(slashed.Body));
                File.WriteAllText(Path.Combine(dir, "models", "notes.json"), "{}");
                var old = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsObject();
                old.Remove("files");
                File.WriteAllText(Path.Combine(dir, "manifest.json"), old.ToJsonString());
                var warnings = new List<string>();
                WorkspaceFolder.Write(dir, manifest, new[] { a, slashed }, warnings.Add);
                Assert.Equal(new[] { "A.json", WorkspaceFolder.FileName("A/B."), "notes.json" },
                    Directory.GetFiles(Path.Combine(dir, "models")).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
                Assert.StartsWith("Kept models/notes.json:", Assert.Single(warnings));
                File.Delete(Path.Combine(dir, "models", "notes.json"));
                WorkspaceFolder.Write(dir, manifest, new[] { a });

                File.Copy(Path.Combine(dir, "models", "A.json"), Path.Combine(dir, "models", "A copy.json"));
                ex = Assert.Throws<WorkspaceException>(() => WorkspaceFolder.Read(dir));
                Assert.Equal("DuplicateWorkspaceName", ex.ErrorId);
                Assert.Contains("Model 'A' (2 files)", ex.Message);
            }
            finally { Directory.Delete(dir, true); }
        }

        private static WorkspaceSnapshot Target(params (string Kind, string Id, string Json)[] objects)
        {
            var snapshot = new WorkspaceSnapshot();
            foreach (var (kind, id, json) in objects)
            {
                var o = new WorkspaceObject(kind, J(json));
                snapshot.Objects.Add(o);
                if (!snapshot.Ids[kind].TryGetValue(o.Name, out var ids)) snapshot.Ids[kind][o.Name] = ids = new List<string>();
                ids.Add(id);
            }
            return snapshot;
        }

        private static readonly WorkspaceObject Warehouse = new WorkspaceObject(WorkspaceKinds.Connections,
            J(@"{ ""name"": ""WH"", ""type"": ""snowflake"", ""configuration"": { ""account"": ""a"", ""password"": { ""$secret"": ""WH.password"" } } }"));

        [Fact]
        public void A_missing_secret_blocks_only_a_create()
        {
            var manifest = new WorkspaceManifest();
            var create = Assert.Single(WorkspacePlanner.Plan(manifest, new[] { Warehouse }, Target(), new WorkspacePlanOptions()));
            Assert.Equal(WorkspaceAction.NeedsSecret, create.Action);
            Assert.Equal(new[] { "WH.password" }, create.MissingSecrets);

            var existing = Target((WorkspaceKinds.Connections, "c1", @"{ ""name"": ""WH"", ""type"": ""snowflake"", ""configuration"": { ""account"": ""a"", ""password"": ""********"" } }"));
            var keep = Assert.Single(WorkspacePlanner.Plan(manifest, new[] { Warehouse }, existing, new WorkspacePlanOptions()));
            Assert.Equal(WorkspaceAction.NoChange, keep.Action);

            // A supplied secret alone changes nothing visible; UpdateSecrets sends it, shown only as changed.
            var secrets = new HashSet<string> { "WH.password" };
            Assert.Equal(WorkspaceAction.NoChange, WorkspacePlanner.Plan(manifest, new[] { Warehouse }, existing, new WorkspacePlanOptions { Secrets = secrets })[0].Action);
            var rotate = WorkspacePlanner.Plan(manifest, new[] { Warehouse }, existing, new WorkspacePlanOptions { Secrets = secrets, UpdateSecrets = true })[0];
            Assert.Equal(WorkspaceAction.Update, rotate.Action);
            Assert.Equal("configuration.password: (secret) -> (changed)", Assert.Single(rotate.Changes).ToString());
        }

        [Fact]
        public void ConnectionMap_renames_references_and_Prune_deletes_only_what_the_export_selected()
        {
            var model = new WorkspaceObject(WorkspaceKinds.Models, J(@"{ ""name"": ""Users"", ""connection"": ""WH"", ""configuration"": { ""query"": ""q"" } }"));
            var target = Target(
                (WorkspaceKinds.Connections, "c1", @"{ ""name"": ""Prod WH"", ""type"": ""snowflake"", ""configuration"": { ""account"": ""p"" } }"),
                (WorkspaceKinds.Models, "m1", @"{ ""name"": ""Users"", ""connection"": ""Prod WH"", ""configuration"": { ""query"": ""q"" } }"),
                (WorkspaceKinds.Models, "m2", @"{ ""name"": ""Sales old"", ""connection"": ""Prod WH"", ""configuration"": { ""query"": ""q"" } }"),
                (WorkspaceKinds.Models, "m3", @"{ ""name"": ""Other"", ""connection"": ""Prod WH"", ""configuration"": { ""query"": ""q"" } }"));
            var options = new WorkspacePlanOptions { ConnectionMap = new Dictionary<string, string> { ["WH"] = "Prod WH" }, Prune = true };
            var plan = WorkspacePlanner.Plan(new WorkspaceManifest { Names = new List<string> { "WH", "Users", "Sales*" } }, new[] { Warehouse, model }, target, options);
            Assert.Equal(new[] { "= Connection WH", "= Model Users", "- Model Sales old" }, plan.Select(p => p.ToString()));
            Assert.Contains("mapped", plan[0].Detail);

            var missing = Assert.Throws<WorkspaceException>(() => WorkspacePlanner.Plan(new WorkspaceManifest(), new[] { model }, target,
                new WorkspacePlanOptions { ConnectionMap = new Dictionary<string, string> { ["WH"] = "Nope" } }));
            Assert.Equal("ConnectionMapTargetNotFound", missing.ErrorId);
        }
    }
}
