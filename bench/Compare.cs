using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace PolytomicPS.Bench
{
    /// <summary>`--compare &lt;module folder&gt;`: the real-pwsh per-call, list and cold figures of another build of the module
    /// (before) and of this tree (after), measured in one run, interleaved, against one sandbox with one pwsh, written to
    /// BENCHMARKS.md as the "Before/after" section with each side's spread, so a reader sees whether a change stays
    /// within the noise.</summary>
    internal static class Compare
    {
        public const string Title = "Before/after";
        private const string Heading = "## " + Title;
        private const string Findings = "## What the figures showed";

        public static int Run(string beforeFolder, string[] args, bool quick)
        {
            string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            var root = Program.FindRoot();
            var before = FindManifest(beforeFolder);
            var pwsh = RealPwsh.PwshDll(root);
            var after = RealPwsh.StageModule(root);
            var (beforeConfig, afterConfig) = (Configuration(before), Configuration(after));
            // A Debug build is several times slower per call: comparing it with the Release build would measure that.
            if (beforeConfig != afterConfig)
                throw new InvalidOperationException($"the before module is a {beforeConfig ?? "unknown"} build and this tree's is {afterConfig}: stage the before with `dotnet pwsh ./build.ps1 -Configuration Release -OutputPath out/bench` in its checkout and pass out/bench/PolytomicPS/<version>.");
            var beforeLabel = Arg("--compare-label") ?? Commit(Path.GetDirectoryName(before)!) ?? "the module in " + beforeFolder;
            var afterLabel = Commit(root) ?? "this tree";

            int processes = quick ? 2 : 7, warm = quick ? 2 : 8, rounds = quick ? 3 : 21, coldRounds = quick ? 3 : 15;
            var clock = Stopwatch.StartNew();
            using var sandbox = ServedSandbox.Start();
            var id = RealPwsh.Seed(sandbox, 300);
            var modules = new Dictionary<string, string> { ["before"] = before, ["after"] = after };
            var runs = modules.Keys.ToDictionary(k => k, _ => new List<Dictionary<string, double>>());
            for (int r = 0; r < processes; r++)
                // Which module goes first alternates from pair to pair.
                foreach (var side in r % 2 == 0 ? new[] { "before", "after" } : new[] { "after", "before" })
                {
                    var read = RealPwsh.RunCalls(pwsh, root, modules[side], sandbox, id, warm, rounds, "module,list");
                    runs[side].Add(new Dictionary<string, double>
                    {
                        ["call_us"] = Program.Median(read("times", "module")) * 1000 / 300,
                        ["call_ratio"] = Program.PairedRatio(read("times", "module"), read("raw", "module")),
                        ["list_ms"] = Program.Median(read("times", "list")),
                        ["list_ratio"] = Program.PairedRatio(read("times", "list"), read("raw", "list")),
                    });
                    Console.Error.WriteLine($"compare: {side}, process {r + 1} of {processes} measured");
                }

            var scripts = new Dictionary<string, string> { ["empty"] = "exit 0" };
            foreach (var (side, module) in modules)
                foreach (var (name, text) in RealPwsh.ColdScripts(module, sandbox))
                    if (name != "connect") scripts[side + "." + name] = text;
            var cold = RealPwsh.ColdRounds(pwsh, scripts, coldRounds);
            // Each round's script over the same round's empty pwsh.
            List<double> OverEmpty(string name) => cold[name].Select((t, i) => t - cold["empty"][i]).ToList();
            Console.Error.WriteLine($"compare: cold, {coldRounds} rounds measured in {clock.Elapsed.TotalSeconds:0} s in all");

            var rows = new List<Row>();
            foreach (var (key, label, format) in new[]
            {
                ("call_us", "per call: `Get-PolytomicConnection -Id` (µs)", "0"),
                ("call_ratio", "per call: module / raw HttpClient + JsonDocument", "0.00"),
                ("list_ms", "list of 300: `Get-PolytomicConnection | Out-Null` (ms)", "0.0"),
                ("list_ratio", "list of 300: module / raw", "0.00"),
            })
                rows.Add(Row.Of(label, format, runs["before"].Select(f => f[key]).ToList(), runs["after"].Select(f => f[key]).ToList(), quartiles: false));
            rows.Add(Row.Of("cold: `Import-Module` (ms over empty pwsh)", "0", OverEmpty("before.import"), OverEmpty("after.import"), quartiles: true));
            rows.Add(Row.Of("cold: import + `Connect-Polytomic` + first list of 300 (ms over empty pwsh)", "0", OverEmpty("before.list"), OverEmpty("after.list"), quartiles: true));

            var section = Render(rows, beforeLabel, afterLabel, beforeConfig, processes, warm, rounds, coldRounds, quick);
            Console.WriteLine(section);
            if (args.Contains("--only")) return 0;
            var path = Path.Combine(root, "BENCHMARKS.md");
            File.WriteAllText(path, Splice(File.Exists(path) ? File.ReadAllText(path) : "", section));
            Console.Error.WriteLine($"wrote the {Title} section of {path}");
            return 0;
        }

        /// <summary>One figure for both sides: the median and its bracket (range over processes, or quartiles over rounds).</summary>
        private sealed class Row
        {
            public string Label = "", Format = "";
            public double Before, After, BeforeLow, BeforeHigh, AfterLow, AfterHigh;
            // after/before of each pair of processes (or each cold round), measured side by side in time.
            public List<double> Paired = new List<double>();

            public static Row Of(string label, string format, List<double> before, List<double> after, bool quartiles)
            {
                (double, double) Bracket(List<double> v) => quartiles ? (Quantile(v, 0.25), Quantile(v, 0.75)) : (v.Min(), v.Max());
                var row = new Row { Label = label, Format = format, Before = Program.Median(before), After = Program.Median(after) };
                (row.BeforeLow, row.BeforeHigh) = Bracket(before);
                (row.AfterLow, row.AfterHigh) = Bracket(after);
                row.Paired = before.Zip(after, (b, a) => b > 0 && a > 0 ? a / b : double.NaN).Where(r => !double.IsNaN(r)).ToList();
                return row;
            }

            private string Value(double median, double low, double high) =>
                $"{median.ToString(Format, CultureInfo.InvariantCulture)} [{low.ToString(Format, CultureInfo.InvariantCulture)}–{high.ToString(Format, CultureInfo.InvariantCulture)}]";

            private static string Spread(double median, double low, double high) =>
                median == 0 ? "–" : $"±{(high - low) / 2 / Math.Abs(median) * 100:0} %";

            public string Render()
            {
                string verdict;
                if (AfterLow <= BeforeHigh && BeforeLow <= AfterHigh) verdict = "yes";
                else if (AfterLow > BeforeHigh) verdict = $"no: after higher by {(AfterLow - BeforeHigh).ToString(Format, CultureInfo.InvariantCulture)} beyond before's bracket";
                else verdict = $"no: after lower by {(BeforeLow - AfterHigh).ToString(Format, CultureInfo.InvariantCulture)} beyond before's bracket";
                var ratio = Before > 0 && After > 0 ? $"{After / Before:0.00}×" : "–";
                ratio += Paired.Count == 0 ? "; –" : $"; {Program.Median(Paired):0.00}× [{Paired.Min():0.00}–{Paired.Max():0.00}], after higher in {Paired.Count(r => r > 1)} of {Paired.Count}";
                return $"| {Label.Replace("|", "\\|")} | {Value(Before, BeforeLow, BeforeHigh)} | {Value(After, AfterLow, AfterHigh)} | {ratio} | {Spread(Before, BeforeLow, BeforeHigh)}; {Spread(After, AfterLow, AfterHigh)} | {verdict} |";
            }
        }

        private static string Render(List<Row> rows, string beforeLabel, string afterLabel, string? configuration, int processes, int warm, int rounds, int coldRounds, bool quick)
        {
            var sb = new StringBuilder();
            sb.AppendLine(Heading).AppendLine();
            if (quick) sb.AppendLine("**A `--quick` run: smoke-test sizes on whatever else the machine was doing, not a measurement.**").AppendLine();
            sb.AppendLine($"Before: {beforeLabel}. After: {afterLabel}. Both {configuration} builds of the module, staged as users install them, measured in one run " +
                $"({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores) by `dotnet run -c Release --project bench -- --compare <before's staged module folder> --compare-label <its commit>`, " +
                "in the repo's pinned pwsh 7.6.9, against one sandbox in a process of its own seeded with 300 connections. " +
                $"Per call and list: {processes} pwsh processes per module, run in pairs, before and after, which goes first alternating from pair to pair; " +
                $"each runs bench/pwsh/Calls.ps1 (`-Include module,list`: {warm} warm-up and {rounds} measured rounds, each path right beside a raw run of its own), " +
                "and gives the median of its rounds (a ratio: the median of the rounds' module/raw ratios). " +
                $"Cold: {coldRounds} rounds, each running an empty script and, for each module, `Import-Module` and import + connect + list in whole fresh `pwsh -NoProfile -NonInteractive -File` processes, in an order that rotates from round to round; a figure is a script's time less the same round's empty pwsh. " +
                "Each cell: the median [over processes: lowest–highest; cold, over rounds: quartiles]. Noise: half that bracket as a share of the median. " +
                $"After / before: the ratio of the two medians; then the median of each pair's (each cold round's) ratio, its range, and in how many pairs after measured higher (were after and before alike, all or none of {processes} pairs would come {2 / Math.Pow(2, processes) * 100:0.#} % of the time). " +
                "Within noise: yes when the two brackets overlap.").AppendLine();
            sb.AppendLine("| figure | before | after | after / before: of the medians; per pair [range], pairs with after higher | noise (before; after) | within noise |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var row in rows) sb.AppendLine(row.Render());
            return sb.ToString();
        }

        /// <summary>BENCHMARKS.md with this section in place of the old one, or before the findings if there was none.</summary>
        internal static string Splice(string document, string section)
        {
            section = section.TrimEnd('\n', '\r') + "\n\n";
            var (start, end) = Find(document, Heading);
            if (start >= 0) return document.Substring(0, start) + section + document.Substring(end);
            var (findings, _) = Find(document, Findings);
            if (findings >= 0) return document.Substring(0, findings) + section + document.Substring(findings);
            return document.TrimEnd('\n') + "\n\n" + section;
        }

        /// <summary>The whole run's BENCHMARKS.md keeps the last comparison, which only --compare measures.</summary>
        internal static string CarryOver(string path, string rendered)
        {
            if (!File.Exists(path)) return rendered;
            var old = File.ReadAllText(path);
            var (start, end) = Find(old, Heading);
            return start < 0 ? rendered : Splice(rendered, old.Substring(start, end - start));
        }

        /// <summary>Where a section starts (its heading at the start of a line) and where the next one starts; -1 if absent.</summary>
        private static (int Start, int End) Find(string document, string heading)
        {
            var start = document.StartsWith(heading, StringComparison.Ordinal) ? 0 : document.IndexOf("\n" + heading, StringComparison.Ordinal);
            if (start < 0) return (-1, -1);
            if (start > 0) start++;
            var next = document.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            return (start, next < 0 ? document.Length : next + 1);
        }

        private static string FindManifest(string folder)
        {
            if (File.Exists(folder) && folder.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase)) return Path.GetFullPath(folder);
            if (!Directory.Exists(folder)) throw new InvalidOperationException($"--compare: no folder {folder}");
            var found = Directory.GetFiles(folder, "PolytomicPS.psd1", SearchOption.AllDirectories);
            if (found.Length != 1) throw new InvalidOperationException($"--compare: expected one PolytomicPS.psd1 under {folder}, found {found.Length}");
            return Path.GetFullPath(found[0]);
        }

        /// <summary>The module assembly's build configuration (its AssemblyConfiguration attribute), read without loading it.</summary>
        private static string? Configuration(string manifest)
        {
            using var stream = File.OpenRead(Path.Combine(Path.GetDirectoryName(manifest)!, "PolytomicPS.dll"));
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = md.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                var parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference || md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name) != "AssemblyConfigurationAttribute") continue;
                var blob = md.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // the prolog
                return blob.ReadSerializedString();
            }
            return null;
        }

        /// <summary>The short commit of the checkout holding <paramref name="dir"/>, marked if its tree has changes.</summary>
        private static string? Commit(string dir)
        {
            string? Git(params string[] args)
            {
                var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.ArgumentList.Add("-C"); psi.ArgumentList.Add(dir);
                foreach (var a in args) psi.ArgumentList.Add(a);
                try
                {
                    using var p = Process.Start(psi)!;
                    var text = p.StandardOutput.ReadToEnd().Trim();
                    p.StandardError.ReadToEnd();
                    p.WaitForExit();
                    return p.ExitCode == 0 ? text : null;
                }
                catch (System.ComponentModel.Win32Exception) { return null; }
            }
            var commit = Git("rev-parse", "--short", "HEAD");
            if (commit == null) return null;
            return Git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md") is { Length: > 0 } ? commit + " with uncommitted changes" : commit;
        }

        private static double Quantile(List<double> values, double q)
        {
            var v = values.OrderBy(x => x).ToArray();
            var at = q * (v.Length - 1);
            var low = (int)Math.Floor(at);
            return low + 1 < v.Length ? v[low] + (v[low + 1] - v[low]) * (at - low) : v[low];
        }
    }
}
