using System.Collections;
using System.IO;
using System.Management.Automation.Language;
using System.Xml.Linq;

namespace PolytomicPS.Tests.Native
{
    /// <summary>The manifest: Test-ModuleManifest passes on the staged copy, CmdletsToExport is exactly the cmdlets in
    /// the dll, and the gallery/Azure Automation metadata is there.</summary>
    public sealed class ManifestTests
    {
        private static string Stage => Path.GetDirectoryName(PolytomicPS.Host.ScriptRunner.FindModuleManifest())!;

        private static string PropsVersion =>
            XDocument.Load(Path.Combine(Repo.Root, "Directory.Build.props")).Descendants("Version").First().Value;

        /// <summary>The manifest read as data by the PowerShell language, as Import-PowerShellDataFile does.</summary>
        private static Hashtable Data(string path)
        {
            var ast = Parser.ParseFile(path, out _, out var errors);
            Assert.Empty(errors);
            var table = ast.Find(a => a is HashtableAst, false) as HashtableAst;
            Assert.NotNull(table);
            return (Hashtable)table!.SafeGetValue();
        }

        private static string[] Strings(object? value) => value switch
        {
            null => Array.Empty<string>(),
            string s => new[] { s },
            object[] a => a.Select(x => x?.ToString() ?? "").ToArray(),
            _ => new[] { value.ToString()! },
        };

        [Fact]
        public void Test_ModuleManifest_passes_on_the_staged_manifest_with_the_one_version()
        {
            var r = Ps.Run($"$m = Test-ModuleManifest -Path '{Path.Combine(Stage, "PolytomicPS.psd1")}'; [string]$m.Version; $m.CompatiblePSEditions -join ','; [string]$m.PowerShellVersion; @($m.ExportedCmdlets.Keys).Count");
            r.AssertSuccess();
            Assert.Equal(PropsVersion, r.Output[0].ToString());
            Assert.Equal("Desktop,Core", r.Output[1].ToString());
            Assert.Equal("5.1", r.Output[2].ToString());
            Assert.True((int)r.Output[3].BaseObject > 0);
            Assert.Equal("0.0.0", Data(Path.Combine(Repo.Root, "PolytomicPS.psd1"))["ModuleVersion"]); // stamped at build only
            Assert.Equal(PropsVersion, new DirectoryInfo(Stage).Name);
        }

        [Fact]
        public void CmdletsToExport_is_the_explicit_sorted_list_of_cmdlets_in_the_assembly()
        {
            var listed = Strings(Data(Path.Combine(Repo.Root, "PolytomicPS.psd1"))["CmdletsToExport"]);
            Assert.DoesNotContain(listed, n => n.IndexOfAny(new[] { '*', '?', '[' }) >= 0);
            Assert.Equal(listed.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), listed);
            var r = Ps.Run(@"(Get-Module PolytomicPS).ImplementingAssembly.GetExportedTypes() |
                ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { $_.VerbName + '-' + $_.NounName }");
            r.AssertSuccess();
            var inAssembly = r.Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
            Assert.NotEmpty(inAssembly);
            Assert.Equal(inAssembly, listed.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList());
        }

        [Fact]
        public void The_manifest_declares_editions_views_and_gallery_metadata()
        {
            var m = Data(Path.Combine(Stage, "PolytomicPS.psd1"));
            Assert.Equal("PolytomicPS.dll", m["RootModule"]);
            Assert.Equal(new[] { "Desktop", "Core" }, Strings(m["CompatiblePSEditions"]));
            Assert.Equal("5.1", m["PowerShellVersion"]);
            Assert.Equal("4.7.2", m["DotNetFrameworkVersion"]);
            foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport" })
                Assert.True(m[key] is object[] { Length: 0 }, key + " must be @()");
            foreach (var file in Strings(m["FormatsToProcess"]))
                Assert.True(File.Exists(Path.Combine(Stage, file)), file);
            Assert.NotEmpty(Strings(m["FormatsToProcess"]));
            // No types file: the format views cover display, and loading one slows every import (BENCHMARKS.md, import).
            Assert.False(m.ContainsKey("TypesToProcess"));
            var psData = (Hashtable)((Hashtable)m["PrivateData"]!)["PSData"]!;
            var tags = Strings(psData["Tags"]);
            foreach (var tag in new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" }) Assert.Contains(tag, tags);
            foreach (var key in new[] { "ProjectUri", "LicenseUri", "ReleaseNotes" })
                Assert.False(string.IsNullOrWhiteSpace(psData[key] as string), key);
            Assert.True(File.Exists(Path.Combine(Repo.Root, "LICENSE")));
            Assert.Contains("MIT License", File.ReadAllText(Path.Combine(Repo.Root, "LICENSE")));
            Assert.True(File.Exists(Path.Combine(Stage, "LICENSE")));
        }
    }
}
