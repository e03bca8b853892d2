using System.Management.Automation;
using Polytomic.Models;
using Polytomic.Sandbox;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Get-PolytomicIdentity, Invoke-PolytomicRequest and the partner/deployment ways to connect.</summary>
    public sealed class IdentityTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public IdentityTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Identity_of_a_user_key(string version)
        {
            var r = Ps.Run("Get-PolytomicIdentity", sandbox, version);
            r.AssertSuccess();
            var me = r.Single<PolytomicIdentity>();
            Assert.True(me.IsUser);
            Assert.Equal("user", me.Kind);
            Assert.Equal(sandbox.State.OrganizationId, me.OrganizationId);
            Assert.Equal("sandbox.user@example.com", me.Email);
        }

        [Fact]
        public void Connect_shows_who_you_are_only_with_verbose()
        {
            var before = sandbox.State.Requests.Count(x => x.Path == "/api/me");
            var quiet = Ps.Run("Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl | Out-Null", sandbox, connect: false);
            quiet.AssertSuccess();
            Assert.Equal(before, sandbox.State.Requests.Count(x => x.Path == "/api/me"));

            var loud = Ps.Run("Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -Verbose | Out-Null", sandbox, connect: false);
            loud.AssertSuccess();
            Assert.Equal(before + 1, sandbox.State.Requests.Count(x => x.Path == "/api/me"));
            Assert.Contains(loud.Verbose, v => v.Message.Contains("sandbox.user@example.com") && v.Message.Contains("Sandbox Organization"));
        }

        [Fact]
        public void Invoke_request_returns_plain_objects_with_query_and_body()
        {
            var name = "role-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            var r = Ps.Run($@"
                (Invoke-PolytomicRequest -Path /api/me).data.email
                $created = Invoke-PolytomicRequest -Method POST -Path /api/permissions/roles -Body @{{ name = '{name}' }}
                $created.data.name
                Invoke-PolytomicRequest -Path /api/connection_types -Query @{{ probe = 'a b'; flag = $true }} -NoEnumerate | ForEach-Object {{ $_.data.Count -gt 5 }}",
                sandbox);
            r.AssertSuccess();
            Assert.Equal("sandbox.user@example.com", r.Output[0].BaseObject);
            Assert.Equal(name, r.Output[1].BaseObject);
            Assert.Equal(true, r.Output[2].BaseObject);
            var post = sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path == "/api/permissions/roles");
            Assert.Equal($"{{\"name\":\"{name}\"}}", post.Body);
            Assert.NotNull(post.IdempotencyKey);
            var get = sandbox.State.Requests.Last(x => x.Path == "/api/connection_types");
            Assert.Contains("probe=a%20b", get.Query);
            Assert.Contains("flag=true", get.Query);
        }

        [Theory]
        [InlineData("https://evil.example.com/api/me")]
        [InlineData("/other/path")]
        [InlineData("/api/../me")]
        [InlineData("/api/%2e%2e/x")]
        [InlineData("/api/.%2e/x")]
        [InlineData("/api/..\\x")]
        [InlineData("/api/%2E%2e/me")]
        [InlineData("/api/%252e%252e/me")]
        [InlineData("/api/connections/%2e%2e%2f%2e%2e/me")]
        public void Invoke_request_refuses_paths_off_the_api(string path)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run($"Invoke-PolytomicRequest -Method DELETE -Path '{path}' -Confirm:$false", sandbox);
            var e = r.SingleError();
            Assert.Equal("InvalidRequestPath,PolytomicPS.Commands.InvokePolytomicRequestCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Equal(before, sandbox.State.Requests.Count);
        }

        [Fact]
        public void Invoke_request_api_errors_are_error_records()
        {
            var r = Ps.Run("Invoke-PolytomicRequest -Path /api/webhooks/00000000-0000-0000-0000-000000000000", sandbox);
            var e = r.SingleError();
            Assert.StartsWith("PolytomicApi.NotFound,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_partner_key_manages_organizations_but_not_connections(string version)
        {
            var r = Ps.Run(@"
                $s = Connect-Polytomic -PartnerKey $PartnerKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion
                $s.AuthMode
                Get-PolytomicIdentity
                Get-PolytomicOrganization
                Get-PolytomicConnection", sandbox, version, connect: false);
            Assert.Equal("PartnerKey", r.Output[0].BaseObject.ToString());
            Assert.True(r.Output[1].BaseObject is PolytomicIdentity { IsPartner: true });
            Assert.Contains(r.All<PolytomicOrganization>(), o => o.Id == sandbox.State.OrganizationId);
            var e = r.SingleError();
            Assert.StartsWith("PolytomicApi.Forbidden,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
        }

        [Fact]
        public void A_partner_key_scoped_to_an_organization_uses_basic_auth_and_acts_inside_it()
        {
            var r = Ps.Run(@"
                Connect-Polytomic -PartnerKey $PartnerKey -OrganizationId $Org -BaseUrl $BaseUrl | Out-Null
                Get-PolytomicIdentity
                (Get-PolytomicRole -Name Admin).Name",
                sandbox, connect: false, variables: new Dictionary<string, object?> { ["Org"] = sandbox.State.OrganizationId });
            r.AssertSuccess();
            var me = r.Single<PolytomicIdentity>();
            Assert.True(me.IsOrganization);
            Assert.Equal(sandbox.State.OrganizationId, me.OrganizationId);
            Assert.Equal("Admin", r.Output[1].BaseObject);
        }

        [Fact]
        public void A_credential_holds_the_organization_and_the_partner_key()
        {
            var r = Ps.Run(@"
                $cred = [pscredential]::new($Org, [System.Net.NetworkCredential]::new('', $PartnerKey).SecurePassword)
                $s = Connect-Polytomic -Credential $cred -BaseUrl $BaseUrl -Verbose
                $s.AuthMode; $s.OrganizationId
                (Get-PolytomicIdentity).Kind",
                sandbox, connect: false, variables: new Dictionary<string, object?> { ["Org"] = sandbox.State.OrganizationId });
            r.AssertSuccess();
            Assert.Equal("OrganizationPartnerKey", r.Output[0].BaseObject.ToString());
            Assert.Equal(sandbox.State.OrganizationId, r.Output[1].BaseObject);
            Assert.Equal("organization", r.Output[2].BaseObject);
            Assert.Contains(r.Verbose, v => v.Message.Contains("(organization)"));
        }

        [Fact]
        public void A_wrong_partner_key_never_shows_and_fails_as_authentication()
        {
            const string wrong = "0f1e2d3c-4b5a-4697-8877-665544332211";
            var r = Ps.Run($"Connect-Polytomic -PartnerKey '{wrong}' -OrganizationId $Org -BaseUrl $BaseUrl | Out-Null; Get-PolytomicOrganization -Verbose -Debug",
                sandbox, connect: false, secrets: new[] { wrong }, variables: new Dictionary<string, object?> { ["Org"] = sandbox.State.OrganizationId });
            var e = r.SingleError();
            Assert.StartsWith("PolytomicApi.Unauthorized,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
        }

        [Fact]
        public void The_terraform_environment_variables_connect_a_partner_or_a_deployment()
        {
            var host = sandbox.Server.BaseUrl.ToString().TrimEnd('/');
            var r = Ps.Run($@"
                $env:POLYTOMIC_API_KEY = $null; $env:POLYTOMIC_BASE_URL = '{host}'
                try {{
                    $env:POLYTOMIC_PARTNER_KEY = $PartnerKey
                    (Connect-Polytomic).AuthMode
                    (Get-PolytomicIdentity).Kind
                    $env:POLYTOMIC_PARTNER_KEY = $null
                    $env:POLYTOMIC_DEPLOYMENT_KEY = '{SandboxOptions.DefaultDeploymentKey}'
                    (Connect-Polytomic).AuthMode
                    (Get-PolytomicIdentity).Kind
                }} finally {{ $env:POLYTOMIC_PARTNER_KEY = $null; $env:POLYTOMIC_DEPLOYMENT_KEY = $null; $env:POLYTOMIC_BASE_URL = $null }}",
                sandbox, connect: false, secrets: new[] { SandboxOptions.DefaultDeploymentKey });
            r.AssertSuccess();
            Assert.Equal(new[] { "PartnerKey", "partner", "DeploymentKey", "system" }, r.Output.Select(o => o.BaseObject.ToString()));
        }

        [Fact]
        public void The_deployment_url_is_a_host_with_https_assumed()
        {
            var r = Ps.Run(@"
                $env:POLYTOMIC_DEPLOYMENT_URL = 'polytomic.internal.example.com/'
                try { (Connect-Polytomic -ApiKey $ApiKey).BaseUrl.ToString() } finally { $env:POLYTOMIC_DEPLOYMENT_URL = $null }",
                sandbox, connect: false);
            r.AssertSuccess();
            Assert.Equal("https://polytomic.internal.example.com/", r.Output[0].BaseObject);
        }

        [Fact]
        public void An_organization_id_with_a_plain_api_key_is_refused()
        {
            var r = Ps.Run("Connect-Polytomic -ApiKey $ApiKey -OrganizationId x -BaseUrl $BaseUrl", sandbox, connect: false);
            var e = r.SingleError();
            Assert.StartsWith("OrganizationIdNeedsPartnerKey,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }
    }
}
