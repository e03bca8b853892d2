using System.Collections.Generic;
using System.Management.Automation;

namespace PolytomicPS.Tests.Cmdlets
{
    public sealed class QueriesTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public QueriesTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private const string NewConnection =
            "$c = New-PolytomicConnection -Name ('pg-' + [guid]::NewGuid()) -Type postgresql -Configuration @{ hostname='db'; username='u'; password='p'; database='d' }\n";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Rows_stream_across_pages_as_objects(string version)
        {
            var r = Ps.Run(NewConnection + "$c | Invoke-PolytomicQuery -Query 'select id, email from public.users limit 7' -PollIntervalSeconds 0.05 -Verbose",
                sandbox, version);
            r.AssertSuccess();
            Assert.Equal(7, r.Output.Count);
            Assert.Equal(new[] { "id", "email" }, r.Output[0].Properties.Select(p => p.Name));
            Assert.Equal(1L, r.Output[0].Properties["id"].Value);
            Assert.Equal("email-7", r.Output[6].Properties["email"].Value);
            var post = sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path.EndsWith("/query"));
            Assert.Equal("?query=select%20id%2C%20email%20from%20public.users%20limit%207", post.Query);
            Assert.Equal("{}", post.Body);
            var id = post.Path.Split('/')[3];
            var pages = sandbox.State.Requests.Where(x => x.Path.StartsWith("/api/queries/")).Select(x => x.Query).ToList();
            // The links' opaque tokens, for pages 1 and 2 (ListPages is the sandbox's one token format).
            Assert.Contains("?page=" + Uri.EscapeDataString(Polytomic.Sandbox.Routes.ListPages.Token("query", 1)), pages);
            Assert.Contains("?page=" + Uri.EscapeDataString(Polytomic.Sandbox.Routes.ListPages.Token("query", 2)), pages);
        }

        [Fact]
        public void Rows_can_be_dictionaries()
        {
            var r = Ps.Run(NewConnection + "Invoke-PolytomicQuery -Connection $c -Query 'select * from t limit 2' -AsDictionary -PollIntervalSeconds 0.05", sandbox);
            r.AssertSuccess();
            var rows = r.All<Dictionary<string, object?>>();
            Assert.Equal(2, rows.Count);
            Assert.Equal("name-2", rows[1]["name"]);
        }

        [Fact]
        public void A_failed_query_is_an_error_with_the_database_message()
        {
            var r = Ps.Run(NewConnection + "Invoke-PolytomicQuery -Connection $c -Query 'selec 1' -PollIntervalSeconds 0.05", sandbox);
            var e = r.SingleError();
            Assert.Equal("QueryFailed,PolytomicPS.Commands.InvokePolytomicQueryCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category);
            Assert.Contains("syntax error at or near \"selec\"", e.Exception.Message);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void An_unknown_connection_is_not_found()
        {
            var r = Ps.Run("Invoke-PolytomicQuery -ConnectionId 00000000-0000-0000-0000-000000000000 -Query 'select 1 from x'", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.NotFound,PolytomicPS.Commands.InvokePolytomicQueryCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        }
    }
}
