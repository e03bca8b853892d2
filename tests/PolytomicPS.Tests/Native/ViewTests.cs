using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolytomicPS.Host;

namespace PolytomicPS.Tests.Native
{
    /// <summary>Every type an exported cmdlet declares with [OutputType] has a table view of 4–6 columns in
    /// the views files (src/PolytomicPS/Views/<Area>.Format.ps1xml), and rendering an object of it (Out-Default through the console host, as a user sees
    /// it) prints exactly those column headers.</summary>
    public sealed class ViewTests
    {
        /// <summary>Every views file, as one document (the order of the manifest does not matter for these checks).</summary>
        private static XDocument Views()
        {
            var all = new XElement("ViewDefinitions");
            foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "src", "PolytomicPS", "Views"), "*.Format.ps1xml"))
                all.Add(XDocument.Load(file).Descendants("View"));
            return new XDocument(new XElement("Configuration", all));
        }

        /// <summary>Table views by the type they select: their column labels (a label, else the property shown).</summary>
        private static Dictionary<string, List<string>> TableViews() =>
            Views().Descendants("View")
                .Where(v => v.Element("TableControl") != null)
                .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => (Type: t.Value.Trim(), View: v)))
                .GroupBy(x => x.Type)
                .ToDictionary(g => g.Key, g =>
                {
                    var table = g.First().View.Element("TableControl")!;
                    var headers = table.Descendants("TableColumnHeader").ToList();
                    var items = table.Descendants("TableColumnItem").ToList();
                    return headers.Select((h, i) => h.Element("Label")?.Value
                        ?? items.ElementAtOrDefault(i)?.Element("PropertyName")?.Value ?? "").ToList();
                });

        /// <summary>Output types of the exported cmdlets that are ours (not bool, string, void…).</summary>
        private static List<Type> OutputTypes()
        {
            var r = Ps.Run(@"foreach ($c in Get-Command -Module PolytomicPS -CommandType Cmdlet) {
                foreach ($o in $c.OutputType) { if ($o.Type) { $o.Type } } }");
            r.AssertSuccess();
            return r.Output.Select(o => (Type)o.BaseObject).Where(t => t.Namespace?.StartsWith("Polytomic") == true)
                .Distinct().OrderBy(t => t.FullName).ToList();
        }

        [Fact]
        public void Every_output_type_has_a_table_view_of_four_to_six_columns()
        {
            var views = TableViews();
            var types = OutputTypes();
            Assert.NotEmpty(types);
            var missing = types.Where(t => !views.ContainsKey(t.FullName!)).Select(t => t.FullName).ToList();
            Assert.True(missing.Count == 0, "no table view in src/PolytomicPS/Views for: " + string.Join(", ", missing));
            var wrong = types.Where(t => views[t.FullName!].Count is < 4 or > 6).Select(t => $"{t.FullName}: {views[t.FullName!].Count} columns").ToList();
            Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        }

        [Fact]
        public void List_views_of_the_wide_types_exist_and_name_real_properties()
        {
            var doc = Views();
            var lists = doc.Descendants("View").Where(v => v.Element("ListControl") != null).ToList();
            var listed = lists.Select(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value.Trim()).ToHashSet();
            foreach (var wide in new[] { "PolytomicConnection", "PolytomicModel", "PolytomicSync", "PolytomicSyncExecution" })
                Assert.Contains("Polytomic.Models." + wide, listed);
            var client = typeof(Polytomic.Models.PolytomicConnection).Assembly;
            foreach (var view in lists)
            {
                var type = client.GetType(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value.Trim(), throwOnError: true)!;
                foreach (var name in view.Descendants("ListItem").Select(i => i.Element("PropertyName")?.Value).Where(n => n != null))
                    Assert.True(type.GetProperty(name!) != null, $"{type.Name} has no property {name} (list view)");
            }
        }

        [Fact]
        public void Each_view_renders_its_columns_through_Out_Default()
        {
            var views = TableViews();
            var types = OutputTypes().Where(t => views.ContainsKey(t.FullName!)).ToList();
            var output = new StringWriter();
            var error = new StringWriter();
            var host = new ConsoleHost(output, error, interactive: false, width: 250);
            using var runspace = ScriptRunner.OpenRunspace(host);
            var noSample = new List<string>();
            foreach (var type in types)
            {
                using var ps = PowerShell.Create();
                ps.Runspace = runspace;
                ps.AddScript("param($Type) \"@@@ $($Type.FullName)\"; " + Sample(type, noSample) + " | ForEach-Object { $_ }").AddArgument(type)
                  .AddCommand("Out-Default");
                ps.Invoke();
                Assert.False(ps.HadErrors, type.FullName + ": " + string.Join(" | ", ps.Streams.Error));
            }
            Assert.True(noSample.Count == 0, "add a sample for (no public parameterless constructor): " + string.Join(", ", noSample));

            var text = output.ToString().Replace("\r\n", "\n");
            foreach (var type in types)
            {
                var start = text.IndexOf("@@@ " + type.FullName + "\n", StringComparison.Ordinal);
                Assert.True(start >= 0, type.FullName + " was not rendered");
                var end = text.IndexOf("@@@ ", start + 4, StringComparison.Ordinal);
                var block = text.Substring(start, (end < 0 ? text.Length : end) - start);
                var labels = views[type.FullName!];
                var header = new Regex("^" + string.Join(@"\s+", labels.Select(Regex.Escape)) + @"\s*$", RegexOptions.Multiline);
                Assert.True(header.IsMatch(block), $"{type.FullName} did not render the columns {string.Join(", ", labels)}:\n{block}");
            }
            Assert.DoesNotContain("\u001b[", text);
        }

        /// <summary>Script that outputs one object of the type: a new instance, or for types that only cmdlets make,
        /// the cmdlet (no network needed).</summary>
        private static string Sample(Type type, List<string> noSample)
        {
            if (type.FullName == "PolytomicPS.PolytomicSession")
                return "Connect-Polytomic -ApiKey 'view-test-key-000000000000' -BaseUrl 'http://127.0.0.1:9'";
            if (type.GetConstructor(Type.EmptyTypes) == null) { noSample.Add(type.FullName!); return "$null"; }
            return "$o = $Type::new(); foreach ($p in $o.PSObject.Properties) { if ($p.IsSettable -and $p.TypeNameOfValue -eq 'System.String') { $p.Value = 'sample' } }; $o";
        }
    }
}
