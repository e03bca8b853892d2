using System.IO;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PolytomicPS.Tests.Native
{
    /// <summary>build.ps1 runs in the hosted engine (language + dotnet + .NET only) and its Package task makes the
    /// Azure Automation zip; everything staged runs on .NET Framework 4.7.2 and .NET 6.</summary>
    public sealed class PackagingTests
    {
        [Fact]
        public void Build_ps1_Package_stages_the_module_and_zips_it_for_Azure_Automation()
        {
            var dir = Directory.CreateTempSubdirectory("polytomicps-package").FullName;
            try
            {
                var r = Ps.Run($"& '{Path.Combine(Repo.Root, "build.ps1")}' -Task Package -OutputPath '{dir}'");
                Assert.True(r.Thrown == null, r.Thrown?.Message + "\n" + string.Join("\n", r.Output));
                var version = new DirectoryInfo(Path.GetDirectoryName(PolytomicPS.Host.ScriptRunner.FindModuleManifest())!).Name;
                var stage = Path.Combine(dir, "PolytomicPS", version);
                Assert.Contains(r.Output, o => o.ToString() == "Module staged in " + stage);

                var zip = Path.Combine(dir, "PolytomicPS.zip");
                Assert.True(File.Exists(zip), string.Join("\n", r.Output));
                using (var archive = ZipFile.OpenRead(zip))
                {
                    var entries = archive.Entries.Select(e => e.FullName).ToList();
                    Assert.All(entries, e => Assert.StartsWith("PolytomicPS/", e));
                    Assert.All(entries, e => Assert.True(e.Length < 140, e));
                    foreach (var expected in new[] { "PolytomicPS.psd1", "PolytomicPS.dll", "Connections.Format.ps1xml", "SyncRuns.Format.ps1xml",
                        "LICENSE", "en-US/PolytomicPS.dll-Help.xml", "en-US/about_PolytomicPS.help.txt", "dependencies/Polytomic.Client.dll",
                        "dependencies/System.Text.Json.dll", "dependencies/Polly.Core.dll" })
                        Assert.Contains("PolytomicPS/" + expected, entries);
                }
                Assert.Contains($"ModuleVersion        = '{version}'", File.ReadAllText(Path.Combine(stage, "PolytomicPS.psd1")));
                AssertRunsOnOldRuntimes(stage);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void The_dev_staged_module_needs_no_newer_runtime_than_net472_or_net6()
        {
            AssertRunsOnOldRuntimes(Path.GetDirectoryName(PolytomicPS.Host.ScriptRunner.FindModuleManifest())!);
        }

        /// <summary>Azure Automation: 5.1 is .NET Framework 4.7.2, 7.2 is .NET 6. Every staged assembly must target
        /// netstandard2.0 (or lower) and reference no newer framework; System.Text.Json stays on 8.0.x on purpose.</summary>
        private static void AssertRunsOnOldRuntimes(string stage)
        {
            var dlls = Directory.GetFiles(stage, "*.dll", SearchOption.AllDirectories);
            Assert.NotEmpty(dlls);
            foreach (var dll in dlls)
            {
                using var pe = new PEReader(File.OpenRead(dll));
                var md = pe.GetMetadataReader();
                var tfm = TargetFramework(md);
                if (tfm != null)
                    Assert.True(tfm.StartsWith(".NETStandard,Version=v2.0") || tfm.StartsWith(".NETStandard,Version=v1."), $"{Path.GetFileName(dll)} targets {tfm}");
                foreach (var h in md.AssemblyReferences)
                {
                    var a = md.GetAssemblyReference(h);
                    var name = md.GetString(a.Name);
                    Assert.NotEqual("System.Private.CoreLib", name);
                    if (name == "netstandard") Assert.True(a.Version <= new Version(2, 0, 0, 0), $"{Path.GetFileName(dll)} needs netstandard {a.Version}");
                    if (name == "System.Runtime") Assert.True(a.Version < new Version(4, 3), $"{Path.GetFileName(dll)} needs System.Runtime {a.Version}");
                }
            }
            var json = System.Diagnostics.FileVersionInfo.GetVersionInfo(Path.Combine(stage, "dependencies", "System.Text.Json.dll"));
            Assert.StartsWith("8.0.", json.FileVersion);
        }

        private static string? TargetFramework(MetadataReader md)
        {
            foreach (var h in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attr = md.GetCustomAttribute(h);
                if (attr.Constructor.Kind != HandleKind.MemberReference) continue;
                var ctor = md.GetMemberReference((MemberReferenceHandle)attr.Constructor);
                if (ctor.Parent.Kind != HandleKind.TypeReference) continue;
                if (md.GetString(md.GetTypeReference((TypeReferenceHandle)ctor.Parent).Name) != "TargetFrameworkAttribute") continue;
                var blob = md.GetBlobReader(attr.Value);
                blob.ReadUInt16(); // prolog
                return blob.ReadSerializedString();
            }
            return null;
        }
    }
}
