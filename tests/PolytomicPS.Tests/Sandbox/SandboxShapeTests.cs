using System.IO;
using System.Text.RegularExpressions;

namespace PolytomicPS.Tests.Sandbox
{
    /// <summary>The sandbox's routes keep one concept per class (issue 24 item 4): paging goes through ListPages,
    /// internal fields are hidden by InternalFields, a route class is never partial, and bulk runs stay typed.</summary>
    public sealed class SandboxShapeTests
    {
        private static IEnumerable<(string File, string Text)> Sources(string folder = "") =>
            Directory.GetFiles(Path.Combine(Repo.Root, "src", "Polytomic.Sandbox", folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .Select(f => (Path.GetRelativePath(Repo.Root, f), Regex.Replace(File.ReadAllText(f), @"^\s*///.*$", "", RegexOptions.Multiline)));

        private static void AssertOnlyIn(string allowed, Regex pattern, string why, string folder = "")
        {
            var all = Sources(folder).ToList();
            Assert.Contains(all, s => Path.GetFileName(s.File) == allowed && pattern.IsMatch(s.Text));
            var offenders = all.Where(s => Path.GetFileName(s.File) != allowed && pattern.IsMatch(s.Text)).Select(s => s.File).ToList();
            Assert.True(offenders.Count == 0, why + ": " + string.Join(", ", offenders));
        }

        [Fact]
        public void Only_ListPages_parses_limit()
        {
            AssertOnlyIn("ListPages.cs", new Regex(@"Query\(\s*""limit""\s*\)"), "these route files parse limit themselves; use ListPages.Limit", "Routes");
        }

        [Fact]
        public void Only_ListPages_builds_page_tokens_and_pagination()
        {
            AssertOnlyIn("ListPages.cs", new Regex(@"Base64String\s*\("), "these route files build or read page tokens themselves; use ListPages", "Routes");
            AssertOnlyIn("ListPages.cs", new Regex(@"""next_page_token""|""pagination"""), "these route files write pagination themselves; use ListPages.Pagination", "Routes");
        }

        [Fact]
        public void Only_InternalFields_hides_underscore_fields()
        {
            AssertOnlyIn("InternalFields.cs", new Regex(@"StartsWith\(\s*(""_""|'_')|\[0\]\s*==\s*'_'"), "these files filter '_' fields themselves; use InternalFields.Hide");
        }

        [Fact]
        public void No_route_class_is_partial()
        {
            var offenders = Sources("Routes").Where(s => Regex.IsMatch(s.Text, @"\bpartial\s+class\b")).Select(s => s.File).ToList();
            Assert.True(offenders.Count == 0, "a route class is one concept in one file, not a partial class: " + string.Join(", ", offenders));
        }

        [Fact]
        public void Bulk_runs_are_typed_not_json_with_internal_keys()
        {
            var offenders = Sources().Where(s => Regex.IsMatch(s.Text, @"""_(outcome|sync_id|cancel_at|schema_cancel|runs_for_ms|queued_for_ms)""")).Select(s => s.File).ToList();
            Assert.True(offenders.Count == 0, "bulk runs are BulkSyncRun objects, not JSON with '_' keys: " + string.Join(", ", offenders));
        }
    }
}
