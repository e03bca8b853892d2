using System.Management.Automation;
using Polytomic.Sandbox.Routes;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Connect-Polytomic -NoDefault returns a second session and leaves the default alone; one verbose line and
    /// the session's view say which URL and organization a session points at.</summary>
    public sealed class SessionNoDefaultTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public SessionNoDefaultTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static string Other(string version) => version == "2024-02-08" ? "2025-09-18" : "2024-02-08";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void NoDefault_returns_a_session_and_commands_without_Session_keep_the_default(string version)
        {
            // The two sessions speak different API versions, so each request tells which session sent it.
            var other = Other(version);
            var r = Ps.Run($@"
$first = Get-PolytomicSession
$second = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion {other} -NoDefault
[object]::ReferenceEquals((Get-PolytomicSession), $first)
$first.IsDefault
$second.IsDefault
$null = Get-PolytomicConnection
$null = Get-PolytomicConnection -Session $second
", sandbox, version);
            r.AssertSuccess();
            Assert.Equal(new object[] { true, true, false }, r.Output.Select(o => o.BaseObject).ToArray());
            var lists = sandbox.State.Requests.Where(x => x.Path == "/api/connections" && x.Method == "GET").ToList();
            Assert.Equal(version, lists[lists.Count - 2].Version);
            Assert.Equal(other, lists[lists.Count - 1].Version);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Connect_says_in_one_verbose_line_which_url_and_organization(string version)
        {
            var r = Ps.Run(@"
$scoped = Connect-Polytomic -PartnerKey $PartnerKey -OrganizationId $OrgId -BaseUrl $BaseUrl -ApiVersion $ApiVersion -NoDefault -Verbose
$scoped.Organization
$scoped.IsDefault
$own = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion -Verbose
$own.Organization
$own.IsDefault
", sandbox, version, variables: new Dictionary<string, object?> { ["OrgId"] = sandbox.State.OrganizationId });
            r.AssertSuccess();
            var org = $"{IdentityRoutes.OwnerName} ({sandbox.State.OrganizationId})";
            Assert.Equal(new object[] { org, false, org, true }, r.Output.Select(o => o.BaseObject).ToArray());
            var lines = r.Verbose.Select(v => v.Message).Where(m => m.StartsWith("Connected to", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, lines.Count); // one line per Connect-Polytomic
            Assert.All(lines, l => Assert.Contains(sandbox.Server.BaseUrl.ToString(), l));
            Assert.All(lines, l => Assert.Contains("organization " + org, l));
            Assert.Contains("-NoDefault: the default is still", lines[0]);
            Assert.EndsWith("this is now the default session.", lines[1]);
        }

        [Fact]
        public void Without_verbose_nothing_is_sent_and_the_view_says_what_is_known()
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(@"
$a = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -NoDefault
$b = Connect-Polytomic -PartnerKey $PartnerKey -OrganizationId $OrgId -BaseUrl $BaseUrl -NoDefault
$a.Organization; $b.Organization
$null = Get-PolytomicIdentity -Session $a
$a.Organization
", sandbox, connect: false, variables: new Dictionary<string, object?> { ["OrgId"] = sandbox.State.OrganizationId });
            r.AssertSuccess();
            var org = $"{IdentityRoutes.OwnerName} ({sandbox.State.OrganizationId})";
            Assert.Equal(new object[] { "(the key's own)", sandbox.State.OrganizationId, org }, r.Output.Select(o => o.BaseObject).ToArray());
            Assert.Single(sandbox.State.Requests.Skip(before), x => x.Path == "/api/me");
        }

        [Fact]
        public void NoDefault_alone_leaves_no_default_and_a_command_without_Session_says_so()
        {
            var r = Ps.Run(@"
$s = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -NoDefault -Verbose
Get-PolytomicConnection", sandbox, connect: false);
            Assert.Contains(r.Verbose, v => v.Message.Contains("-NoDefault: there is no default session."));
            var e = r.Thrown is ActionPreferenceStopException || r.Thrown == null ? r.SingleError() : null;
            var id = e?.FullyQualifiedErrorId ?? (r.Thrown as IContainsErrorRecord)?.ErrorRecord.FullyQualifiedErrorId;
            Assert.StartsWith("NoSession,", id);
        }
    }
}
