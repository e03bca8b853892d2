using System.IO;
using System.Xml.Linq;

namespace PolytomicPS.Tests.Native
{
    /// <summary>Get-Help for every exported cmdlet is complete: generated MAML (from the doc comments) with a synopsis,
    /// a description, every parameter described and at least one example; plus the about topic.</summary>
    public sealed class HelpTests
    {
        // Runs in the hosted engine; prints one line per missing part so a failure names all of them at once.
        private const string CheckAll = @"
$common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name + 'WhatIf', 'Confirm'
foreach ($c in Get-Command -Module PolytomicPS -CommandType Cmdlet) {
    $h = Get-Help $c.Name -Full
    $text = { param($x) (@($x) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join ' ' }
    if (-not $h.details -or [string]::IsNullOrWhiteSpace((& $text $h.details.description))) { ""$($c.Name): no synopsis"" }
    if ([string]::IsNullOrWhiteSpace((& $text $h.description))) { ""$($c.Name): no description"" }
    $examples = @($h.examples.example | Where-Object { -not [string]::IsNullOrWhiteSpace($_.code) })
    if ($examples.Count -eq 0) { ""$($c.Name): no example"" }
    foreach ($e in $examples) {
        if ([string]::IsNullOrWhiteSpace((& $text $e.remarks))) { ""$($c.Name): an example without an explanation"" }
        if ($e.code -notmatch [regex]::Escape($c.Name)) { ""$($c.Name): an example that does not use it"" }
    }
    $documented = @{}
    foreach ($p in @($h.parameters.parameter)) {
        if (-not $p.name) { continue }
        $documented[$p.name] = $true
        if ([string]::IsNullOrWhiteSpace((& $text $p.description))) { ""$($c.Name) -$($p.name): no description"" }
    }
    foreach ($name in $c.Parameters.Keys) {
        if ($common -notcontains $name -and -not $documented[$name]) { ""$($c.Name) -$($name): missing from help"" }
    }
}";

        [Fact]
        public void Every_exported_cmdlet_has_full_help()
        {
            var r = Ps.Run("@(Get-Command -Module PolytomicPS -CommandType Cmdlet).Count\n" + CheckAll);
            r.AssertSuccess();
            Assert.True((int)r.Output[0].BaseObject > 0);
            var problems = r.Output.Skip(1).Select(o => o.ToString()).ToList();
            Assert.True(problems.Count == 0, "incomplete help:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void Help_is_the_generated_maml_file_beside_the_module()
        {
            var stage = Path.GetDirectoryName(PolytomicPS.Host.ScriptRunner.FindModuleManifest())!;
            var maml = Path.Combine(stage, "en-US", "PolytomicPS.dll-Help.xml");
            Assert.True(File.Exists(maml), maml);
            var names = XDocument.Load(maml).Descendants(XName.Get("name", "http://schemas.microsoft.com/maml/dev/command/2004/10"))
                .Select(n => n.Value).ToList();
            var r = Ps.Run("(Get-Command -Module PolytomicPS -CommandType Cmdlet).Name; (Get-Command Connect-Polytomic).HelpFile");
            r.AssertSuccess();
            var cmdlets = r.Output.Take(r.Output.Count - 1).Select(o => o.ToString()).ToList();
            Assert.Equal(cmdlets.OrderBy(x => x), names.OrderBy(x => x));
            Assert.EndsWith("PolytomicPS.dll-Help.xml", r.Output.Last().ToString());
        }

        [Fact]
        public void Examples_show_code_and_an_explanation()
        {
            var r = Ps.Run("$h = Get-Help New-PolytomicConnection -Examples; $h.examples.example[0].code; ($h.examples.example[0].remarks | ForEach-Object Text) -join ' '");
            r.AssertSuccess();
            Assert.Contains("New-PolytomicConnection", r.Output[0].ToString());
            Assert.False(string.IsNullOrWhiteSpace(r.Output[1].ToString()));
        }

        [Fact]
        public void The_about_topic_is_found_by_get_help()
        {
            var r = Ps.Run("Get-Help about_PolytomicPS | ForEach-Object { \"$_\" }");
            r.AssertSuccess();
            var text = string.Join("\n", r.Output.Select(o => o.ToString()));
            Assert.Contains("about_PolytomicPS", text);
            Assert.Contains("Runbooks and Azure Automation".ToUpperInvariant(), text);
            Assert.Contains("-Confirm:$false", File.ReadAllText(Path.Combine(Repo.Root, "docs", "about_PolytomicPS.md")));
            var stage = Path.GetDirectoryName(PolytomicPS.Host.ScriptRunner.FindModuleManifest())!;
            var about = File.ReadAllText(Path.Combine(stage, "en-US", "about_PolytomicPS.help.txt"));
            Assert.StartsWith("TOPIC", about);
            Assert.Contains("SHORT DESCRIPTION", about);
            Assert.Contains("-Confirm:$false", about);
        }

        /// <summary>Parameters New- and Set- inherit from one settings class (SyncSettingsCmdlet, ...) keep each cmdlet's
        /// wording: the class's summary, or the Set- cmdlet's own &lt;parameter name&gt; text.</summary>
        [Theory]
        [InlineData("New-PolytomicSync", "Filter", "Filters on the model's records")]
        [InlineData("Set-PolytomicSync", "Filter", "New filters that replace the current ones")]
        [InlineData("New-PolytomicSync", "FilterLogic", "How the filters combine, by label")]
        [InlineData("Set-PolytomicSync", "FilterLogic", "How the filters combine, by label")]
        [InlineData("New-PolytomicBulkSync", "Policy", "Ids of the permission policies to apply to the bulk sync.")]
        [InlineData("Set-PolytomicBulkSync", "Policy", "Ids of permission policies; they replace the current ones.")]
        [InlineData("Set-PolytomicBulkSync", "NormalizeNames", "How names are normalized in the destination")]
        [InlineData("New-PolytomicModel", "Label", "Labels to give the model.")]
        [InlineData("Set-PolytomicModel", "Label", "Labels; replace the current ones.")]
        public void An_inherited_parameter_is_described_in_its_cmdlets_own_words(string cmdlet, string parameter, string text)
        {
            var r = Ps.Run($"(Get-Command {cmdlet}).Parameters['{parameter}'].ParameterType.FullName; " +
                           $"(Get-Help {cmdlet} -Parameter {parameter}).description.Text -join ' '");
            r.AssertSuccess();
            Assert.NotEmpty(r.Output[0].ToString());
            Assert.StartsWith(text, r.Output[1].ToString());
        }
    }
}
