using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using Polytomic.Workspace;

namespace PolytomicPS.Tests.Workspace
{
    /// <summary>Each workspace kind is one type, registered once, and the workspace code reaches Polytomic only through
    /// the client's methods (issue 24 item 5).</summary>
    public sealed class WorkspaceKindTests
    {
        private static IEnumerable<(string File, string Text)> Sources() =>
            new[] { Path.Combine(Repo.Root, "src", "Polytomic.Client", "Workspace"), Path.Combine(Repo.Root, "src", "PolytomicPS", "Commands", "Workspace") }
                .SelectMany(d => Directory.GetFiles(d, "*.cs")).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f)));

        private static string Code(string text) => Regex.Replace(text, @"^\s*//.*$", "", RegexOptions.Multiline);

        [Fact]
        public void Every_kind_has_exactly_one_registered_type_and_every_kind_type_is_registered()
        {
            var registered = WorkspaceKinds.Registered;
            Assert.Equal(WorkspaceKinds.All, registered.Select(k => k.Key));
            Assert.Equal(registered.Count, registered.Select(k => k.Key).Distinct().Count());
            Assert.Equal(registered.Count, registered.Select(k => k.GetType()).Distinct().Count());
            var types = typeof(WorkspaceKind).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(WorkspaceKind)) && !t.IsAbstract).ToList();
            Assert.Equal(types.OrderBy(t => t.Name), registered.Select(k => k.GetType()).OrderBy(t => t.Name));
            Assert.Equal(WorkspaceKinds.Core, registered.Where(k => !k.Optional).Select(k => k.Key));
            foreach (var k in registered)
            {
                Assert.Same(k, WorkspaceKinds.Of(k.Key));
                Assert.Equal(k.Key, WorkspaceKinds.Parse(k.Display));
                Assert.Equal(k.Key, WorkspaceKinds.Parse(k.Plural));
            }
        }

        [Fact]
        public void Export_Include_offers_exactly_the_optional_kinds()
        {
            // An attribute takes constants only, so the cmdlet repeats the optional kinds' -Include names: they must agree.
            var text = File.ReadAllText(Path.Combine(Repo.Root, "src", "PolytomicPS", "Commands", "Workspace", "ExportPolytomicWorkspaceCommand.cs"));
            var attribute = Regex.Match(text, @"\[ValidateSet\(([^)]*)\)\]\s*public string\[\]\? Include\b");
            Assert.True(attribute.Success, "Export-PolytomicWorkspace -Include has no ValidateSet");
            var values = Regex.Matches(attribute.Groups[1].Value, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(WorkspaceKinds.Registered.Where(k => k.Optional).Select(k => k.Plural).OrderBy(n => n), values.OrderBy(n => n));
        }

        [Fact]
        public void No_workspace_file_dispatches_on_a_kind_name()
        {
            var dispatch = new Regex(@"case\s+WorkspaceKinds\.|WorkspaceKinds\.\w+\s*=>|[!=]=\s*WorkspaceKinds\.|WorkspaceKinds\.\w+\s*[!=]=|switch\s*\(\s*\w*\.?[Kk]ind(Key)?\s*\)|[Kk]ind(Key)?\s+switch");
            var offenders = Sources().Where(s => dispatch.IsMatch(Code(s.Text))).Select(s => s.File + ": " + dispatch.Match(Code(s.Text)).Value).ToList();
            Assert.True(offenders.Count == 0, "these files choose by kind themselves; put the behaviour on the kind's WorkspaceKind type: " + string.Join(", ", offenders));
        }

        [Fact]
        public void No_workspace_file_builds_an_HTTP_request()
        {
            var http = new Regex(@"\bSendAsync\b|\bSendDataAsync\b|\bGetDataAsync\b|\bHttpMethod\b|\bPatchMethod\b|\bApiPath\.|\bHttpClient\b|\bHttpRequestMessage\b|""/?api/");
            var offenders = Sources().Where(s => http.IsMatch(Code(s.Text))).Select(s => s.File + ": " + http.Match(Code(s.Text)).Value).ToList();
            Assert.True(offenders.Count == 0, "these files send requests by hand; add or use a PolytomicClient method: " + string.Join(", ", offenders));
        }

        [Fact]
        public void Every_page_a_workspace_file_reads_goes_through_ListAllAsync()
        {
            // A page read outside ListAllAsync would page without the PageTokens guard.
            var unguarded = Sources().SelectMany(s => Code(s.Text).Split('\n').Where(l => l.Contains("PageAsync(") && !l.Contains("ListAllAsync(")).Select(l => s.File + ": " + l.Trim())).ToList();
            Assert.True(unguarded.Count == 0, "read whole lists with PolytomicClient.ListAllAsync: " + string.Join(", ", unguarded));
            Assert.Contains(Sources(), s => s.Text.Contains("ListAllAsync("));
        }

        [Fact]
        public void Every_workspace_file_holds_the_types_it_is_named_after()
        {
            var declaration = new Regex(@"^    (?:public |internal )?(?:sealed |static |abstract )*(?:class|enum|struct|interface|record) (\w+)", RegexOptions.Multiline);
            var offenders = Sources().SelectMany(s => declaration.Matches(s.Text).Select(m => m.Groups[1].Value)
                .Where(t => t != Path.GetFileNameWithoutExtension(s.File)).Select(t => $"{t} in {s.File}")).ToList();
            Assert.True(offenders.Count == 0, "name each file after the type it holds: " + string.Join(", ", offenders));
            Assert.All(WorkspaceKinds.Registered, k => Assert.True(File.Exists(Path.Combine(Repo.Root, "src", "Polytomic.Client", "Workspace", k.GetType().Name + ".cs")), k.GetType().Name));
        }
    }
}
