using System.IO;
using System.Text.RegularExpressions;

namespace PolytomicPS.Tests.Native
{
    /// <summary>What has one place in the module stays there (issue 24 items 2 and 3): every ErrorRecord is built by
    /// ErrorFactory, every wait sleeps in PolytomicCmdlet.Poll, and the run cmdlets' shared parameters are declared in
    /// RunCmdlet/RunWaitCmdlet only.</summary>
    public sealed class OnePlaceTests
    {
        private static IEnumerable<(string File, string Text)> Sources() =>
            Directory.GetFiles(Path.Combine(Repo.Root, "src", "PolytomicPS"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f)));

        [Fact]
        public void Only_ErrorFactory_constructs_an_ErrorRecord()
        {
            var builders = new Regex(@"new\s+(System\.Management\.Automation\.)?ErrorRecord\s*\(");
            var offenders = Sources().Where(s => Path.GetFileName(s.File) != "ErrorFactory.cs" && builders.IsMatch(s.Text)).Select(s => s.File).ToList();
            Assert.True(offenders.Count == 0, "these files build ErrorRecords themselves; use ErrorFactory: " + string.Join(", ", offenders));
            Assert.Contains(Sources(), s => Path.GetFileName(s.File) == "ErrorFactory.cs" && builders.IsMatch(s.Text));
        }

        [Fact]
        public void No_cmdlet_sleeps_or_polls_outside_Poll()
        {
            var waits = new Regex(@"\bSleep\s*\(|Task\.Delay\s*\(|WaitHandle\.WaitOne|\bStopwatch\b");
            var offenders = Sources().Where(s => !s.File.EndsWith("PolytomicCmdlet.Poll.cs") && !s.File.EndsWith("PolytomicCmdlet.cs"))
                .Where(s => waits.IsMatch(Regex.Replace(s.Text, @"^\s*///.*$", "", RegexOptions.Multiline))).Select(s => s.File).ToList();
            Assert.True(offenders.Count == 0, "these files wait by themselves; use PolytomicCmdlet.Poll: " + string.Join(", ", offenders));
        }

        [Fact]
        public void Run_cmdlets_declare_only_what_differs_by_kind()
        {
            var shared = new Regex(@"public\s+\S+\s+(TimeoutSeconds|PollIntervalSeconds|ExecutionId|PassThru)\s*\{");
            var runCmdlets = Sources().Where(s => s.File.Contains("Commands") && Regex.IsMatch(s.Text, @":\s*Run(Wait)?Cmdlet\b")).ToList();
            Assert.Equal(4, runCmdlets.Count);
            var offenders = runCmdlets.Where(s => shared.IsMatch(s.Text)).Select(s => s.File).ToList();
            Assert.True(offenders.Count == 0, "these run cmdlets declare a parameter RunCmdlet or RunWaitCmdlet declares: " + string.Join(", ", offenders));
        }
    }
}
