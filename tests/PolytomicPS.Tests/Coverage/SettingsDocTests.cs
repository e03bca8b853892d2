using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolytomicPS.Tests.Coverage
{
    /// <summary>docs/settings.md maps every writable field of a model, a model sync, a bulk sync and a bulk schema, on
    /// both API versions, to a parameter (or says why not); these tests keep it true against the OpenAPI documents and
    /// the cmdlets.</summary>
    public sealed class SettingsDocTests
    {
        private static readonly string[] Versions = { "2024-02-08", "2025-09-18" };

        /// <summary>The doc's sections, the request schemas that define each object's writable fields, and its cmdlets.</summary>
        private static readonly (string Section, string[] Schemas, string? PutPath, string[] Cmdlets)[] Objects =
        {
            ("Model", new[] { "CreateModelRequest", "UpdateModelRequest" }, null, new[] { "New-PolytomicModel", "Set-PolytomicModel" }),
            ("Model sync", new[] { "CreateModelSyncRequest", "UpdateModelSyncRequest", "CreateSyncRequest", "UpdateSyncRequest" }, null,
                new[] { "New-PolytomicSync", "Set-PolytomicSync" }),
            ("Bulk sync", new[] { "CreateBulkSyncRequest", "UpdateBulkSyncRequest" }, null, new[] { "New-PolytomicBulkSync", "Set-PolytomicBulkSync" }),
            ("Bulk schema", new string[0], "/api/bulk/syncs/{}/schemas/{}", new[] { "Set-PolytomicBulkSchema" }),
        };

        private sealed record Row(string Section, string Field, string Versions, string Parameter, string WorkspaceKey);

        private static List<Row> Doc()
        {
            var rows = new List<Row>();
            string? section = null;
            foreach (var line in File.ReadLines(Path.Combine(Repo.Root, "docs", "settings.md")))
            {
                if (line.StartsWith("## ")) { section = line.Substring(3).Trim(); continue; }
                var m = Regex.Match(line, @"^\|\s*`(\w+)`\s*\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$");
                if (m.Success && section != null)
                    rows.Add(new Row(section, m.Groups[1].Value, m.Groups[2].Value, m.Groups[4].Value, m.Groups[5].Value));
            }
            return rows;
        }

        /// <summary>Writable field → the versions whose request schemas have it, for one object.</summary>
        private static Dictionary<string, SortedSet<string>> SpecFields(string[] schemas, string? putPath)
        {
            var fields = new Dictionary<string, SortedSet<string>>();
            foreach (var version in Versions)
            {
                var file = Path.Combine(Repo.Shared, "polytomic-api", $"openapi.sdk-derived.{version}.json");
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                var names = new List<string>();
                var components = doc.RootElement.GetProperty("components").GetProperty("schemas");
                foreach (var s in schemas)
                    if (components.TryGetProperty(s, out var schema) && schema.TryGetProperty("properties", out var props))
                        names.AddRange(props.EnumerateObject().Select(p => p.Name));
                if (putPath != null)
                    foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
                        if (Regex.Replace(path.Name, "\\{[^}]+\\}", "{}") == putPath && path.Value.TryGetProperty("put", out var put))
                            names.AddRange(put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
                                .GetProperty("schema").GetProperty("properties").EnumerateObject().Select(p => p.Name));
                foreach (var n in names)
                {
                    if (!fields.TryGetValue(n, out var set)) fields[n] = set = new SortedSet<string>();
                    set.Add(version);
                }
            }
            return fields;
        }

        private static string VersionLabel(SortedSet<string> versions) => versions.Count == 2 ? "both" : versions.Single();

        [Fact]
        public void Every_writable_field_of_both_versions_has_exactly_one_row_with_the_right_versions()
        {
            var rows = Doc();
            var problems = new List<string>();
            foreach (var (section, schemas, putPath, _) in Objects)
            {
                var spec = SpecFields(schemas, putPath);
                Assert.NotEmpty(spec);
                var mine = rows.Where(r => r.Section == section).ToList();
                foreach (var kv in spec)
                {
                    var matches = mine.Where(r => r.Field == kv.Key).ToList();
                    if (matches.Count == 0) problems.Add($"{section}: writable field '{kv.Key}' ({VersionLabel(kv.Value)}) is neither mapped nor left out with a reason");
                    else if (matches.Count > 1) problems.Add($"{section}: '{kv.Key}' has {matches.Count} rows");
                    else if (matches[0].Versions != VersionLabel(kv.Value))
                        problems.Add($"{section}: '{kv.Key}' says {matches[0].Versions}; the schemas have it on {VersionLabel(kv.Value)}");
                }
                foreach (var r in mine.Where(r => !spec.ContainsKey(r.Field)))
                    problems.Add($"{section}: '{r.Field}' is in the doc but in no request schema");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        /// <summary>One item of a Parameter cell: the cmdlets it applies to and the parameter (null for a whole cmdlet).</summary>
        private static IEnumerable<(string[] Cmdlets, string? Parameter, bool Pending)> Items(Row row, string[] cmdlets)
        {
            if (row.Parameter.StartsWith("Left out:")) yield break;
            foreach (var raw in row.Parameter.Split(';').Select(x => x.Trim()))
            {
                var pending = raw.StartsWith("Not yet:");
                var item = pending ? raw.Substring("Not yet:".Length).Trim() : raw;
                var m = Regex.Match(item, @"^(?:(New|Set)\s+)?`?(-\w+)`?$");
                if (m.Success)
                {
                    var verb = m.Groups[1].Value;
                    yield return (verb.Length == 0 ? cmdlets : cmdlets.Where(c => c.StartsWith(verb + "-")).ToArray(), m.Groups[2].Value.Substring(1), pending);
                    continue;
                }
                var c = Regex.Match(item, @"^`([A-Z][a-z]+-Polytomic\w+)`$");
                Assert.True(c.Success, $"{row.Section} '{row.Field}': cannot read the parameter item '{raw}'");
                yield return (new[] { c.Groups[1].Value }, null, pending);
            }
        }

        /// <summary>Every exported cmdlet → its parameter names and aliases, as the loaded module reports them.</summary>
        private static Dictionary<string, HashSet<string>> CmdletParameters()
        {
            var r = Ps.Run("foreach ($c in Get-Command -Module PolytomicPS -CommandType Cmdlet) { foreach ($p in $c.Parameters.Values) { " +
                           "\"$($c.Name)|$($p.Name)\"; foreach ($a in $p.Aliases) { \"$($c.Name)|$a\" } } }");
            r.AssertSuccess();
            var result = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in r.Output.Select(o => o.ToString()))
            {
                var parts = line.Split('|');
                if (!result.TryGetValue(parts[0], out var set)) result[parts[0]] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                set.Add(parts[1]);
            }
            Assert.True(result.Count > 50, "the module's cmdlets were not listed");
            return result;
        }

        [Fact]
        public void Every_row_is_mapped_to_parameters_that_exist_or_says_why_not()
        {
            var types = CmdletParameters();
            var problems = new List<string>();
            foreach (var (section, _, _, cmdlets) in Objects)
                foreach (var row in Doc().Where(r => r.Section == section))
                {
                    if (row.Parameter.StartsWith("Left out:"))
                    {
                        if (row.Parameter.Length < "Left out:".Length + 20) problems.Add($"{section} '{row.Field}': left out without a reason");
                        continue;
                    }
                    var items = Items(row, cmdlets).ToList();
                    if (items.Count == 0) problems.Add($"{section} '{row.Field}': no parameter");
                    foreach (var (on, parameter, pending) in items)
                        foreach (var name in on)
                        {
                            if (!types.TryGetValue(name, out var type)) { problems.Add($"{section} '{row.Field}': no cmdlet {name}"); continue; }
                            var has = parameter == null || type.Contains(parameter);
                            // A pending parameter that now exists must lose its "Not yet:".
                            if (pending && parameter != null && has) problems.Add($"{section} '{row.Field}': {name} -{parameter} exists; drop 'Not yet:'");
                            if (!pending && !has) problems.Add($"{section} '{row.Field}': {name} has no parameter -{parameter}");
                        }
                }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void The_fields_issue_26_names_are_in_the_doc()
        {
            var rows = Doc();
            foreach (var (section, field) in new[]
                     {
                         ("Model", "relations"), ("Model", "enricher"), ("Model", "additional_fields"), ("Model sync", "overrides"),
                         ("Model sync", "override_fields"), ("Model sync", "encryption_passphrase"), ("Model sync", "only_enrich_updates"),
                         ("Bulk sync", "automatically_add_new_fields"), ("Bulk sync", "concurrency_limit"), ("Bulk sync", "additional_schedules"),
                         ("Bulk schema", "filters"), ("Bulk schema", "disable_data_cutoff"),
                     })
                Assert.Single(rows, r => r.Section == section && r.Field == field);
        }
    }
}
