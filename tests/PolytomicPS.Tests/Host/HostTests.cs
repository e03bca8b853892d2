using System.IO;
using PolytomicPS.Host;

namespace PolytomicPS.Tests.Host
{
    /// <summary>The command-line host: renders with the module's views, errors to stderr, exit codes.</summary>
    public sealed class HostTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public HostTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private (int Code, string Out, string Err) Run(string script)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var host = new ConsoleHost(output, error, interactive: false, width: 160);
            var prologue = $"$null = Connect-Polytomic -ApiKey '{SandboxFixture.ApiKey}' -BaseUrl '{sandbox.Server.BaseUrl}'\n";
            var code = ScriptRunner.Run(host, error, prologue + script);
            return (code, output.ToString(), error.ToString());
        }

        [Fact]
        public void Output_is_rendered_as_the_modules_table_view_in_plain_text()
        {
            var (code, output, error) = Run("New-PolytomicConnection -Name 'Host View' -Type stripe -Configuration @{ api_key = 'sk' }");
            Assert.True(code == 0, error);
            var header = output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Name"));
            Assert.Matches(@"^Name\s+Type\s+Status\s+Id", header);
            Assert.Contains("Host View", output);
            Assert.DoesNotContain("\u001b[", output);
        }

        [Fact]
        public void A_written_error_goes_to_stderr_with_its_id_and_fails_the_run()
        {
            var (code, output, error) = Run("Get-PolytomicConnection -Id '00000000-0000-0000-0000-000000000000'; 'after'");
            Assert.Equal(1, code);
            Assert.Contains("after", output);
            Assert.Contains("FullyQualifiedErrorId: PolytomicApi.NotFound,PolytomicPS.Commands.GetPolytomicConnectionCommand", error);
        }

        [Fact]
        public void A_thrown_error_fails_the_run_and_exit_codes_pass_through()
        {
            Assert.Equal(1, Run("throw 'boom'").Code);
            Assert.Equal(7, Run("exit 7").Code);
            Assert.Equal(0, Run("'fine'").Code);
        }

        [Fact]
        public void A_prompt_in_a_non_interactive_host_fails_instead_of_hanging()
        {
            var (code, _, error) = Run("New-PolytomicConnection -Name 'Prompt' -Type stripe -Configuration @{ api_key = 'sk' } | Remove-PolytomicConnection");
            Assert.Equal(1, code);
            Assert.Contains("non-interactive", error);
        }

        [Fact]
        public void Arguments_are_passed_to_the_script_powershell_style()
        {
            Assert.Equal("& '/tmp/x.ps1' -ApiVersion '2025-09-18' 'it''s'", ScriptRunner.FileInvocation("/tmp/x.ps1", new[] { "-ApiVersion", "2025-09-18", "it's" }));
        }
    }
}
