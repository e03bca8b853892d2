using System.Management.Automation;
using Polytomic.Models;
using Polytomic.Sandbox.Routes;

namespace PolytomicPS.Tests.Cmdlets
{
    public sealed class PermissionsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public PermissionsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Roles_and_policies_lifecycle(string version)
        {
            string role = Unique("Analysts"), policy = Unique("Read models");
            var r = Ps.Run($@"
                $role = New-PolytomicRole -Name '{role}'
                $role | Set-PolytomicRole -NewName '{role}-2' -PassThru
                $p = New-PolytomicPolicy -Name '{policy}' -PolicyAction @{{ read = $role; write = @('{PermissionRoutes.AdminRoleId}') }}
                $p
                $p | Set-PolytomicPolicy -NewName '{policy}-2' -PassThru
                Get-PolytomicPolicy -Name '{policy}-2'
                $p | Remove-PolytomicPolicy -Force
                $role | Remove-PolytomicRole -Force
                Get-PolytomicRole -Name '{role}-2'", sandbox, version);
            Assert.Equal(role + "-2", r.Single<PolytomicRole>().Name);
            var policies = r.All<PolytomicPolicy>();
            Assert.Equal(3, policies.Count);
            var roleId = r.Single<PolytomicRole>().Id;
            var create = sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path == "/api/permissions/policies");
            Assert.Contains($"\"policy_actions\":[", create.Body);
            Assert.Contains($"{{\"action\":\"read\",\"role_ids\":[\"{roleId}\"]}}", create.Body);
            Assert.Contains($"{{\"action\":\"write\",\"role_ids\":[\"{PermissionRoutes.AdminRoleId}\"]}}", create.Body);
            // The rename kept the actions: the PUT replaces the policy, so the cmdlet sent them back.
            Assert.Equal(2, policies[1].PolicyActions.Count);
            Assert.Equal(policies[0].Id, policies[2].Id);
            Assert.Null(sandbox.State.Store(PermissionRoutes.Policies).Get(policies[0].Id));
            Assert.Null(sandbox.State.Store(PermissionRoutes.Roles).Get(roleId));
            var e = r.SingleError();
            Assert.Equal("RoleNotFound,PolytomicPS.Commands.GetPolytomicRoleCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        }

        [Fact]
        public void System_roles_cannot_be_changed()
        {
            var r = Ps.Run("Get-PolytomicRole -Name Admin | Remove-PolytomicRole -Force", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.Forbidden,PolytomicPS.Commands.RemovePolytomicRoleCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
            Assert.Equal(PermissionRoutes.AdminRoleId, e.TargetObject);
            Assert.NotNull(sandbox.State.Store(PermissionRoutes.Roles).Get(PermissionRoutes.AdminRoleId));
        }

        [Fact]
        public void An_unknown_role_in_a_policy_is_a_bad_request()
        {
            var r = Ps.Run($"New-PolytomicPolicy -Name '{Unique("p")}' -PolicyAction @{{ read = 'no-such-role' }}", sandbox);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.NewPolytomicPolicyCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Fact]
        public void Remove_without_force_honours_WhatIf()
        {
            var role = Unique("keep");
            var r = Ps.Run($"New-PolytomicRole -Name '{role}' | Remove-PolytomicRole -WhatIf", sandbox);
            r.AssertSuccess();
            Assert.Contains(sandbox.State.Store(PermissionRoutes.Roles).All(), x => (string?)x["name"] == role);
        }
    }
}
