using System.Management.Automation;
using System.Security;
using Polytomic.Models;
using Polytomic.Sandbox.Routes;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Organizations, users, minted API keys and entities.</summary>
    public sealed class IdentityOrganizationsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public IdentityOrganizationsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private const string AsPartner = "Connect-Polytomic -PartnerKey $PartnerKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion | Out-Null\n";
        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Organization_lifecycle_with_a_partner_key(string version)
        {
            var name = Unique("Tenant");
            var r = Ps.Run(AsPartner + $@"
                $o = New-PolytomicOrganization -Name '{name}' -SsoDomain 'tenant.example.com' -ClientSecret 'oidc-s3cret-value'
                $o
                $o | Set-PolytomicOrganization -NewName '{name}-renamed' -PassThru
                Get-PolytomicOrganization -Name '{name}-renamed'
                $o | Remove-PolytomicOrganization -Force
                Get-PolytomicOrganization -Id $o.Id",
                sandbox, version, connect: false, secrets: new[] { "oidc-s3cret-value" });
            var orgs = r.All<PolytomicOrganization>();
            Assert.Equal(3, orgs.Count);
            Assert.Equal("tenant.example.com", orgs[1].SsoDomain); // kept through the read-modify-write PUT
            Assert.Equal(name + "-renamed", orgs[2].Name);
            var put = sandbox.State.Requests.Last(x => x.Method == "PUT" && x.Path == "/api/organizations/" + orgs[0].Id);
            Assert.Equal($"{{\"name\":\"{name}-renamed\",\"sso_domain\":\"tenant.example.com\",\"sso_org_id\":\"\",\"issuer\":\"\"}}", put.Body);
            Assert.Contains("\"client_secret\":\"oidc-s3cret-value\"", sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path == "/api/organizations").Body);
            Assert.Null(sandbox.State.Store(IdentityRoutes.Organizations).Get(orgs[0].Id));
            var e = r.SingleError();
            Assert.StartsWith("PolytomicApi.NotFound,", e.FullyQualifiedErrorId);
            Assert.Equal(orgs[0].Id, e.TargetObject);
        }

        [Fact]
        public void Organizations_need_a_partner_key()
        {
            var r = Ps.Run("Get-PolytomicOrganization", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.Forbidden,PolytomicPS.Commands.GetPolytomicOrganizationCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
        }

        [Fact]
        public void The_current_organization_is_2025_only_and_fails_before_any_request_in_2024()
        {
            var ok = Ps.Run("Get-PolytomicOrganization -CurrentOrganization", sandbox, "2025-09-18");
            ok.AssertSuccess();
            Assert.Equal(IdentityRoutes.OwnerName, ok.Single<PolytomicOrganization>().Name);

            var before = sandbox.State.Requests.Count(x => x.Path == "/api/organization");
            var r = Ps.Run("Get-PolytomicOrganization -CurrentOrganization", sandbox, "2024-02-08");
            var e = r.SingleError();
            Assert.StartsWith("ApiVersionNotSupported,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotImplemented, e.CategoryInfo.Category);
            Assert.Contains("2025-09-18", e.Exception.Message);
            Assert.Equal(before, sandbox.State.Requests.Count(x => x.Path == "/api/organization"));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Users_of_a_managed_organization_and_a_minted_key_that_works(string version)
        {
            var org = Unique("Org");
            var email = Unique("ana") + "@example.com";
            var r = Ps.Run(AsPartner + $@"
                $o = New-PolytomicOrganization -Name '{org}'
                $u = $o | New-PolytomicUser -Email '{email}' -Role admin
                $u
                $o | Get-PolytomicUser
                $key = $u | New-PolytomicApiKey
                $key
                $again = $u | New-PolytomicApiKey
                $plain = $u | New-PolytomicApiKey -Force -AsPlainText
                Connect-Polytomic -ApiKey $plain -BaseUrl $BaseUrl -ApiVersion $ApiVersion | Out-Null
                Get-PolytomicIdentity",
                sandbox, version, connect: false);
            var user = r.All<PolytomicUser>().First();
            Assert.Equal(email, user.Email);
            Assert.Equal("admin", user.Role);
            Assert.Equal(2, r.All<PolytomicUser>().Count);
            var key = r.Single<PolytomicApiKey>();
            Assert.IsType<SecureString>(key.Value);
            Assert.Equal(user.Id, key.UserId);
            // The second key without -Force is refused; the forced one replaced it and signs in as the user.
            var e = r.SingleError();
            Assert.StartsWith("PolytomicApi.Conflict,PolytomicPS.Commands.NewPolytomicApiKeyCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, e.CategoryInfo.Category);
            var me = r.Single<PolytomicIdentity>();
            Assert.Equal(email, me.Email);
            Assert.Equal(user.OrganizationId, me.OrganizationId);
            Assert.Contains(sandbox.State.Requests, x => x.Method == "POST" && x.Path == $"/api/organizations/{user.OrganizationId}/users/{user.Id}/keys" && x.Query == "?force=true");
        }

        [Fact]
        public void Minted_keys_never_appear_in_any_stream_unless_asked_for()
        {
            var org = Unique("Org");
            var r = Ps.Run(AsPartner + $@"
                $u = New-PolytomicOrganization -Name '{org}' | New-PolytomicUser -Email '{Unique("k")}@example.com'
                $u | New-PolytomicApiKey -Verbose -Debug", sandbox, connect: false);
            r.AssertSuccess();
            var key = r.Single<PolytomicApiKey>();
            var minted = sandbox.State.MintedKeys.Single(kv => kv.Value.UserId == key.UserId).Key;
            Assert.DoesNotContain(minted, r.AllText());
            Assert.DoesNotContain(minted, key.ToString());
        }

        [Fact]
        public void Current_organization_users_on_2025_and_the_version_error_on_2024()
        {
            var email = Unique("bo") + "@example.com";
            var r = Ps.Run($@"
                $role = Get-PolytomicRole -Name Member
                $u = New-PolytomicUser -Email '{email}' -RoleId $role
                $u
                $u | Set-PolytomicUser -RoleId (Get-PolytomicRole -Name Admin) -PassThru
                Get-PolytomicUser -Email '{email}'
                $u | Remove-PolytomicUser -Force -PassThru
                Get-PolytomicUser -Id $u.Id", sandbox, "2025-09-18");
            var users = r.All<PolytomicUser>();
            Assert.Equal(4, users.Count);
            Assert.Equal(new[] { PermissionRoutes.MemberRoleId }, users[0].RoleIds);
            Assert.Equal(new[] { PermissionRoutes.AdminRoleId }, users[1].RoleIds);
            var put = sandbox.State.Requests.Last(x => x.Method == "PUT" && x.Path == "/api/organization/users/" + users[0].Id);
            Assert.Equal($"{{\"role_ids\":[\"{PermissionRoutes.AdminRoleId}\"]}}", put.Body);
            Assert.StartsWith("PolytomicApi.NotFound,", r.SingleError().FullyQualifiedErrorId);

            var old = Ps.Run("Get-PolytomicUser", sandbox, "2024-02-08");
            var e = old.SingleError();
            Assert.StartsWith("ApiVersionNotSupported,", e.FullyQualifiedErrorId);
            Assert.Contains("2025-09-18", e.Exception.Message);
        }

        [Fact]
        public void Role_and_role_id_together_are_refused_before_any_request()
        {
            var email = Unique("x") + "@example.com";
            var r = Ps.Run($"New-PolytomicUser -Email '{email}' -Role admin -RoleId abc", sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal("RoleAndRoleIdTogether,PolytomicPS.Commands.NewPolytomicUserCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.DoesNotContain(sandbox.State.Requests, x => x.Body.Contains(email));
        }

        [Fact]
        public void Entities_resolve_ids_on_2025_and_fail_early_on_2024()
        {
            var r = Ps.Run("Get-PolytomicEntity -Id $Org; Get-PolytomicEntity -Id 00000000-0000-0000-0000-000000000000", sandbox, "2025-09-18",
                variables: new Dictionary<string, object?> { ["Org"] = sandbox.State.OrganizationId });
            var entity = r.Single<PolytomicEntity>();
            Assert.Equal("organization", entity.Type);
            Assert.Equal("/api/organizations/" + sandbox.State.OrganizationId, entity.CanonicalPath);
            Assert.Null(entity.OrganizationId);
            Assert.StartsWith("PolytomicApi.NotFound,", r.SingleError().FullyQualifiedErrorId);

            var partner = Ps.Run(AsPartner + "Get-PolytomicEntity -Id $Org", sandbox, "2025-09-18", connect: false,
                variables: new Dictionary<string, object?> { ["Org"] = sandbox.State.OrganizationId });
            partner.AssertSuccess();
            Assert.Equal(sandbox.State.OrganizationId, partner.Single<PolytomicEntity>().OrganizationId);
            Assert.Contains(sandbox.State.Requests, x => x.Path == "/api/organizations/entities/" + sandbox.State.OrganizationId);

            var before = sandbox.State.Requests.Count;
            var old = Ps.Run("Get-PolytomicEntity -Id abc", sandbox, "2024-02-08");
            var e = old.SingleError();
            Assert.Equal("ApiVersionNotSupported,PolytomicPS.Commands.GetPolytomicEntityCommand", e.FullyQualifiedErrorId);
            Assert.DoesNotContain(sandbox.State.Requests.Skip(before), x => x.Path.Contains("entities"));
        }
    }
}
