using System.Management.Automation;

namespace PolytomicPS.Tests.Cmdlets
{
    [Collection(PolytomicPS.Tests.Examples.EnvironmentCollection.Name)]
    public sealed class SessionTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public SessionTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Fact]
        public void Connect_returns_the_session_with_a_masked_key_and_makes_it_the_default()
        {
            var r = Ps.Run("Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion 2025-09-18; Get-PolytomicSession", sandbox, connect: false);
            r.AssertSuccess();
            Assert.Equal(2, r.Output.Count);
            var session = r.Output[0];
            Assert.Equal("PolytomicPS.PolytomicSession", session.BaseObject.GetType().FullName);
            Assert.Same(session.BaseObject, r.Output[1].BaseObject);
            Assert.Equal("2025-09-18", session.Properties["ApiVersion"].Value);
            Assert.Equal("********5b6c", session.Properties["MaskedKey"].Value);
            Assert.DoesNotContain(SandboxFixture.ApiKey, session.BaseObject.ToString());
        }

        [Fact]
        public void Connect_reads_the_key_and_url_from_the_environment()
        {
            var r = Ps.Run(@"
                $env:POLYTOMIC_API_KEY = $ApiKey; $env:POLYTOMIC_BASE_URL = $BaseUrl
                try { Connect-Polytomic | Out-Null; Get-PolytomicConnectionType | Where-Object Id -eq 'snowflake' }
                finally { $env:POLYTOMIC_API_KEY = $null; $env:POLYTOMIC_BASE_URL = $null }", sandbox, connect: false);
            r.AssertSuccess();
            Assert.Equal("snowflake", r.Single<Polytomic.Models.PolytomicConnectionType>().Id);
            Assert.Equal("2024-02-08", sandbox.State.Requests.Last(x => x.Path == "/api/connection_types").Version);
        }

        [Theory]
        [InlineData("$ApiKey")]
        [InlineData("([System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword)")]
        [InlineData("([pscredential]::new('polytomic', [System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword))")]
        public void ApiKey_takes_what_a_vault_returns_string_SecureString_or_PSCredential(string key)
        {
            // Get-Secret returns a SecureString or a PSCredential; encrypted Automation variables are strings.
            var r = Ps.Run($"$s = Connect-Polytomic -ApiKey {key} -BaseUrl $BaseUrl; $s.MaskedKey; Get-PolytomicConnection | Out-Null", sandbox, connect: false);
            r.AssertSuccess();
            Assert.Equal("********5b6c", r.Output.Single().BaseObject);
            // The sandbox answers 401 to any other key.
            Assert.Equal(200, sandbox.State.Requests.Last(x => x.Path == "/api/connections").Status);
        }

        [Theory]
        [InlineData("$env:POLYTOMIC_API_KEY = [System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword; Connect-Polytomic -BaseUrl $BaseUrl")]
        [InlineData("Connect-Polytomic -ApiKey \"$([pscredential]::new('x', [System.Net.NetworkCredential]::new('', $ApiKey).SecurePassword))\" -BaseUrl $BaseUrl")]
        public void A_secret_that_became_its_type_name_is_refused_before_any_call(string script)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"try {{ {script} }} finally {{ $env:POLYTOMIC_API_KEY = $null }}", sandbox, connect: false);
            var e = r.SingleError();
            Assert.Equal("KeyIsTypeName,PolytomicPS.Commands.ConnectPolytomicCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("Get-Secret", e.ErrorDetails!.RecommendedAction);
            Assert.Equal(before, sandbox.State.Requests.Count);
        }

        [Fact]
        public void Connect_without_a_key_is_a_clear_terminating_error()
        {
            var r = Ps.Run("$env:POLYTOMIC_API_KEY = $null; Connect-Polytomic -BaseUrl $BaseUrl", sandbox, connect: false);
            var e = r.SingleError();
            Assert.Equal("MissingApiKey,PolytomicPS.Commands.ConnectPolytomicCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("http://api.example.com")]
        [InlineData("http://10.0.0.5:8080")]
        public void Plain_http_off_loopback_is_refused(string url)
        {
            var r = Ps.Run($"Connect-Polytomic -ApiKey $ApiKey -BaseUrl '{url}'", sandbox, connect: false);
            var e = r.SingleError();
            Assert.StartsWith("InsecureBaseUrl,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.SecurityError, e.CategoryInfo.Category);
        }

        [Fact]
        public void An_unknown_api_version_is_refused_by_validation()
        {
            var r = Ps.Run("Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion 2023-04-25", sandbox, connect: false);
            Assert.StartsWith("ParameterArgumentValidationError,", r.SingleError().FullyQualifiedErrorId);
        }

        [Fact]
        public void Without_a_session_every_cmdlet_says_to_connect()
        {
            var r = Ps.Run("Get-PolytomicConnection", sandbox, connect: false);
            var e = r.SingleError();
            Assert.Equal("NoSession,PolytomicPS.Commands.GetPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
            Assert.Contains("Connect-Polytomic", e.Exception.Message);
        }

        [Fact]
        public void Disconnect_closes_the_default_session()
        {
            var r = Ps.Run("Disconnect-Polytomic; Get-PolytomicConnection", sandbox);
            Assert.StartsWith("NoSession,", r.SingleError().FullyQualifiedErrorId);
        }

        [Fact]
        public void A_wrong_key_is_an_authentication_error_that_never_shows_the_key()
        {
            const string wrong = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";
            var r = Ps.Run($"Connect-Polytomic -ApiKey '{wrong}' -BaseUrl $BaseUrl | Out-Null; Get-PolytomicConnection -Verbose -Debug",
                sandbox, connect: false, secrets: new[] { wrong });
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.Unauthorized,PolytomicPS.Commands.GetPolytomicConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
            Assert.NotNull(e.ErrorDetails?.RecommendedAction);
        }

        [Fact]
        public void Sessions_are_per_runspace_and_can_be_passed_explicitly()
        {
            var r2 = Ps.Run(@"
                $a = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion 2025-09-18
                $b = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion 2024-02-08
                $null = Get-PolytomicConnectionType -Session $a -Name 'mysql'
                (Get-PolytomicSession).ApiVersion", sandbox, connect: false);
            r2.AssertSuccess();
            Assert.Equal("2024-02-08", r2.Output.Last().BaseObject);
            Assert.Equal("2025-09-18", sandbox.State.Requests.Last(x => x.Path == "/api/connection_types").Version);
        }

        [Fact]
        public void A_new_runspace_in_the_same_process_starts_without_a_session()
        {
            // Azure Automation reuses a sandbox process between jobs: one job's session must not leak into the next.
            Ps.Run("Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl | Out-Null", sandbox, connect: false).AssertSuccess();
            var next = Ps.Run("Get-PolytomicSession", sandbox, connect: false);
            Assert.StartsWith("NoSession,", next.SingleError().FullyQualifiedErrorId);
        }
    }
}
