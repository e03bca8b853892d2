using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Plainly invalid input fails before any request; everything else reaches the URL escaped.</summary>
    public sealed class HostileInputTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public HostileInputTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        [Theory]
        [InlineData("Get-PolytomicConnection -Id '../../me'")]
        [InlineData("Set-PolytomicConnection -Id 'x?force=true' -NewName y -Confirm:$false")]
        [InlineData("Remove-PolytomicConnection -Id '248df4b7-aa70-47b8-a036-33ac447e668d#' -Force")]
        [InlineData("Wait-PolytomicConnection -Id '%2e%2e'")]
        [InlineData("Get-PolytomicSchemaStatus -ConnectionId ([string]::new('a', 100000))")]
        public void Ids_that_are_not_uuids_fail_before_any_request(string script)
        {
            var before = sandbox.State.Requests.Count;
            var r = Ps.Run(script, sandbox);
            var e = r.SingleError();
            Assert.StartsWith("InvalidId,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Equal(before, sandbox.State.Requests.Count);
            Assert.True(e.Exception.Message.Length < 300, "the message quotes a huge id in full");
        }

        [Theory]
        [InlineData("Get-PolytomicConnection -Id $null")]
        [InlineData("Get-PolytomicConnection -Id ''")]
        [InlineData("New-PolytomicConnection -Name $null -Type stripe")]
        [InlineData("New-PolytomicConnection -Name x -Type ''")]
        public void Null_and_empty_are_refused_by_parameter_validation(string script)
        {
            var r = Ps.Run(script, sandbox);
            Assert.StartsWith("ParameterArgumentValidationError", r.SingleError().FullyQualifiedErrorId);
        }

        [Fact]
        public void Unicode_and_url_characters_in_names_round_trip_exactly()
        {
            const string name = "Café ☕ 🚀 ../?#%2F&x=1 \"quoted\" 'single'";
            var r = Ps.Run("New-PolytomicConnection -Name $N -Type stripe -Configuration @{ api_key = 'sk' } | Get-PolytomicConnection", sandbox,
                variables: new Dictionary<string, object?> { ["N"] = name });
            r.AssertSuccess();
            Assert.Equal(name, r.Single<PolytomicConnection>().Name);
        }

        [Fact]
        public void A_huge_name_is_sent_intact_not_truncated_or_crashing()
        {
            var name = new string('n', 200_000);
            var r = Ps.Run("New-PolytomicConnection -Name $N -Type stripe -Configuration @{ api_key = 'sk' }", sandbox,
                variables: new Dictionary<string, object?> { ["N"] = name });
            r.AssertSuccess();
            Assert.Equal(name.Length, r.Single<PolytomicConnection>().Name!.Length);
        }

        [Fact]
        public void Nested_configuration_is_sent_as_json_and_unsupported_values_are_named()
        {
            var r = Ps.Run(@"
                New-PolytomicConnection -Name 'nested' -Type webhook -Configuration @{
                    url = 'https://example.com/hook'; auth_method = 'header'
                    header = @{ name = 'X-Token'; value = 'abc' }; headers = @(@{ name = 'A'; value = '1' }, [ordered]@{ name = 'B'; value = 2 })
                }
                New-PolytomicConnection -Name 'bad' -Type webhook -Configuration @{ url = 'u'; auth_method = 'basic'; basic = @{ username = 'u'; password = [System.Text.StringBuilder]::new('x') } }",
                sandbox);
            var e = r.SingleError();
            Assert.StartsWith("UnsupportedConfigurationValue,", e.FullyQualifiedErrorId);
            Assert.Contains("basic.password", e.Exception.Message);
            var sent = sandbox.State.Requests.Last(x => x.Method == "POST" && x.Body.Contains("\"nested\"")).Json!;
            Assert.Equal("X-Token", (string?)sent["configuration"]!["header"]!["name"]);
            Assert.Equal(2, (int?)sent["configuration"]!["headers"]![1]!["value"]);
        }

        [Fact]
        public void Configuration_nested_too_deep_is_refused()
        {
            var r = Ps.Run("$c = @{ v = 1 }; foreach ($i in 1..40) { $c = @{ n = $c } }; New-PolytomicConnection -Name deep -Type stripe -Configuration @{ api_key = 'sk'; x = $c }", sandbox);
            Assert.StartsWith("ConfigurationTooDeep,", r.SingleError().FullyQualifiedErrorId);
        }
    }
}
