using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;
using Polytomic.Sandbox.Routes;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Parameter values, Connect URLs, sharing, proxy, schema edits, enrichment, target properties.</summary>
    public sealed class ConnectionsExtrasTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public ConnectionsExtrasTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static string New(string type, string config) =>
            $"$c = New-PolytomicConnection -Name ('{type}-' + [guid]::NewGuid()) -Type {type} -Configuration @{{ {config} }}\n";
        private const string Snowflake = "account='a'; username='u'; password='p'; dbname='d'";
        private const string Api = "url='https://api.example.com'";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Parameter_values_for_a_connection_and_for_a_type(string version)
        {
            var r = Ps.Run(New("snowflake", Snowflake) + @"
                $c | Get-PolytomicConnectionParameterValue
                Get-PolytomicConnectionParameterValue -ConnectionType snowflake -Field warehouse -Parameter @{ account = 'a' } -Search load
                Get-PolytomicConnectionParameterValue -ConnectionType snowflake -Field dbname", sandbox, version);
            var values = r.All<PolytomicParameterValues>();
            Assert.Equal(2, values.Count);
            Assert.Equal("warehouse", values[0].Field);
            Assert.Equal(3, values[0].Values.Count);
            Assert.Equal(new[] { "LOAD_WH" }, values[1].Values.Select(v => v.Label));
            var post = sandbox.State.Requests.First(x => x.Method == "POST" && x.Path == "/api/connection_types/snowflake/parameter_values");
            Assert.Equal("{\"field\":\"warehouse\",\"parameters\":{\"account\":\"a\"},\"query\":\"load\"}", post.Body);
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.BadRequest,PolytomicPS.Commands.GetPolytomicConnectionParameterValueCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Fact]
        public void A_connect_url_posts_to_the_route_with_its_trailing_slash()
        {
            var r = Ps.Run("New-PolytomicConnectUrl -Name 'Customer DB' -RedirectUrl 'https://app.example.com/done' -AllowedType postgresql, mysql -Dark", sandbox);
            r.AssertSuccess();
            var url = r.Single<PolytomicConnectUrl>();
            Assert.StartsWith("https://app.polytomic.com/connect/", url.RedirectUrl);
            var post = sandbox.State.Requests.Last(x => x.Path == "/api/connections/connect/");
            Assert.Equal("{\"name\":\"Customer DB\",\"redirect_url\":\"https://app.example.com/done\",\"whitelist\":[\"postgresql\",\"mysql\"],\"dark\":true}", post.Body);

            var bad = Ps.Run("New-PolytomicConnectUrl -Name x -RedirectUrl 'https://a.example.com/' -Type nosuchtype", sandbox);
            Assert.StartsWith("PolytomicApi.BadRequest,", bad.SingleError().FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("2024-02-08", "/share")]
        [InlineData("2025-09-18", "/shared")]
        public void Sharing_picks_the_route_of_the_version(string version, string suffix)
        {
            var r = Ps.Run(New("stripe", "api_key='sk'") + @"
                $partner = Connect-Polytomic -PartnerKey $PartnerKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion
                $scoped = Connect-Polytomic -PartnerKey $PartnerKey -OrganizationId $Org -BaseUrl $BaseUrl -ApiVersion $ApiVersion
                $o = New-PolytomicOrganization -Name ('child-' + [guid]::NewGuid()) -Session $partner
                $c | New-PolytomicSharedConnection -ChildOrganizationId $o.Id -Name 'Shared Stripe' -Session $scoped
                $c | Get-PolytomicSharedConnection -Session $scoped", sandbox, version,
                variables: new Dictionary<string, object?> { ["Org"] = sandbox.State.OrganizationId });
            r.AssertSuccess();
            var shared = r.Single<PolytomicSharedConnection>();
            var copy = r.Single<PolytomicConnection>();
            Assert.Equal(shared.Id, copy.Id);
            Assert.Equal("Shared Stripe", copy.Name);
            Assert.Equal(shared.ParentConnectionId, copy.ParentConnectionId);
            Assert.Equal(shared.ChildOrganizationId, copy.OrganizationId);
            var post = sandbox.State.Requests.Last(x => x.Method == "POST" && x.Path.EndsWith(suffix));
            Assert.Equal($"{{\"child_organization_id\":\"{shared.ChildOrganizationId}\",\"name\":\"Shared Stripe\"}}", post.Body);
            if (version == "2025-09-18") Assert.StartsWith($"/api/organizations/{sandbox.State.OrganizationId}/connections/", post.Path);
        }

        [Fact]
        public void Sharing_on_2025_needs_the_owning_organization()
        {
            var r = Ps.Run(New("stripe", "api_key='sk'") + "$c | New-PolytomicSharedConnection -ChildOrganizationId x", sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal("OrganizationIdRequired,PolytomicPS.Commands.NewPolytomicSharedConnectionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Fact]
        public void The_proxy_sends_camel_case_and_reports_the_upstream_answer()
        {
            var r = Ps.Run(New("api", Api) + @"
                $c | Invoke-PolytomicProxy -Method POST -Path '/v1/things' -Query @{ limit = 2 } -Header @{ 'X-Trace' = 't1' } -Body @{ a = 1 }
                $c | Invoke-PolytomicProxy -Path '/status/404'
                $c | Invoke-PolytomicProxy -Path '/large'
                $c | Get-PolytomicProxyInfo", sandbox, "2025-09-18");
            r.AssertSuccess();
            var responses = r.All<PolytomicProxyResponse>();
            Assert.Equal(200, responses[0].Status);
            Assert.Equal("application/json", responses[0].ContentType);
            Assert.Equal("POST", (string?)JsonNode.Parse(responses[0].Body!)!["method"]);
            Assert.Equal(404, responses[1].Status);
            Assert.True(responses[2].Truncated);
            Assert.Contains(r.Warnings, w => w.Message.Contains("size limit"));
            var post = sandbox.State.Requests.First(x => x.Path.EndsWith("/proxy") && x.Body.Contains("/v1/things"));
            Assert.Equal("{\"request\":{\"method\":\"POST\",\"path\":\"/v1/things\",\"query\":{\"limit\":2},\"headers\":{\"X-Trace\":\"t1\"},\"body\":{\"a\":1}}}", post.Body);
            var info = r.Single<PolytomicProxyInfo>();
            Assert.Equal("api", info.BackendType);
            Assert.Equal("https://api.example.com", info.BaseUrl);
            Assert.Equal(60L, info.RateLimitPerMinute);
            Assert.Equal(3L, info.Stats!["callsLast24h"]);
        }

        [Fact]
        public void The_proxy_is_2025_only_and_refuses_locked_headers()
        {
            var before = sandbox.State.Requests.Count(x => x.Path.Contains("/proxy"));
            var old = Ps.Run(New("api", Api) + "$c | Invoke-PolytomicProxy -Path '/x'; $c | Get-PolytomicProxyInfo", sandbox, "2024-02-08");
            Assert.Equal(2, old.Errors.Count);
            Assert.All(old.Errors, e => Assert.StartsWith("ApiVersionNotSupported,", e.FullyQualifiedErrorId));
            Assert.All(old.Errors, e => Assert.Contains("2025-09-18", e.Exception.Message));
            Assert.Equal(before, sandbox.State.Requests.Count(x => x.Path.Contains("/proxy")));

            var locked = Ps.Run(New("api", Api) + "$c | Invoke-PolytomicProxy -Path '/x' -Header @{ Authorization = 'Bearer x' }", sandbox, "2025-09-18");
            var e = locked.SingleError();
            Assert.StartsWith("PolytomicApi.BadRequest,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);

            var relative = Ps.Run(New("api", Api) + "$c | Invoke-PolytomicProxy -Path 'https://elsewhere.example.com/'", sandbox, "2025-09-18");
            Assert.StartsWith("InvalidProxyPath,", relative.SingleError().FullyQualifiedErrorId);
        }

        [Fact]
        public void Proxy_not_enabled_is_permission_denied()
        {
            var r = Ps.Run(New("snowflake", Snowflake) + "$c | Get-PolytomicProxyInfo", sandbox, "2025-09-18");
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.Forbidden,PolytomicPS.Commands.GetPolytomicProxyInfoCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void User_defined_fields_and_primary_keys(string version)
        {
            var r = Ps.Run(New("postgresql", "hostname='h'; username='u'; password='p'; database='d'") + @"
                $c = $c | Wait-PolytomicConnection -PollIntervalSeconds 0.05
                $c
                $c | Set-PolytomicSchemaField -SchemaId public.users -FieldId plan -Label 'Plan' -Type string -Path 'attributes.plan' -Example 'pro'
                $c | Set-PolytomicPrimaryKey -SchemaId public.users -FieldId email -ExcludeFieldId id
                $c | Remove-PolytomicSchemaField -SchemaId public.users -FieldId plan -Force
                $c | Reset-PolytomicPrimaryKey -SchemaId public.users
                $c | Remove-PolytomicSchemaField -SchemaId public.users -FieldId plan -Force", sandbox, version);
            var connectionId = r.Single<PolytomicConnection>().Id;
            var prefix = $"/api/connections/{connectionId}/schemas/public.users";
            var upsert = sandbox.State.Requests.Single(x => x.Method == "POST" && x.Path == prefix + "/fields");
            Assert.Equal("{\"fields\":[{\"field_id\":\"plan\",\"label\":\"Plan\",\"type\":\"string\",\"path\":\"attributes.plan\",\"example\":\"pro\"}]}", upsert.Body);
            var pk = sandbox.State.Requests.Single(x => x.Method == "PUT" && x.Path == prefix + "/primary_keys");
            Assert.Equal("{\"fields\":[{\"field_id\":\"email\",\"is_primary_key\":true},{\"field_id\":\"id\",\"is_primary_key\":false}]}", pk.Body);
            var stored = sandbox.State.Store(ConnectionSchemaRoutes.SchemaOverrides).Get(connectionId + "/public.users")!;
            Assert.Empty(stored["fields"]!.AsObject());
            Assert.Empty(stored["primary_keys"]!.AsArray());
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.NotFound,PolytomicPS.Commands.RemovePolytomicSchemaFieldCommand", e.FullyQualifiedErrorId);
            Assert.Equal("plan", e.TargetObject);
        }

        [Fact]
        public void Enrichment_source_and_input_fields()
        {
            var r = Ps.Run(New("api", Api) + @"
                $c | Get-PolytomicEnrichmentSource
                $c | Get-PolytomicEnrichmentSource -Parameter @{ endpoint = @('person') }
                $c | Get-PolytomicEnrichmentInputField -Configuration @{ endpoint = 'person' }", sandbox);
            r.AssertSuccess();
            var sources = r.All<PolytomicEnrichmentSource>();
            Assert.Equal(new[] { "endpoint" }, sources[0].RequiresOneOf);
            Assert.Empty(sources[1].RequiresOneOf!);
            Assert.Contains(sandbox.State.Requests, x => x.Path.EndsWith("/enrichment-source") && x.Query == "?params=%7B%22endpoint%22%3A%5B%22person%22%5D%7D");
            var sets = r.All<PolytomicEnrichmentInputFieldSet>();
            Assert.Equal(new[] { "email" }, sets[0].Fields);
            Assert.Equal(new[] { "first_name", "last_name", "company_domain" }, sets[1].Fields);

            var none = Ps.Run(New("stripe", "api_key='sk'") + "$c | Get-PolytomicEnrichmentSource", sandbox);
            var e = none.SingleError();
            Assert.Equal("PolytomicApi.NotFound,PolytomicPS.Commands.GetPolytomicEnrichmentSourceCommand", e.FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Target_creation_property_values(string version)
        {
            var r = Ps.Run(New("postgresql", "hostname='h'; username='u'; password='p'; database='d'") + @"
                $c | Get-PolytomicTargetProperty -Property schema
                $c | Get-PolytomicTargetProperty -Property dataset", sandbox, version);
            var p = r.Single<PolytomicTargetProperty>();
            Assert.Equal("schema", p.Id);
            Assert.Equal(new[] { "public", "staging" }, p.Values.Select(v => v.Value));
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.NotFound,PolytomicPS.Commands.GetPolytomicTargetPropertyCommand", e.FullyQualifiedErrorId);
            Assert.Equal("dataset", e.TargetObject);
        }
    }
}
