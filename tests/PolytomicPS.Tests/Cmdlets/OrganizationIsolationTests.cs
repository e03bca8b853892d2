using System.Management.Automation;
using Polytomic.Models;
using Polytomic.Sandbox.Routes;
using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Each organization keeps its own objects: a partner session scoped with -OrganizationId, or a key minted
    /// for one of its users, sees that organization's connections, models, syncs, bulk syncs, roles, policies and
    /// webhooks, and nothing of the others'. Every organization starts with its own Admin and Member roles.</summary>
    public sealed class OrganizationIsolationTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public OrganizationIsolationTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        /// <summary>A new organization as $org and a second session scoped to it as $b; the default session stays the
        /// sandbox's own organization (a user API key).</summary>
        private static string NewOrganization(string name) => $@"
$partner = Connect-Polytomic -PartnerKey $PartnerKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion -NoDefault
$org = New-PolytomicOrganization -Name '{name}' -Session $partner
$b = Connect-Polytomic -PartnerKey $PartnerKey -OrganizationId $org.Id -BaseUrl $BaseUrl -ApiVersion $ApiVersion -NoDefault
";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_scoped_session_sees_only_its_organization_s_objects(string version)
        {
            var tag = Unique("iso");
            var r = Ps.Run(NewOrganization(tag) + $@"
$own = New-PolytomicConnection -Name '{tag} own' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }}
$sf = New-PolytomicConnection -Session $b -Name '{tag} sf' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }} |
    Wait-PolytomicConnection -Session $b -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Session $b -Name '{tag} crm' -Type salesforce -Configuration @{{ domain = 'https://x.my.salesforce.com' }} -WarningAction SilentlyContinue |
    Wait-PolytomicConnection -Session $b -PollIntervalSeconds 0.05
$model = $sf | New-PolytomicModel -Session $b -Name '{tag} users' -Table PUBLIC.users
$sync = $model | New-PolytomicSync -Session $b -Name '{tag} sync' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }}
$bulk = New-PolytomicBulkSync -Session $b -Name '{tag} bulk' -Source $crm -Destination $sf -Mode replicate -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account
$role = New-PolytomicRole -Session $b -Name '{tag} role'
$policy = New-PolytomicPolicy -Session $b -Name '{tag} policy' -PolicyAction @{{ read = $role }}
$hook = New-PolytomicWebhook -Session $b -Endpoint 'https://hooks.example.com/{tag}' -Secret 'hook-secret-{tag}'
[pscustomobject]@{{
    BConnections = @(Get-PolytomicConnection -Session $b).Name -join ','
    BModels = @(Get-PolytomicModel -Session $b).Name -join ','
    BSyncs = @(Get-PolytomicSync -Session $b).Name -join ','
    BBulk = @(Get-PolytomicBulkSync -Session $b).Name -join ','
    BRoles = @(Get-PolytomicRole -Session $b | ForEach-Object {{ '{{0}}:{{1}}' -f $_.Name, $_.System }}) -join ','
    BPolicies = @(Get-PolytomicPolicy -Session $b).Name -join ','
    BHooks = @(Get-PolytomicWebhook -Session $b).Endpoint -join ','
    OwnConnections = @(Get-PolytomicConnection).Name -join ','
    OwnModels = @(Get-PolytomicModel).Name -join ','
    OwnSyncs = @(Get-PolytomicSync).Name -join ','
    OwnBulk = @(Get-PolytomicBulkSync).Name -join ','
    OwnRoles = @(Get-PolytomicRole).Id -join ','
    OwnPolicies = @(Get-PolytomicPolicy).Name -join ','
    OwnHooks = @(Get-PolytomicWebhook).Endpoint -join ','
    BAdmin = (Get-PolytomicRole -Session $b -Name Admin).Id
}}
# By id, across organizations: not found, as Polytomic answers (never 403, which would confirm the id exists).
Get-PolytomicConnection -Id $sf.Id
Get-PolytomicModel -Id $model.Id
Get-PolytomicSync -Id $sync.Id
Get-PolytomicBulkSync -Id $bulk.Id
Get-PolytomicRole -Id $role.Id
Get-PolytomicConnection -Id $own.Id -Session $b
", sandbox, version, secrets: new[] { "hook-secret-" + tag });

            var seen = r.Output.First(o => o.Properties["BConnections"] != null);
            string P(string name) => (string)seen.Properties[name].Value;
            Assert.Equal($"{tag} sf,{tag} crm", P("BConnections"));
            Assert.Equal($"{tag} users", P("BModels"));
            Assert.Equal($"{tag} sync", P("BSyncs"));
            Assert.Equal($"{tag} bulk", P("BBulk"));
            Assert.Equal($"Admin:True,Member:True,{tag} role:False", P("BRoles"));
            Assert.Equal($"{tag} policy", P("BPolicies"));
            Assert.Equal($"https://hooks.example.com/{tag}", P("BHooks"));
            // The sandbox's own organization (shared by this class's tests) shows none of B's objects.
            foreach (var own in new[] { "OwnConnections", "OwnModels", "OwnSyncs", "OwnBulk", "OwnPolicies", "OwnHooks" })
                Assert.DoesNotContain(tag, P(own).Replace($"{tag} own", ""));
            Assert.Contains($"{tag} own", P("OwnConnections"));
            Assert.Equal($"{PermissionRoutes.AdminRoleId},{PermissionRoutes.MemberRoleId}", string.Join(",", P("OwnRoles").Split(',').Where(id => id == PermissionRoutes.AdminRoleId || id == PermissionRoutes.MemberRoleId)));
            Assert.NotEqual(PermissionRoutes.AdminRoleId, P("BAdmin")); // B's system roles are its own

            Assert.Equal(6, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.StartsWith("PolytomicApi.NotFound,", e.FullyQualifiedErrorId));
            Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_key_minted_for_a_user_of_the_organization_sees_the_same_objects(string version)
        {
            var tag = Unique("mint");
            var r = Ps.Run(NewOrganization(tag) + $@"
$null = New-PolytomicConnection -Session $b -Name '{tag} sf' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }}
$user = $org | New-PolytomicUser -Session $partner -Email '{tag}@example.com' -Role admin
$key = $user | New-PolytomicApiKey -Session $partner -AsPlainText
$minted = Connect-Polytomic -ApiKey $key -BaseUrl $BaseUrl -ApiVersion $ApiVersion -NoDefault
@(Get-PolytomicConnection -Session $minted).Name -join ','
$user.RoleIds -join ','
(Get-PolytomicRole -Session $minted -Name Admin).Id
", sandbox, version);
            r.AssertSuccess();
            var lines = r.Output.Select(o => o.BaseObject).OfType<string>().ToList();
            Assert.Equal($"{tag} sf", lines[0]);
            // The user's admin role is its organization's Admin, not the sandbox organization's.
            Assert.Equal(lines[2], lines[1]);
            Assert.NotEqual(PermissionRoutes.AdminRoleId, lines[1]);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Organization_id_in_a_body_never_reaches_another_organization(string version)
        {
            var tag = Unique("body");
            var r = Ps.Run(NewOrganization(tag) + $@"
$body = @{{ name = '{tag} planted'; type = 'snowflake'; organization_id = $org.Id; configuration = @{{ account='a'; username='u'; password='p'; dbname='d' }} }}
# A user key's organization_id is ignored: the connection lands in the key's own organization.
$planted = Invoke-PolytomicRequest -Method POST -Path /api/connections -Body $body
$planted.data.organization_id -eq $org.Id
@(Get-PolytomicConnection -Session $b | Where-Object Name -like '{tag}*').Count
# A key scoped to B cannot create in another organization: 403.
$body.organization_id = '{Polytomic.Sandbox.SandboxState.NewId()}'
$body.name = '{tag} elsewhere'
Invoke-PolytomicRequest -Session $b -Method POST -Path /api/connections -Body $body
", sandbox, version);
            Assert.Equal(new object[] { false, 0 }, r.Output.Select(o => o.BaseObject).ToArray());
            var e = r.SingleError();
            Assert.StartsWith("PolytomicApi.Forbidden,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
            Assert.DoesNotContain(sandbox.State.Connections.AllOrganizations(), c => (string?)c["name"] == $"{tag} elsewhere");
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Runs_and_jobs_belong_to_their_organization_too(string version)
        {
            var tag = Unique("runs");
            var r = Ps.Run(NewOrganization(tag) + $@"
$sf = New-PolytomicConnection -Session $b -Name '{tag} sf' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }} |
    Wait-PolytomicConnection -Session $b -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Session $b -Name '{tag} crm' -Type salesforce -Configuration @{{ domain = 'https://x.my.salesforce.com' }} -WarningAction SilentlyContinue |
    Wait-PolytomicConnection -Session $b -PollIntervalSeconds 0.05
$job = $sf | New-PolytomicModel -Session $b -Name '{tag} users' -Table PUBLIC.users -Async
$model = $sf | New-PolytomicModel -Session $b -Name '{tag} users 2' -Table PUBLIC.users
$sync = $model | New-PolytomicSync -Session $b -Name '{tag} sync' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }}
$run = Start-PolytomicSync -Session $b -Id $sync.Id
@(Get-PolytomicSyncExecution -Session $b -SyncId $sync.Id).Count
$job | Get-PolytomicJob -Session $b | ForEach-Object {{ 'job seen in B' }}
# From the sandbox's own organization: neither the run nor the job exists.
Get-PolytomicSyncExecution -SyncId $sync.Id
$job | Get-PolytomicJob
", sandbox, version);
            Assert.Equal(new object[] { 1, "job seen in B" }, r.Output.Select(o => o.BaseObject).ToArray());
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.StartsWith("PolytomicApi.NotFound,", e.FullyQualifiedErrorId));
        }

        [Fact]
        public void Removing_an_organization_removes_its_objects_and_its_keys()
        {
            var tag = Unique("gone");
            var r = Ps.Run(NewOrganization(tag) + $@"
$c = New-PolytomicConnection -Session $b -Name '{tag} sf' -Type snowflake -Configuration @{{ account='a'; username='u'; password='p'; dbname='d' }}
$org | Remove-PolytomicOrganization -Session $partner -Force
$c.Id
$org.Id
", sandbox, "2025-09-18");
            r.AssertSuccess();
            var ids = r.Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Null(sandbox.State.Connections.GetInAnyOrganization(ids[0]));
            Assert.Empty(sandbox.State.Store(PermissionRoutes.Roles).In(ids[1]).All());
        }
    }
}
