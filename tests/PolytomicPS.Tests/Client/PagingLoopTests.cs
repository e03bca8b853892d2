using System.Management.Automation;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Client
{
    /// <summary>A list whose server repeats a next-page token ends with a PagingLoop error instead of looping forever.</summary>
    public sealed class PagingLoopTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public PagingLoopTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        [Fact]
        public void A_list_that_repeats_its_token_ends_with_a_PagingLoop_error_after_the_pages_it_gave()
        {
            // Like recorded Polytomic lists: every page, the one after it included, carries the same token. Fifty of
            // them: a client that followed the token would read all fifty (then the real, token-free list).
            sandbox.State.Faults.Add(new Fault
            {
                Status = 200, ContentType = "application/json", Method = "GET", PathPrefix = "/api/bulk/syncs", Count = 50,
                Body = @"{""data"":[{""id"":""8f0e4f5c-0d0b-4a53-9d0f-3d3c1f4a0b11"",""name"":""Looping""}],""pagination"":{""next_page_token"":""again""}}",
            });
            var before = sandbox.State.RequestsTo("GET", "/api/bulk/syncs").Count();
            var r = Ps.Run("Get-PolytomicBulkSync", sandbox);
            sandbox.State.Faults.Clear();

            var e = r.SingleError();
            Assert.Equal("PagingLoop,PolytomicPS.Commands.GetPolytomicBulkSyncCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, e.CategoryInfo.Category);
            Assert.Contains("next-page token", e.Exception.Message);
            Assert.Equal(2, r.All<PolytomicBulkSync>().Count);
            Assert.Equal(before + 2, sandbox.State.RequestsTo("GET", "/api/bulk/syncs").Count());
        }

        [Fact]
        public async Task PageStream_gives_the_page_that_repeated_a_token_then_the_error()
        {
            // Tokens a, b, then a again: a cycle of two pages, not only a page that names itself.
            var tokens = new Dictionary<string, string?> { [""] = "a", ["a"] = "b", ["b"] = "a" };
            var asked = new List<string?>();
            var stream = new PageStream<int>(token =>
            {
                asked.Add(token);
                return Task.FromResult(new Page<int>(new[] { asked.Count }, tokens[token ?? ""]));
            });
            var items = new List<int>();
            PolytomicApiException? error = null;
            while (stream.Next() is Task<Page<int>> next)
            {
                try { items.AddRange((await next).Items); stream.FirstItemOut(); }
                catch (PolytomicApiException ex) { error = ex; break; }
            }
            Assert.Equal(PolytomicErrorKind.PagingLoop, error?.Kind);
            Assert.Equal(new[] { 1, 2, 3 }, items);
            Assert.Equal(new string?[] { null, "a", "b" }, asked);
        }
    }
}
