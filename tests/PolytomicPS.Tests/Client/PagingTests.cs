using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;

namespace PolytomicPS.Tests.Client
{
    /// <summary>Page.Read (token and count before the items are converted) and PageStream (the bounded look-ahead the
    /// list cmdlets stream through). The cmdlet-level paging runs against the sandbox in SyncRunsTests and BulkSyncsTests.</summary>
    public sealed class PagingTests
    {
        private sealed class Item { public string Id { get; set; } = ""; public long? Size { get; set; } }

        private static ApiResponse Body(string json) => new ApiResponse(200, Encoding.UTF8.GetBytes(json), null, "application/json");

        [Fact]
        public void Read_learns_the_token_and_count_and_converts_the_items_on_first_use()
        {
            var converted = 0;
            var page = Page<Item>.Read(Body(@"{""data"":[{""id"":""a"",""size"":1,""nested"":{""x"":[1,2]}},{""id"":""b""},{""id"":""c"",""size"":""3""}],
                ""pagination"":{""next_page_token"":""tok==""},""links"":{}}"), "GET", "/api/x", paged: true,
                each: i => { converted++; i.Id = i.Id.ToUpperInvariant(); return i; });
            Assert.Equal("tok==", page.NextPageToken);
            Assert.Equal(3, page.Count);
            Assert.Equal(0, converted);
            Assert.Equal(new[] { "A", "B", "C" }, page.Items.Select(i => i.Id));
            Assert.Equal(3L, page.Items[2].Size);
            Assert.Equal(3, converted);
        }

        [Theory]
        [InlineData(@"{""data"":[],""pagination"":{}}", null, 0)]
        [InlineData(@"{""pagination"":{""next_page_token"":""""},""data"":[{""id"":""a""}]}", null, 1)]
        [InlineData(@"{""data"":[{""id"":""a""}],""pagination"":{""next_page_token"":""t""}}", "t", 1)]
        [InlineData(@"{""data"":null}", null, 0)]
        public void Read_handles_the_ends_of_a_list(string json, string? next, int count)
        {
            var page = Page<Item>.Read(Body(json), "GET", "/api/x", paged: true);
            Assert.Equal(next, page.NextPageToken);
            Assert.Equal(count, page.Count);
            Assert.Equal(count, page.Items.Count);
        }

        [Fact]
        public void A_list_this_version_does_not_page_ignores_any_token()
        {
            var page = Page<Item>.Read(Body(@"{""data"":[{""id"":""a""}],""pagination"":{""next_page_token"":""t""}}"), "GET", "/api/x", paged: false);
            Assert.Null(page.NextPageToken);
        }

        [Theory]
        [InlineData(@"{""data"":[{""id"":""a""}")]
        [InlineData(@"[1,2]")]
        [InlineData(@"<html>")]
        public void A_body_that_is_not_a_list_envelope_is_an_invalid_response(string json)
        {
            var ex = Assert.Throws<PolytomicApiException>(() => Page<Item>.Read(Body(json), "GET", "/api/x", paged: true).Items.Count);
            Assert.Equal(PolytomicErrorKind.InvalidResponse, ex.Kind);
            Assert.Contains("GET /api/x", ex.Message);
        }

        [Fact]
        public void A_trailing_pagination_gives_the_token_without_reading_the_items()
        {
            var converted = 0;
            var page = Page<Item>.Read(Body(@"{ ""data"": [{""id"":""a"",""note"":""\""pagination\"": {}""},{""id"":""b""}],
                ""pagination"" : { ""next_page_token"": ""t2"", ""other"": [1] } }  "), "GET", "/api/x", paged: true,
                each: i => { converted++; return i; });
            Assert.Equal("t2", page.NextPageToken);
            Assert.Equal(0, converted);
            Assert.Equal(2, page.Count);
            Assert.Equal(new[] { "a", "b" }, page.Items.Select(i => i.Id));
            Assert.Equal(2, converted);
        }

        [Theory]
        // An item's own "pagination" must not be taken for the envelope's.
        [InlineData(@"{""pagination"":{""next_page_token"":""real""},""data"":[{""id"":""a"",""pagination"":{""next_page_token"":""fake""}}]}", "real")]
        [InlineData(@"{""data"":[{""id"":""a"",""pagination"":{""next_page_token"":""fake""}}],""pagination"":{}}", null)]
        [InlineData(@"{""data"":[{""id"":""a""}],""pagination"":""not an object""}", null)]
        public void Only_the_envelopes_own_pagination_counts(string json, string? next)
        {
            var page = Page<Item>.Read(Body(json), "GET", "/api/x", paged: true);
            Assert.Equal(next, page.NextPageToken);
            Assert.Equal("a", Assert.Single(page.Items).Id);
        }

        [Fact]
        public void Items_of_the_wrong_shape_are_an_invalid_response_when_read()
        {
            var page = Page<Item>.Read(Body(@"{""data"":[""not an object""],""pagination"":{}}"), "GET", "/api/x", paged: true);
            Assert.Null(page.NextPageToken);
            var ex = Assert.Throws<PolytomicApiException>(() => page.Items);
            Assert.Equal(PolytomicErrorKind.InvalidResponse, ex.Kind);
        }

        /// <summary>An endless list whose pages arrive at once; records which tokens were asked for.</summary>
        private sealed class Endless
        {
            public readonly List<string?> Asked = new List<string?>();
            public Task<Page<Item>> Fetch(string? token)
            {
                lock (Asked) Asked.Add(token);
                var n = token == null ? 0 : int.Parse(token);
                return Task.FromResult(new Page<Item>(new[] { new Item { Id = "i" + n } }, (n + 1).ToString()));
            }
        }

        [Fact]
        public async Task The_second_page_waits_for_the_first_item_and_no_more_than_Depth_pages_wait_unread()
        {
            var list = new Endless();
            var stream = new PageStream<Item>(list.Fetch);
            Assert.Equal(new string?[] { null }, list.Asked);
            var first = await stream.Next()!;
            Assert.Equal("i0", first.Items[0].Id);
            Assert.Single(list.Asked);
            stream.FirstItemOut();
            // The reader holds page 0 and reads no further: pages 1..Depth are fetched, and nothing beyond.
            Assert.Equal(1 + PageStream<Item>.Depth, list.Asked.Count);
            Assert.Equal("i1", (await stream.Next()!).Items[0].Id);
            Assert.Equal(2 + PageStream<Item>.Depth, list.Asked.Count);
            stream.Stop();
            Assert.Null(stream.Next());
            Assert.Equal(2 + PageStream<Item>.Depth, list.Asked.Count);
        }

        [Fact]
        public async Task No_page_is_fetched_beyond_the_items_wanted()
        {
            var list = new Endless();
            var stream = new PageStream<Item>(list.Fetch, wanted: 2);
            var got = new List<string>();
            while (stream.Next() is Task<Page<Item>> next)
            {
                foreach (var item in (await next).Items) { got.Add(item.Id); stream.FirstItemOut(); }
            }
            Assert.Equal(new[] { "i0", "i1" }, got);
            Assert.Equal(new string?[] { null, "1" }, list.Asked);
        }

        [Fact]
        public async Task Pages_that_arrive_late_and_out_of_step_still_come_out_in_order_and_complete()
        {
            var asked = 0;
            async Task<Page<Item>> Slow(string? token)
            {
                var n = token == null ? 0 : int.Parse(token);
                Interlocked.Increment(ref asked);
                await Task.Delay(n % 3 == 0 ? 15 : 1);
                var items = Enumerable.Range(0, n % 4).Select(i => new Item { Id = $"{n}.{i}" }).ToList();
                return new Page<Item>(items, n < 30 ? (n + 1).ToString() : null);
            }
            var stream = new PageStream<Item>(Slow);
            var got = new List<string>();
            while (stream.Next() is Task<Page<Item>> next)
            {
                var page = await next;
                if (page.Count == 0) stream.FirstItemOut();
                foreach (var item in page.Items) { got.Add(item.Id); stream.FirstItemOut(); }
            }
            var expected = Enumerable.Range(0, 31).SelectMany(n => Enumerable.Range(0, n % 4).Select(i => $"{n}.{i}"));
            Assert.Equal(expected, got);
            Assert.Equal(31, asked);
        }
    }
}
