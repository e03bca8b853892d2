using System.Management.Automation;
using System.Security;
using Polytomic.Models;
using Polytomic.Sandbox.Routes;

namespace PolytomicPS.Tests.Cmdlets
{
    public sealed class WebhooksTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public WebhooksTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private const string Secret = "whsec-9f8e7d6c5b4a";
        private const string NewSecret = "whsec-rotated-1a2b3c";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Webhook_lifecycle_keeps_the_secret_secret(string version)
        {
            var r = Ps.Run($@"
                $secret = [System.Net.NetworkCredential]::new('', '{Secret}').SecurePassword
                $w = New-PolytomicWebhook -Endpoint 'https://hooks.example.com/polytomic' -Secret $secret -Verbose -Debug
                $w
                $w | Set-PolytomicWebhook -Endpoint 'https://hooks.example.com/v2' -PassThru
                $w | Disable-PolytomicWebhook -PassThru
                $w | Enable-PolytomicWebhook -PassThru
                $w | Set-PolytomicWebhook -Secret '{NewSecret}'
                Get-PolytomicWebhook
                $w | Remove-PolytomicWebhook -Force
                Get-PolytomicWebhook -Id $w.Id",
                sandbox, version, secrets: new[] { Secret, NewSecret });
            var hooks = r.All<PolytomicWebhook>();
            Assert.Equal(5, hooks.Count);
            Assert.IsType<SecureString>(hooks[0].Secret);
            Assert.Equal(Secret, Polytomic.SecureStrings.ToPlain(hooks[0].Secret!));
            Assert.Equal("https://hooks.example.com/v2", hooks[1].Endpoint);
            Assert.True(hooks[2].Disabled);
            Assert.False(hooks[3].Disabled);
            // Changing the endpoint sent the current secret back (the PUT needs both).
            var puts = sandbox.State.Requests.Where(x => x.Method == "PUT" && x.Path == "/api/webhooks/" + hooks[0].Id).ToList();
            Assert.Equal($"{{\"endpoint\":\"https://hooks.example.com/v2\",\"secret\":\"{Secret}\",\"organization_id\":\"{sandbox.State.OrganizationId}\"}}", puts[0].Body);
            Assert.Contains($"\"secret\":\"{NewSecret}\"", puts[1].Body);
            Assert.Equal("https://hooks.example.com/v2", hooks[4].Endpoint);
            Assert.Null(sandbox.State.Store(WebhookRoutes.Webhooks).Get(hooks[0].Id));
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.NotFound,PolytomicPS.Commands.GetPolytomicWebhookCommand", e.FullyQualifiedErrorId);
        }

        [Fact]
        public void One_webhook_per_organization()
        {
            var r = Ps.Run($@"
                $w = New-PolytomicWebhook -Endpoint 'https://a.example.com/' -Secret '{Secret}'
                try {{ New-PolytomicWebhook -Endpoint 'https://b.example.com/' -Secret '{Secret}' }}
                finally {{ $w | Remove-PolytomicWebhook -Force }}", sandbox, secrets: new[] { Secret });
            var e = r.SingleError();
            Assert.Equal("PolytomicApi.Conflict,PolytomicPS.Commands.NewPolytomicWebhookCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, e.CategoryInfo.Category);
        }

        [Fact]
        public void A_relative_endpoint_is_refused_before_any_request()
        {
            var before = sandbox.State.Requests.Count(x => x.Path == "/api/webhooks");
            var r = Ps.Run($"New-PolytomicWebhook -Endpoint 'hooks/x' -Secret '{Secret}'", sandbox, secrets: new[] { Secret });
            var e = r.SingleError();
            Assert.Equal("InvalidWebhookEndpoint,PolytomicPS.Commands.NewPolytomicWebhookCommand", e.FullyQualifiedErrorId);
            Assert.Equal(before, sandbox.State.Requests.Count(x => x.Path == "/api/webhooks"));
        }

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Error_subscribers_have_no_envelope_and_are_replaced_as_a_whole(string version)
        {
            var r = Ps.Run(@"
                Set-PolytomicErrorSubscriber -Email 'ops@example.com', 'data@example.com' -PassThru
                Set-PolytomicErrorSubscriber -Add 'oncall@example.com' -Remove 'data@example.com'
                Get-PolytomicErrorSubscriber
                Set-PolytomicErrorSubscriber -Email @()", sandbox, version);
            r.AssertSuccess();
            var lists = r.All<PolytomicErrorSubscribers>();
            Assert.Equal(new[] { "ops@example.com", "data@example.com" }, lists[0].Emails);
            Assert.Equal(new[] { "ops@example.com", "oncall@example.com" }, lists[1].Emails);
            var puts = sandbox.State.Requests.Where(x => x.Method == "PUT" && x.Path == "/api/notifications/global-error-subscribers").TakeLast(3).ToList();
            Assert.Equal("{\"emails\":[\"ops@example.com\",\"oncall@example.com\"]}", puts[1].Body);
            Assert.Equal("{\"emails\":[]}", puts[2].Body);
        }

        [Fact]
        public void An_invalid_subscriber_email_is_refused()
        {
            var r = Ps.Run("Set-PolytomicErrorSubscriber -Email 'not-an-email'", sandbox);
            var e = r.SingleError();
            Assert.Equal("InvalidEmail,PolytomicPS.Commands.SetPolytomicErrorSubscriberCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }
    }
}
