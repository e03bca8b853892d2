using System.IO;
using System.Management.Automation.Language;

namespace PolytomicPS.Tests.Native
{
    /// <summary>A fast guard beside the real run of the Pester files (build.ps1 -Task Test runs them in pwsh): parsed
    /// here, every command they call must exist (the module's, the engine's, Pester's, a standard pwsh cmdlet or a
    /// function of the test and tool scripts) and every parameter they pass to a command that exists here must be one
    /// of its parameters or aliases.</summary>
    public sealed class PesterFileTests
    {
        private static readonly HashSet<string> Pester = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Describe", "Context", "It", "BeforeAll", "AfterAll", "BeforeEach", "AfterEach", "BeforeDiscovery", "Should",
            "Mock", "InModuleScope", "Set-ItResult", "Invoke-Pester", "New-PesterConfiguration",
        };

        // In every pwsh / Windows PowerShell, but not in the bare hosted engine (names only are checked).
        private static readonly HashSet<string> StandardCmdlets = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Import-PowerShellDataFile", "Sort-Object", "Select-Object", "Start-Process", "Stop-Process", "Start-Sleep",
            "Join-Path", "Test-Path", "Get-Date", "Write-Host", "Out-String", "ConvertTo-Json", "ConvertFrom-Json",
            "Remove-Item", "New-Item", "Get-Content", "Set-Content", "Get-Random", "Measure-Object", "Group-Object",
            "Format-Table", "Format-List", "ConvertTo-SecureString", "Invoke-RestMethod", "Invoke-WebRequest", "Push-Location",
            "Pop-Location", "Get-ChildItem", "Select-String", "Get-FileHash", "Start-Transcript", "Stop-Transcript",
        };

        private static List<string> PesterFiles() =>
            Directory.GetFiles(Path.Combine(Repo.Root, "tests"), "*.Tests.ps1", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)).OrderBy(f => f).ToList();

        [Fact]
        public void Every_command_and_parameter_in_the_Pester_files_exists()
        {
            var files = PesterFiles();
            Assert.NotEmpty(files);
            var uses = new List<(string File, int Line, string Command, List<string> Parameters)>();
            foreach (var file in files)
            {
                var ast = Parser.ParseFile(file, out _, out var errors);
                Assert.True(errors.Length == 0, file + ": " + string.Join("; ", errors.Select(e => e.Extent.StartLineNumber + " " + e.Message)));
                foreach (CommandAst c in ast.FindAll(a => a is CommandAst, true))
                {
                    var name = c.GetCommandName();
                    if (string.IsNullOrEmpty(name) || c.InvocationOperator == TokenKind.Ampersand && name.Contains('$')) continue;
                    var ps = c.CommandElements.OfType<CommandParameterAst>().Select(p => p.ParameterName).ToList();
                    uses.Add((Path.GetFileName(file), c.Extent.StartLineNumber, name, ps));
                }
            }
            Assert.Contains(uses, u => u.Command.Contains("-Polytomic", StringComparison.OrdinalIgnoreCase));

            // Parameters and aliases of every command the hosted engine (with the module) knows, plus the common ones.
            var names = uses.Select(u => u.Command).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var r = Ps.Run(@"
$common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name + 'WhatIf', 'Confirm'
foreach ($n in $Names) {
    $c = @(Get-Command $n -ErrorAction SilentlyContinue)[0]
    if (-not $c) { continue }
    $ps = foreach ($p in $c.Parameters.Values) { $p.Name; $p.Aliases }
    (@($n) + $ps + $common) -join '|'
}", variables: new Dictionary<string, object?> { ["Names"] = names.ToArray() });
            r.AssertSuccess();
            var known = r.Output.Select(o => o.ToString()!.Split('|'))
                .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => new HashSet<string>(g.First().Skip(1), StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

            var functions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var script in Directory.GetFiles(Path.Combine(Repo.Root, "tools"), "*.ps*1").Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "pester"), "*.ps*1")))
                foreach (FunctionDefinitionAst f in Parser.ParseFile(script, out _, out _).FindAll(a => a is FunctionDefinitionAst, true))
                    functions.Add(f.Name);

            var problems = new List<string>();
            foreach (var (file, line, command, parameters) in uses)
            {
                if (Pester.Contains(command) || command.StartsWith("Should-", StringComparison.OrdinalIgnoreCase) || functions.Contains(command)) continue;
                if (!known.TryGetValue(command, out var valid))
                {
                    if (!StandardCmdlets.Contains(command) || command.Contains("Polytomic", StringComparison.OrdinalIgnoreCase))
                        problems.Add($"{file}:{line}: unknown command {command}");
                    continue;
                }
                foreach (var p in parameters.Where(p => !valid.Contains(p)))
                    problems.Add($"{file}:{line}: {command} has no parameter -{p}");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Every_exported_cmdlet_is_exercised_by_a_Pester_file()
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in PesterFiles())
                foreach (CommandAst c in Parser.ParseFile(file, out _, out _).FindAll(a => a is CommandAst, true))
                    if (c.GetCommandName() is string n) used.Add(n);
            var r = Ps.Run("(Get-Command -Module PolytomicPS -CommandType Cmdlet).Name");
            r.AssertSuccess();
            var missing = r.Output.Select(o => o.ToString()!).Where(n => !used.Contains(n)).ToList();
            Assert.True(missing.Count == 0, "no Pester test uses: " + string.Join(", ", missing));
        }

        /// <summary>Pester set-up is the TestSandbox.psm1 module of paired functions that return what callers
        /// use, never a script dot-sourced into the caller's scope. Every Start-TestSandbox has its Stop-TestSandbox.</summary>
        [Fact]
        public void Pester_files_set_up_through_TestSandbox_module_in_pairs()
        {
            var pester = Path.Combine(Repo.Root, "tests", "pester");
            Assert.False(File.Exists(Path.Combine(pester, "Sandbox.ps1")), "tests/pester/Sandbox.ps1 is back; use TestSandbox.psm1");
            Assert.True(File.Exists(Path.Combine(pester, "TestSandbox.psm1")));
            var problems = new List<string>();
            var starting = 0;
            foreach (var file in PesterFiles())
            {
                var name = Path.GetFileName(file);
                var commands = Parser.ParseFile(file, out _, out _).FindAll(a => a is CommandAst, true).Cast<CommandAst>().ToList();
                foreach (var c in commands.Where(c => c.InvocationOperator == TokenKind.Dot
                             && c.CommandElements[0].Extent.Text.Contains("Sandbox", StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"{name}:{c.Extent.StartLineNumber}: dot-sources {c.CommandElements[0].Extent.Text}");
                int Count(string n) => commands.Count(c => string.Equals(c.GetCommandName(), n, StringComparison.OrdinalIgnoreCase));
                var starts = Count("Start-TestSandbox");
                starting += starts;
                if (starts != Count("Stop-TestSandbox"))
                    problems.Add($"{name}: {starts} Start-TestSandbox but {Count("Stop-TestSandbox")} Stop-TestSandbox");
                if (starts > 0 && !commands.Any(c => string.Equals(c.GetCommandName(), "Import-Module", StringComparison.OrdinalIgnoreCase)
                                                     && c.Extent.Text.Contains("'TestSandbox.psm1'")))
                    problems.Add($"{name}: calls Start-TestSandbox without importing TestSandbox.psm1");
            }
            Assert.True(starting > 0, "no Pester file starts a sandbox");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
