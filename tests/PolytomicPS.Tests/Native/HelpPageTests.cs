using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;

namespace PolytomicPS.Tests.Native
{
    /// <summary>Online help: every cmdlet's HelpUri (and the MAML's first link, which Get-Help -Online opens) points at
    /// its page in docs/cmdlets under the manifest's ProjectUri, that page is in the repository, and it is what
    /// tools/PolytomicPS.HelpGen makes from the current doc comments.</summary>
    public sealed class HelpPageTests
    {
        private static string Pages => Path.Combine(Repo.Root, "docs", "cmdlets");

        [Fact]
        public void Every_cmdlet_has_a_HelpUri_whose_page_is_in_the_repository()
        {
            var project = Regex.Match(File.ReadAllText(Path.Combine(Repo.Root, "PolytomicPS.psd1")), @"ProjectUri\s*=\s*'([^']+)'").Groups[1].Value;
            Assert.StartsWith("https://", project);
            var r = Ps.Run(@"foreach ($c in Get-Command -Module PolytomicPS -CommandType Cmdlet) {
                ""$($c.Name)|$($c.HelpUri)|$(@((Get-Help $c.Name).relatedLinks.navigationLink)[0].uri)"" }");
            r.AssertSuccess();
            var rows = r.Output.Select(o => o.ToString().Split('|')).ToList();
            Assert.True(rows.Count > 100);
            foreach (var row in rows)
            {
                var expected = $"{project}/blob/main/docs/cmdlets/{row[0]}.md";
                Assert.Equal(expected, row[1]);
                Assert.Equal(expected, row[2]);
                Assert.True(File.Exists(Path.Combine(Pages, row[0] + ".md")), row[0] + ".md is not in docs/cmdlets");
            }
            var pages = Directory.GetFiles(Pages, "*-*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(x => x).ToList();
            Assert.Equal(rows.Select(x => x[0]).OrderBy(x => x).ToList(), pages);
        }

        /// <summary>Regenerates the pages from a copy of the staged module (so the staged help is not rewritten under
        /// the other tests) and compares them with the repository's, byte for byte.</summary>
        [Fact]
        public void The_pages_are_what_HelpGen_makes_from_the_current_doc_comments()
        {
            var stage = Path.GetDirectoryName(PolytomicPS.Host.ScriptRunner.FindModuleManifest())!;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            var helpGen = Path.Combine(Repo.Root, "tools", "PolytomicPS.HelpGen", "bin", configuration, "net10.0", "PolytomicPS.HelpGen.dll");
            var docXml = Path.Combine(Repo.Root, "src", "PolytomicPS", "bin", configuration, "netstandard2.0", "PolytomicPS.xml");
            Assert.True(File.Exists(helpGen), helpGen);
            Assert.True(File.Exists(docXml), docXml);

            var temp = Path.Combine(Path.GetTempPath(), "polytomicps-pages-" + Guid.NewGuid().ToString("N"));
            try
            {
                var copy = Path.Combine(temp, "module");
                foreach (var file in Directory.GetFiles(stage, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(copy, Path.GetRelativePath(stage, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
                var fresh = Path.Combine(temp, "pages");
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in new[] { helpGen, copy, docXml, Path.Combine(Repo.Root, "docs", "about_PolytomicPS.md"), fresh }) start.ArgumentList.Add(a);
                using (var p = Process.Start(start)!)
                {
                    var stderr = p.StandardError.ReadToEndAsync();
                    p.StandardOutput.ReadToEnd();
                    Assert.True(p.WaitForExit(120000), "HelpGen did not finish");
                    Assert.True(p.ExitCode == 0, "HelpGen failed: " + stderr.Result);
                }
                var made = Directory.GetFiles(fresh).Select(Path.GetFileName).OrderBy(x => x).ToList();
                Assert.Equal(made, Directory.GetFiles(Pages).Select(Path.GetFileName).OrderBy(x => x).ToList());
                var stale = made.Where(f => File.ReadAllText(Path.Combine(fresh, f!)) != File.ReadAllText(Path.Combine(Pages, f!))).ToList();
                Assert.True(stale.Count == 0, "out of date in docs/cmdlets (build to regenerate): " + string.Join(", ", stale));
            }
            finally
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }
}
