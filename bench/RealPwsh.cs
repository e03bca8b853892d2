using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PolytomicPS.Bench
{
    /// <summary>The headline figures: real pwsh (the repo's pinned tool) against the sandbox in a process of its own, as
    /// users run the module. Per call and lists are paired and alternating inside one pwsh (bench/pwsh/Calls.ps1); cold
    /// start is whole processes, medians of many.</summary>
    internal static class RealPwsh
    {
        private const string Marker = "FIGURES ";

        public static void Measure(Report report, bool quick)
        {
            var root = Program.FindRoot();
            var pwsh = PwshDll(root);
            var module = StageModule(root);
            using var sandbox = ServedSandbox.Start();
            var id = Seed(sandbox, 300);
            var processes = quick ? 1 : 3;
            var runs = new List<Dictionary<string, double>>();
            for (int i = 0; i < processes; i++)
            {
                runs.Add(Calls(pwsh, root, module, sandbox, id, quick));
                Console.Error.WriteLine($"pwsh: process {i + 1} of {processes} measured");
            }
            var f = new Figures(runs);
            var cold = Cold(pwsh, module, sandbox, quick ? 5 : 11);
            Render(report, f, cold, processes, quick);
        }

        /// <summary>The pinned tool's pwsh.dll, run with dotnet directly (what `dotnet pwsh` runs, without the tool
        /// lookup each time).</summary>
        internal static string PwshDll(string root)
        {
            using var p = Dotnet(new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", "[System.IO.Path]::Combine($PSHOME, 'pwsh.dll')" },
                capture: true, root);
            var path = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            if (p.ExitCode != 0 || !File.Exists(path)) throw new InvalidOperationException("pwsh not found: run `dotnet tool restore` first.");
            return path;
        }

        /// <summary>A Release build of the module, staged as users install it.</summary>
        internal static string StageModule(string root)
        {
            var output = Path.Combine(root, "out", "bench");
            using var p = Dotnet(new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(root, "build.ps1"), "-Configuration", "Release", "-OutputPath", output },
                capture: true, root);
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("staging the Release module failed");
            return Directory.GetFiles(Path.Combine(output, "PolytomicPS"), "PolytomicPS.psd1", SearchOption.AllDirectories).Single();
        }

        internal static string Seed(ServedSandbox sandbox, int count)
        {
            using var client = new Polytomic.PolytomicClient(new Polytomic.PolytomicClientOptions
            {
                ApiKey = Polytomic.SecureStrings.FromPlain(sandbox.ApiKey), BaseUrl = sandbox.BaseUrl,
            });
            var ids = Enumerable.Range(0, count).Select(i => client.CreateConnectionAsync(new Polytomic.Models.ConnectionRequest
            {
                Name = "bench-" + i, Type = "stripe", Configuration = new Dictionary<string, object?> { ["api_key"] = "sk" },
            }).GetAwaiter().GetResult().Id).ToList();
            return ids[0];
        }

        /// <summary>Starts `dotnet` with these arguments; with <paramref name="capture"/> the caller reads its output.</summary>
        private static Process Dotnet(IEnumerable<string> args, bool capture, string? workingDirectory = null)
        {
            var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = capture };
            if (workingDirectory != null) psi.WorkingDirectory = workingDirectory;
            foreach (var a in args) psi.ArgumentList.Add(a);
            return Process.Start(psi)!;
        }

        /// <summary>Starts the pinned pwsh as a user's script runs: no profile, not interactive.</summary>
        private static Process Start(string pwsh, IEnumerable<string> args, bool capture) =>
            Dotnet(new[] { pwsh, "-NoProfile", "-NonInteractive" }.Concat(args), capture);

        /// <summary>One pwsh process running bench/pwsh/Calls.ps1 on <paramref name="module"/>: a reader of its timings
        /// (set "times", "raw" or "first"; then the path), in ms per round. <paramref name="include"/> limits the paths.</summary>
        internal static Func<string, string, List<double>> RunCalls(string pwsh, string root, string module, ServedSandbox sandbox, string id,
            int warm, int rounds, string? include = null)
        {
            var script = Path.Combine(root, "bench", "pwsh", "Calls.ps1");
            var args = new List<string>
            {
                "-File", script, "-Module", module, "-BaseUrl", sandbox.BaseUrl.ToString(), "-ApiKey", sandbox.ApiKey, "-Id", id,
                "-Warm", warm.ToString(CultureInfo.InvariantCulture), "-Rounds", rounds.ToString(CultureInfo.InvariantCulture),
            };
            if (include != null) args.AddRange(new[] { "-Include", include });
            using var p = Start(pwsh, args, capture: true);
            var lines = p.StandardOutput.ReadToEnd().Split('\n');
            p.WaitForExit();
            var line = lines.LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"bench/pwsh/Calls.ps1 failed on {module} (exit {p.ExitCode})");
            using var doc = JsonDocument.Parse(line.Substring(Marker.Length));
            var sets = new Dictionary<string, List<double>>();
            foreach (var set in doc.RootElement.EnumerateObject())
                foreach (var path in set.Value.EnumerateObject())
                    sets[set.Name + "/" + path.Name] = path.Value.EnumerateArray().Select(e => e.GetDouble()).ToList();
            return (set, path) => sets[set + "/" + path];
        }

        private static Dictionary<string, double> Calls(string pwsh, string root, string module, ServedSandbox sandbox, string id, bool quick)
        {
            var Read = RunCalls(pwsh, root, module, sandbox, id, quick ? 3 : 8, quick ? 5 : 21);
            var figures = new Dictionary<string, double>();
            foreach (var path in new[] { "module", "typed", "floor", "irm", "list", "listTyped", "irmList" })
            {
                var times = Read("times", path);
                var raw = Read("raw", path);
                figures[path + "_ms"] = Program.Median(times);
                figures[path + "_raw_ms"] = Program.Median(raw);
                figures[path + "_ratio"] = Program.PairedRatio(times, raw);
            }
            figures["irm_vs_module"] = Program.PairedRatio(Read("times", "irm"), Read("times", "module"));
            figures["module_vs_floor"] = Program.PairedRatio(Read("times", "module"), Read("times", "floor"));
            figures["list_first_ms"] = Program.Median(Read("first", "list"));
            figures["calls"] = 300;
            return figures;
        }

        /// <summary>Whole pwsh processes, interleaved so the machine's drifts fall on every script alike: median wall time
        /// of each script over <paramref name="runs"/> processes (after one unmeasured run of each, for the disk cache).</summary>
        private static Dictionary<string, double> Cold(string pwsh, string module, ServedSandbox sandbox, int runs)
        {
            var scripts = new Dictionary<string, string> { ["empty"] = "exit 0" };
            foreach (var (name, text) in ColdScripts(module, sandbox)) scripts[name] = text;
            var url = sandbox.BaseUrl.ToString().TrimEnd('/');
            scripts["irm"] = $"$h = @{{ Authorization = 'Bearer {sandbox.ApiKey}'; 'X-Polytomic-Version' = '2025-09-18' }}\n" +
                             $"(Invoke-RestMethod -Uri '{url}/api/connections' -Headers $h).data | Out-Null";
            return ColdRounds(pwsh, scripts, runs).ToDictionary(t => t.Key, t => Program.Median(t.Value));
        }

        /// <summary>The module's cold scripts: import; import + connect; import + connect + list 300 connections.</summary>
        internal static Dictionary<string, string> ColdScripts(string module, ServedSandbox sandbox)
        {
            var url = sandbox.BaseUrl.ToString().TrimEnd('/');
            var connect = $"$null = Connect-Polytomic -ApiKey '{sandbox.ApiKey}' -BaseUrl '{url}'";
            return new Dictionary<string, string>
            {
                ["import"] = $"Import-Module '{module}'",
                ["connect"] = $"Import-Module '{module}'\n{connect}",
                ["list"] = $"Import-Module '{module}'\n{connect}\nGet-PolytomicConnection | Out-Null",
            };
        }

        /// <summary>Each script's wall times, one per round; in each round every script runs once, in an order that
        /// rotates from round to round.</summary>
        internal static Dictionary<string, List<double>> ColdRounds(string pwsh, Dictionary<string, string> scripts, int runs)
        {
            var dir = Path.Combine(Path.GetTempPath(), "polytomicps-bench-cold");
            Directory.CreateDirectory(dir);
            foreach (var (name, text) in scripts) File.WriteAllText(Path.Combine(dir, name + ".ps1"), text);
            double Once(string name)
            {
                var clock = Stopwatch.StartNew();
                using var p = Start(pwsh, new[] { "-File", Path.Combine(dir, name + ".ps1") }, capture: false);
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException($"the cold {name} script failed (exit {p.ExitCode})");
                return clock.Elapsed.TotalMilliseconds;
            }
            foreach (var name in scripts.Keys) Once(name);
            var times = scripts.Keys.ToDictionary(k => k, _ => new List<double>());
            var names = scripts.Keys.ToArray();
            for (int r = 0; r < runs; r++)
                for (int k = 0; k < names.Length; k++)
                {
                    var name = names[(r + k) % names.Length];
                    times[name].Add(Once(name));
                }
            return times;
        }

        private static void Render(Report report, Figures f, Dictionary<string, double> cold, int processes, bool quick)
        {
            string Us(string key) => (f[key] * 1000 / f["calls"]).ToString("0");
            string Ratio(string key) => $"{f[key]:0.00}× [{f.Range(key)}]";
            report.Add("Real pwsh: per call",
                $"In pwsh 7.6.9 (the repo's pinned tool) against the sandbox in a process of its own: 300 × `Get-PolytomicConnection -Id` in a `foreach` loop vs the same 300 GETs made by what a script without the module would write, driven from the same pwsh loop: a reused HttpClient and System.Text.Json (parse, read one property), and Invoke-RestMethod. Each path runs right beside a raw run of its own (which goes first alternates) and the paths' order rotates from round to round; a ratio is the median of the rounds' path/raw ratios, then the median over {processes} fresh pwsh processes [range over the processes]. Script: bench/pwsh/Calls.ps1.",
                new[]
                {
                    ("module per call (µs)", Us("module_ms")),
                    ("raw HttpClient + JsonDocument from the same loop, per call (µs)", Us("module_raw_ms")),
                    ("module / raw", Ratio("module_ratio")),
                    ("target", "≤ 1.2×"),
                    ("met", f.Verdict("module_ratio", 1.2)),
                    ("floor for any compiled cmdlet: the barest binary cmdlet making the same raw call, per call (µs) and its ratio to raw", $"{Us("floor_ms")}; {Ratio("floor_ratio")}"),
                    ("module / that floor", Ratio("module_vs_floor")),
                    ("for scale: the module's typed client called from the same loop, no cmdlet around it, per call (µs) and its ratio to raw", $"{Us("typed_ms")}; {Ratio("typed_ratio")}"),
                    ("Invoke-RestMethod per call (µs)", Us("irm_ms")),
                    ("Invoke-RestMethod / module (target ≥ 3×)", $"{Ratio("irm_vs_module")}: {(f["irm_vs_module"] >= 3 ? "met" : "not met")}"),
                });
            report.Add("Real pwsh: listing 300 connections",
                $"`Get-PolytomicConnection | Out-Null` (one response of 300 connections, each a typed object into the pipeline) vs raw HttpClient + JsonDocument from the same pwsh (each item of `data` into the pipeline), and vs `(Invoke-RestMethod …).data | Out-Null`; paired as above, medians over {processes} processes.",
                new[]
                {
                    ("module (ms)", f["list_ms"].ToString("0.0")),
                    ("raw JsonDocument (ms)", f["list_raw_ms"].ToString("0.0")),
                    ("module / raw", Ratio("list_ratio")),
                    ("target", "≤ 1.1×"),
                    ("met", f.Verdict("list_ratio", 1.1)),
                    ("for scale: the module's typed client from the same pwsh, the list into the pipeline, no cmdlet (ms) and its ratio to raw", $"{f["listTyped_ms"]:0.0}; {Ratio("listTyped_ratio")}"),
                    ("Invoke-RestMethod + its JSON conversion (ms)", f["irmList_ms"].ToString("0.0")),
                    ("module, time to the first object (ms)", f["list_first_ms"].ToString("0.0")),
                });
            var share = cold["list"] - cold["empty"];
            var irmShare = cold["irm"] - cold["empty"];
            report.Add("Real pwsh: cold start",
                $"Whole processes, `pwsh -NoProfile -NonInteractive -File`, as each Azure Automation job starts: an empty script; `Import-Module`; import + `Connect-Polytomic`; import + connect + list 300 connections; and the same list with Invoke-RestMethod and no module. Median of {(quick ? 5 : 11)} processes each, interleaved.",
                new[]
                {
                    ("empty pwsh (ms)", cold["empty"].ToString("0")),
                    ("import (ms over empty)", (cold["import"] - cold["empty"]).ToString("0")),
                    ("Connect-Polytomic (ms over import)", (cold["connect"] - cold["import"]).ToString("0")),
                    ("first list of 300 (ms over connect)", (cold["list"] - cold["connect"]).ToString("0")),
                    ("the module's cold share: import + connect + first list (ms over empty)", share.ToString("0")),
                    ("the same list with Invoke-RestMethod (ms over empty)", irmShare.ToString("0")),
                    ("target", "≤ 200 ms, and less than Invoke-RestMethod's"),
                    ("met", share <= 200 && share < irmShare ? "yes" : "no"),
                });
        }
    }
}
