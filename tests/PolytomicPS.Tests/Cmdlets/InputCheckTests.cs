using System.Management.Automation;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Input that cannot mean what it says is refused before any request, with a stable ErrorId, one item at
    /// a time where it comes per item.</summary>
    public sealed class InputCheckTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public InputCheckTests(SandboxFixture sandbox) { this.sandbox = sandbox; sandbox.State.Faults.Clear(); }

        /// <summary>One InvalidArgument error with that ErrorId, and nothing sent.</summary>
        private void RefusedBeforeAnyRequest(string script, string errorId, IEnumerable<string>? secrets = null, bool connect = true)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(script, sandbox, connect: connect, secrets: secrets);
            var e = r.SingleError();
            Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Equal(before, sandbox.State.Requests.Count);
        }

        [Fact]
        public void Credentials_in_the_base_url_are_refused_and_never_shown()
        {
            var url = sandbox.Server.BaseUrl.ToString().Replace("http://", "http://admin:hunter2pw@");
            RefusedBeforeAnyRequest(
                $"Connect-Polytomic -ApiKey $ApiKey -BaseUrl '{url}' -Verbose\nGet-PolytomicSession -ErrorAction SilentlyContinue",
                "CredentialsInBaseUrl", secrets: new[] { "hunter2pw" }, connect: false);
        }

        [Theory]
        [InlineData("[double]::NaN")]
        [InlineData("[double]::PositiveInfinity")]
        [InlineData("[float]::NegativeInfinity")]
        [InlineData("[xml]'<a><b><c/></b></a>'")]
        public void Values_json_cannot_carry_are_refused_per_item_and_honour_SilentlyContinue(string value)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($@"
'a', 'b' | ForEach-Object {{ New-PolytomicConnection -Name $_ -Type stripe -Configuration @{{ api_key = 'sk'; port = {value} }} -ErrorAction SilentlyContinue -ErrorVariable +failed }}
'after'
$failed | ForEach-Object {{ $_.FullyQualifiedErrorId + '|' + $_.CategoryInfo.Category }}", sandbox);
            r.AssertSuccess();
            Assert.Equal(new[] { "after",
                "UnsupportedConfigurationValue,PolytomicPS.Commands.NewPolytomicConnectionCommand|InvalidArgument",
                "UnsupportedConfigurationValue,PolytomicPS.Commands.NewPolytomicConnectionCommand|InvalidArgument" },
                r.Output.Select(o => o.ToString()));
            Assert.Equal(before, sandbox.State.Requests.Count);
        }

        [Theory]
        [InlineData("New-PolytomicConnection -Name \"bad$([char]0xD800)name\" -Type stripe -Configuration @{ api_key = 'sk' }")]
        [InlineData("New-PolytomicConnection -Name good -Type stripe -Configuration @{ api_key = \"sk$([char]0xDC00)\" }")]
        [InlineData("Get-PolytomicConnection -Name \"x$([char]0xDBFF)\"")]
        [InlineData("[pscustomobject]@{ Type = \"strip$([char]0xD800)\" } | Get-PolytomicConnectionType")]
        public void Text_with_a_lone_surrogate_is_refused(string script) => RefusedBeforeAnyRequest(script, "InvalidUnicode");

        [Theory]
        [InlineData("Get-PolytomicConnection -Name 'abc['")]
        [InlineData("Get-PolytomicModel -Name 'ok', 'abc['")]
        [InlineData("Get-PolytomicConnectionType -Name 'abc['")]
        [InlineData("Get-PolytomicBulkSync -Name 'x[a-'")]
        public void An_invalid_wildcard_is_refused_before_the_list_is_read(string script) =>
            RefusedBeforeAnyRequest(script, "InvalidWildcardPattern");

        [Fact]
        public void Tab_on_an_invalid_wildcard_offers_nothing_instead_of_throwing()
        {
            var r = Ps.Run("(TabExpansion2 -inputScript 'Get-PolytomicConnection -Name abc[' -cursorColumn 34).CompletionMatches.Count", sandbox);
            r.AssertSuccess();
            Assert.Equal(0, (int)r.Output.Single().BaseObject);
        }

        [Fact]
        public void NoSession_has_one_category_everywhere()
        {
            var r = Ps.Run("Get-PolytomicSession; Get-PolytomicConnection", connect: false);
            var all = r.Errors.Concat(r.Thrown != null ? new[] { r.Thrown.ErrorRecord } : Array.Empty<ErrorRecord>()).ToList();
            Assert.Equal(2, all.Count);
            Assert.All(all, e => Assert.StartsWith("NoSession,", e.FullyQualifiedErrorId));
            Assert.All(all, e => Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category));
        }
    }
}
