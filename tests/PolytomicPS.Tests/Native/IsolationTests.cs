using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;

namespace PolytomicPS.Tests.Native
{
    /// <summary>Dependency isolation on PowerShell 7: in a process that does not ship Polytomic.Client (the console
    /// host, like pwsh), the module's Polytomic.Client and Polly.Core load into the module's own AssemblyLoadContext,
    /// even when another copy of Polly.Core was loaded into the default context first; and only once a cmdlet runs, not
    /// at import.</summary>
    public sealed class IsolationTests
    {
        [Fact]
        public void Our_dependencies_load_into_the_modules_own_context_beside_another_modules_copy()
        {
            var dir = Directory.CreateTempSubdirectory("polytomicps-isolation").FullName;
            try
            {
                // "Another module's" Polly.Core: same name, an older version, a different assembly.
                var decoy = Path.Combine(dir, "Polly.Core.dll");
                var builder = new PersistedAssemblyBuilder(new AssemblyName("Polly.Core") { Version = new Version(7, 0, 0, 0) }, typeof(object).Assembly);
                builder.DefineDynamicModule("Polly.Core").DefineType("Polly.Decoy", TypeAttributes.Public).CreateType();
                builder.Save(decoy);
                // The host imports this empty module; the script loads the decoy and only then imports PolytomicPS.
                var placeholder = Path.Combine(dir, "Placeholder.psd1");
                File.WriteAllText(placeholder, "@{ ModuleVersion = '0.0.1' }");
                var manifest = PolytomicPS.Host.ScriptRunner.FindModuleManifest();

                var script = $@"
$null = [System.Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyPath('{decoy}')
Import-Module '{manifest}'
# Lazy: importing loads none of the dependencies; the first cmdlet run does.
'at-import=' + @([System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object {{ $_.GetName().Name -in 'Polytomic.Client', 'System.Reflection.Metadata' }}).Count
$null = Connect-Polytomic
$types = @(Get-PolytomicConnectionType)
'types=' + $types.Count
'client=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($types[0].GetType().Assembly).Name
foreach ($a in [System.AppDomain]::CurrentDomain.GetAssemblies()) {{
    if ($a.GetName().Name -eq 'Polly.Core') {{ 'polly=' + $a.GetName().Version + '@' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).Name }}
}}";
                var (code, output, error) = RunHost(script, placeholder);
                Assert.True(code == 0, output + error);
                Assert.Contains("at-import=0", output);
                Assert.Contains("client=PolytomicPS", output);
                Assert.Matches(@"types=[1-9]", output);
                Assert.Contains("polly=7.0.0.0@Default", output);
                Assert.Contains("polly=8.0.0.0@PolytomicPS", output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void The_staged_module_keeps_only_its_own_dll_at_the_root()
        {
            var stage = Path.GetDirectoryName(PolytomicPS.Host.ScriptRunner.FindModuleManifest())!;
            Assert.Equal(new[] { "PolytomicPS.dll" }, Directory.GetFiles(stage, "*.dll").Select(Path.GetFileName).ToArray());
            var deps = Directory.GetFiles(Path.Combine(stage, "dependencies"), "*.dll").Select(Path.GetFileName).ToList();
            Assert.Contains("Polytomic.Client.dll", deps);
            Assert.Contains("Polly.Core.dll", deps);
            Assert.Contains("System.Text.Json.dll", deps);
        }

        /// <summary>Runs the console host's own build (its bin has no Polytomic.Client, like pwsh) with an in-process sandbox.</summary>
        private static (int Code, string Out, string Err) RunHost(string script, string moduleManifest)
        {
            var config = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // …/bin/<Configuration>/net10.0/
            var host = Path.Combine(Repo.Root, "src", "PolytomicPS.Host", "bin", config, "net10.0", "PolytomicPS.Host.dll");
            Assert.True(File.Exists(host), host);
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "exec", host, "--sandbox", "-Command", script }) psi.ArgumentList.Add(a);
            psi.Environment[PolytomicPS.Host.ScriptRunner.ModulePathVariable] = moduleManifest;
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(120_000), "the host did not finish");
            return (p.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
