using System.IO;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client
{
    /// <summary>Every list ends (issue 23, finding 5) and every list follows a token when one comes (finding 9): a server
    /// that answers fresh tokens with empty pages, or with the same item again, ends with PagingLoop after a bounded
    /// number of pages; models are paged at 50 in 2025-09-18 and Get-PolytomicModel and Export see every page.</summary>
    public sealed class ListEndsTests : IClassFixture<SandboxFixture>
    {
        private const string Item = @"{""id"":""8f0e4f5c-0d0b-4a53-9d0f-3d3c1f4a0b11"",""name"":""Again"",""mode"":""create"",""active"":false}";
        /// <summary>The first item, then the pipeline stops (as Select-Object -First 1, which the hosted runspace lacks).</summary>
        private const string FirstOnly = "do { Get-PolytomicSync | ForEach-Object { $_; break } } while ($false)";
        private readonly SandboxFixture sandbox;
        public ListEndsTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        /// <summary>Answers every GET of the path with the body, "{n}" the answer's number (a fresh token each time).</summary>
        private void Hostile(string path, string body) => sandbox.State.Faults.Add(new Fault
        {
            Status = 200, ContentType = "application/json", Method = "GET", PathPrefix = path, Count = 100000, Body = body,
        });

        [Theory]
        [InlineData("Get-PolytomicSync", "")]
        [InlineData(FirstOnly, "")]
        [InlineData("Get-PolytomicSync", Item)]
        public void Fresh_tokens_over_pages_that_bring_nothing_new_end_with_PagingLoop(string command, string item)
        {
            Hostile("/api/syncs", $@"{{""data"":[{item}],""pagination"":{{""next_page_token"":""T{{n}}""}}}}");
            var before = sandbox.State.RequestsTo("GET", "/api/syncs").Count();
            var r = Ps.Run(command, sandbox, "2025-09-18");
            sandbox.State.Faults.Clear();

            var e = r.SingleError();
            Assert.StartsWith("PagingLoop,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, e.CategoryInfo.Category);
            Assert.Contains("brought nothing new", e.Exception.Message);
            // The first page, then PageTokens.MaxPagesWithNothingNew more that brought nothing new (each with a fresh token).
            var pages = 1 + PageTokens.MaxPagesWithNothingNew;
            Assert.Equal(before + pages, sandbox.State.RequestsTo("GET", "/api/syncs").Count());
            Assert.Equal(item == "" ? 0 : pages, r.All<PolytomicSync>().Count);
        }

        [Fact]
        public void First_1_stops_a_list_that_repeats_its_item_at_once()
        {
            // Select-Object -First 1 itself runs in real pwsh: tests/pester/Syncs.Tests.ps1.
            Hostile("/api/syncs", $@"{{""data"":[{Item}],""pagination"":{{""next_page_token"":""T{{n}}""}}}}");
            var before = sandbox.State.RequestsTo("GET", "/api/syncs").Count();
            var r = Ps.Run(FirstOnly, sandbox, "2025-09-18");
            var after = sandbox.State.RequestsTo("GET", "/api/syncs").Count();
            sandbox.State.Faults.Clear();

            r.AssertSuccess();
            Assert.Equal("Again", r.Single<PolytomicSync>().Name);
            Assert.Equal(before + 1, after);
        }

        [Fact]
        public void PageTokens_ends_a_list_only_after_enough_pages_with_nothing_new()
        {
            var tokens = new PageTokens();
            // New items under fresh tokens go on as long as they come.
            for (var i = 0; i < 20; i++) Assert.Equal("t" + i, tokens.Next(new Page<int>(new[] { i }, "t" + i), "The list"));
            // A few empty pages (a server filtering a page down to nothing) are fine, and new items reset the count.
            for (var i = 0; i < PageTokens.MaxPagesWithNothingNew - 1; i++) tokens.Next(new Page<int>(new int[0], "e" + i), "The list");
            tokens.Next(new Page<int>(new[] { 99 }, "f"), "The list");
            for (var i = 0; i < PageTokens.MaxPagesWithNothingNew - 1; i++) tokens.Next(new Page<int>(new int[0], "g" + i), "The list");
            var ex = Assert.Throws<PolytomicApiException>(() => tokens.Next(new Page<int>(new int[0], "last"), "The list"));
            Assert.Equal(PolytomicErrorKind.PagingLoop, ex.Kind);
            // The end of a list is never an error.
            Assert.Null(new PageTokens().Next(new Page<int>(new int[0], null), "The list"));

            // A list built from items (a console log's cursor pages): keyed items seen before bring nothing new.
            var keyed = new PageTokens();
            keyed.Next(new Page<string>(new[] { "a", "b" }, "c1"), "The console log", x => x);
            keyed.Next(new Page<string>(new[] { "b", "c" }, "c2"), "The console log", x => x); // c is new
            for (var i = 3; i < 2 + PageTokens.MaxPagesWithNothingNew; i++) keyed.Next(new Page<string>(new[] { "a", "c" }, "c" + i), "The console log", x => x);
            Assert.Equal(PolytomicErrorKind.PagingLoop, Assert.Throws<PolytomicApiException>(() =>
                keyed.Next(new Page<string>(new[] { "b" }, "last"), "The console log", x => x)).Kind);
        }

        [Theory]
        [InlineData("Get-PolytomicModel", "/api/models")]
        [InlineData("Get-PolytomicSync", "/api/syncs")]
        [InlineData("Get-PolytomicBulkSync", "/api/bulk/syncs")]
        [InlineData("Get-PolytomicEvent", "/api/events")]
        public void A_token_is_followed_on_every_list_that_carries_one_in_either_version(string command, string path)
        {
            foreach (var version in SandboxVersions.Both)
            {
                // A page with a token, then a last page without one.
                foreach (var body in new[] { @"{""data"":[],""pagination"":{""next_page_token"":""second-page""}}", @"{""data"":[],""pagination"":{}}" })
                    sandbox.State.Faults.Add(new Fault
                    {
                        Status = 200, ContentType = "application/json", Method = "GET", PathPrefix = path, Count = 1, Body = body,
                    });
                var before = sandbox.State.RequestsTo("GET", path).Count();
                var r = Ps.Run(command, sandbox, version);
                r.AssertSuccess();
                var sent = sandbox.State.RequestsTo("GET", path).Skip(before).Where(x => x.Path == path).ToList();
                Assert.Equal(2, sent.Count);
                Assert.Contains("page_token=second-page", sent[1].Query);
            }
        }

        [Fact]
        public void More_than_one_page_of_models_is_read_whole_by_Get_PolytomicModel_Export_and_Compare()
        {
            var prefix = "paged-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            var seed = Ps.Run(@"
$sf = New-PolytomicConnection -Name ('sf-' + [guid]::NewGuid()) -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' } |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
$sf | New-PolytomicModel -Name '" + prefix + "-000' -Table PUBLIC.users", sandbox, "2025-09-18");
            seed.AssertSuccess();
            // 120 models: the first made through the API, the rest copies of it in the sandbox's store.
            var store = sandbox.State.Store("models");
            var first = store.Get(seed.Single<PolytomicModel>().Id)!;
            for (var i = 1; i < 120; i++)
            {
                var copy = (JsonObject)first.DeepClone();
                copy["id"] = SandboxState.NewId();
                copy["name"] = $"{prefix}-{i:000}";
                store.Add(copy);
            }
            var total = store.Count;
            var folder = Path.Combine(Path.GetTempPath(), "polytomicps-" + Guid.NewGuid().ToString("N"));
            try
            {
                foreach (var version in SandboxVersions.Both)
                {
                    var before = sandbox.State.RequestsTo("GET", "/api/models").Count(x => x.Path == "/api/models");
                    var r = Ps.Run($"(Get-PolytomicModel -Name '{prefix}-*').Count\nExport-PolytomicWorkspace -Path $Folder\n" +
                                   "[IO.Directory]::GetFiles([IO.Path]::Combine($Folder, 'models'), '" + prefix + "-*').Length\n" +
                                   "Compare-PolytomicWorkspace -Path $Folder", sandbox, version,
                                   variables: new Dictionary<string, object?> { ["Folder"] = Path.Combine(folder, version) });
                    r.AssertSuccess();
                    Assert.Equal(new object[] { 120, 120 }, r.Output.Select(o => o.BaseObject).OfType<int>().Cast<object>().ToArray());
                    // Compare reads every page too: the 120 exported models are found, none planned as a create.
                    var plan = r.All<Polytomic.Workspace.WorkspacePlanItem>().Where(i => i.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                    Assert.Equal(120, plan.Count);
                    Assert.All(plan, i => Assert.True(i.Action == Polytomic.Workspace.WorkspaceAction.NoChange, i + ": " + i.Detail));
                    var lists = sandbox.State.RequestsTo("GET", "/api/models").Where(x => x.Path == "/api/models").Skip(before).ToList();
                    // 2025-09-18 pages at 50 (three reads of the list: the cmdlet's, the export's and the compare's); 2024-02-08 answers whole.
                    var pagesPerList = version == "2025-09-18" ? (total + 49) / 50 : 1;
                    Assert.Equal(3 * pagesPerList, lists.Count);
                }
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }
    }
}
