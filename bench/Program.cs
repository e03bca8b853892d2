using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Polytomic.Sandbox;
using PolytomicPS.Host;

namespace PolytomicPS.Bench
{
    /// <summary>Benchmarks of what users feel, each a ratio measured in the same run, written to BENCHMARKS.md.
    /// Not part of dotnet test: timings belong here, never in assertions.</summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            // Child-process probes for the import figure: a fresh process each time.
            if (args.Length == 2 && args[0] == "--probe") return Probe(args[1]);
            if (args.Length == 1 && args[0] == "--serve") return await ServedSandbox.Serve();

            var quick = args.Contains("--quick");
            // --compare <before's staged module folder> [--compare-label <commit>]: the Before/after section (Compare.cs).
            var compare = args.SkipWhile(a => a != "--compare").Skip(1).FirstOrDefault();
            if (compare != null) return Compare.Run(compare, args, quick);
            Scale.Register();
            WorkspaceBench.Register();
            var report = new Report();

            // --child <section>: measure one section in this process and print its figures (see Measured).
            var child = args.SkipWhile(a => a != "--child").Skip(1).FirstOrDefault();
            if (child != null)
            {
                await using var own = await StartSandbox();
                var figures = await Sections[child].Measure(own, quick);
                Console.WriteLine(ChildMarker + JsonSerializer.Serialize(figures));
                return 0;
            }

            // --only <pwsh|import|percall|streaming|fanout|workspace|health>: one figure, printed and not written (for working on it).
            var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.ToLowerInvariant();
            bool Run(string name) => only == null || only == name;
            if (Run("pwsh")) RealPwsh.Measure(report, quick);
            if (Run("import")) Import(report, quick ? 3 : 20);
            foreach (var (name, section) in Sections)
                if (Run(name) && section.Render != null) section.Render(report, Measured(name, quick), quick);
            if (Run("fanout"))
            {
                await using var sandbox = await StartSandbox();
                await Scale.FanOut(report, sandbox, quick);
            }
            if (Run("health"))
            {
                await using var sandbox = await StartSandbox();
                await HealthBench.Measure(report, sandbox, quick);
            }

            var path = Path.Combine(FindRoot(), "BENCHMARKS.md");
            if (only != null) { Console.WriteLine(report.Render()); return 0; }
            File.WriteAllText(path, Compare.CarryOver(path, report.Render()));
            Console.WriteLine(report.Render());
            Console.Error.WriteLine($"wrote {path}");
            return 0;
        }

        private static Task<SandboxServer> StartSandbox() =>
            SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", SchemaCacheDelay = TimeSpan.Zero });

        /// <summary>Sections measured in fresh processes: each yields named figures, and the report shows the median of
        /// each figure over <see cref="Processes"/> processes (the same code measures differently from one process to
        /// the next on this shared machine: JIT and thread placement), with the ratios' range.</summary>
        internal static readonly Dictionary<string, (Func<SandboxServer, bool, Task<Dictionary<string, double>>> Measure, Action<Report, Figures, bool>? Render)> Sections =
            new Dictionary<string, (Func<SandboxServer, bool, Task<Dictionary<string, double>>>, Action<Report, Figures, bool>?)>
            {
                ["percall"] = (MeasurePerCall, RenderPerCall),
            };

        private const int Processes = 3;
        private const string ChildMarker = "FIGURES ";

        private static Figures Measured(string section, bool quick)
        {
            var processes = quick ? 1 : Processes;
            var runs = new List<Dictionary<string, double>>();
            for (int i = 0; i < processes; i++)
            {
                // The child measures what the parent will render: the quick sizes with --quick.
                var psi = quick ? ChildProcess("--child", section, "--quick") : ChildProcess("--child", section);
                // Hot code reaches the JIT's optimised tier after its first 30 calls, instead of after a JIT-quiet spell
                // that PowerShell's own compiling keeps postponing: the same steady-state code, reached sooner.
                psi.Environment["DOTNET_TC_CallCountingDelayMs"] = "0";
                using var p = Process.Start(psi)!;
                var lines = p.StandardOutput.ReadToEnd().Split('\n');
                p.WaitForExit();
                var line = lines.LastOrDefault(l => l.StartsWith(ChildMarker, StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"the {section} measurement failed (exit {p.ExitCode})");
                runs.Add(JsonSerializer.Deserialize<Dictionary<string, double>>(line.Substring(ChildMarker.Length))!);
                Console.Error.WriteLine($"{section}: process {i + 1} of {processes} measured");
            }
            return new Figures(runs);
        }

        internal static ProcessStartInfo ChildProcess(params string[] args)
        {
            var exe = Environment.ProcessPath!;
            var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(exe) == "dotnet") psi.ArgumentList.Add(typeof(Program).Assembly.Location);
            foreach (var a in args) psi.ArgumentList.Add(a);
            return psi;
        }

        // ---- 1. Import -------------------------------------------------------------------------------------------

        private static int Probe(string what)
        {
            var clock = Stopwatch.StartNew();
            var iss = InitialSessionState.CreateDefault2();
            if (what == "import") iss.ImportPSModule(new[] { ScriptRunner.FindModuleManifest() });
            if (what == "manifest") iss.ImportPSModule(new[] { BareManifest() });
            using var rs = RunspaceFactory.CreateRunspace(iss);
            rs.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = rs;
            // Touch the module the way a runbook's first line does.
            ps.AddScript(what == "import" ? "$null = Get-Command Connect-Polytomic" : "$null = 1").Invoke();
            Console.WriteLine(clock.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
            return 0;
        }

        /// <summary>A manifest-only module: what any module with a .psd1 costs PowerShell to import (parsing the data file
        /// cold), the floor under the module's own cost.</summary>
        private static string BareManifest()
        {
            var dir = Path.Combine(Path.GetTempPath(), "polytomicps-bench-bare");
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, "polytomicps-bench-bare.psd1");
            File.WriteAllText(path, "@{ ModuleVersion = '1.0'; GUID = '0c5e8d2a-6f0e-4d4e-9f6a-3f1c2b7a9e10'; CmdletsToExport = @(); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }");
            return path;
        }

        private static void Import(Report report, int runs)
        {
            double Run(string what)
            {
                using var p = Process.Start(ChildProcess("--probe", what))!;
                var text = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                return double.Parse(text.Trim().Split('\n').Last(), CultureInfo.InvariantCulture);
            }

            Run("empty"); Run("import"); Run("manifest"); // warm the disk cache
            var empty = new List<double>(); var import = new List<double>(); var manifest = new List<double>();
            for (int i = 0; i < runs; i++) { empty.Add(Run("empty")); import.Add(Run("import")); manifest.Add(Run("manifest")); }
            var added = Median(import) - Median(empty);
            report.Add("Import", $"Fresh process: open a runspace with `Import-Module PolytomicPS` and resolve a cmdlet, vs the same with an empty runspace, and vs a bare manifest-only module (PowerShell's cold cost of parsing any .psd1); median of {runs} runs each.",
                new[]
                {
                    ("empty runspace (ms)", Median(empty).ToString("0")),
                    ("runspace + Import-Module (ms)", Median(import).ToString("0")),
                    ("module adds (ms)", added.ToString("0")),
                    ("of which any manifest module costs (bare .psd1, no code) (ms)", (Median(manifest) - Median(empty)).ToString("0")),
                    ("PolytomicPS's own share (ms)", (Median(import) - Median(manifest)).ToString("0")),
                    ("target", "≤ 150 ms"),
                    ("met", added <= 150 ? "yes" : "no"),
                });
        }

        // ---- 2. Per call -----------------------------------------------------------------------------------------

        private static async Task<Dictionary<string, double>> MeasurePerCall(SandboxServer sandbox, bool quick)
        {
            var figures = await PerCallAt(sandbox.BaseUrl, sandbox.State.ApiKey, quick, everything: true);
            // The core paths again with the sandbox in a process of its own, where a blocked thread lets this machine's
            // idle core sleep (see the findings): the same loop, a different topology.
            using var remote = ServedSandbox.Start();
            foreach (var (name, value) in await PerCallAt(remote.BaseUrl, remote.ApiKey, quick, everything: false))
                figures["remote." + name] = value;
            return figures;
        }

        /// <summary>The per-call figures against one sandbox; <paramref name="everything"/> false measures only the cmdlet,
        /// the barest cmdlet and the two raw forms.</summary>
        private static async Task<Dictionary<string, double>> PerCallAt(Uri baseUrl, string apiKey, bool quick, bool everything)
        {
            int calls = quick ? 300 : 2000, warmRounds = quick ? 10 : 20, rounds = quick ? 3 : 21;
            // A runspace on a host, as in every real session (console, ISE, Azure Automation).
            using var rs = ScriptRunner.OpenRunspace(new ConsoleHost(TextWriter.Null, TextWriter.Null, interactive: false), ScriptRunner.FindModuleManifest());
            using var ps = PowerShell.Create();
            ps.Runspace = rs;
            rs.SessionStateProxy.SetVariable("K", apiKey);
            rs.SessionStateProxy.SetVariable("U", baseUrl.ToString());
            var id = (string)ps.AddScript("$null = Connect-Polytomic -ApiKey $K -BaseUrl $U; (New-PolytomicConnection -Name bench -Type stripe -Configuration @{ api_key = 'sk' }).Id")
                .Invoke().Single().BaseObject;
            rs.SessionStateProxy.SetVariable("Id", id);
            rs.SessionStateProxy.SetVariable("N", calls);
            rs.SessionStateProxy.SetVariable("Ids", Enumerable.Repeat(id, calls).ToArray());
            double Module(string script = "foreach ($i in 1..$N) { $null = Get-PolytomicConnection -Id $Id }")
            {
                // A fresh pipeline each round, as each runbook line would be.
                using var loop = PowerShell.Create();
                loop.Runspace = rs;
                loop.AddScript(script);
                var clock = Stopwatch.StartNew();
                loop.Invoke();
                if (loop.HadErrors) throw new InvalidOperationException("bench calls failed: " + loop.Streams.Error[0]);
                return clock.Elapsed.TotalMilliseconds;
            }

            using var http = RawClient(baseUrl, apiKey);
            async Task Raw()
            {
                for (int i = 0; i < calls; i++)
                {
                    using var r = await http.GetAsync("/api/connections/" + id);
                    using var doc = await JsonDocument.ParseAsync(await r.Content.ReadAsStreamAsync());
                    _ = doc.RootElement.GetProperty("data").GetProperty("name").GetString();
                }
            }

            // The same raw calls made the blocking way (HttpClient.Send on one thread, no await): the faster raw form on
            // this machine, so the cmdlet is also given against it.
            double RawBlocking() => OnOwnThread(() =>
            {
                var w = Stopwatch.StartNew();
                for (int i = 0; i < calls; i++)
                {
                    using var r = http.Send(new HttpRequestMessage(HttpMethod.Get, "/api/connections/" + id));
                    using var doc = JsonDocument.Parse(r.Content.ReadAsStream());
                    _ = doc.RootElement.GetProperty("data").GetProperty("name").GetString();
                }
                return w.Elapsed.TotalMilliseconds;
            });

            using var client = new Polytomic.PolytomicClient(new Polytomic.PolytomicClientOptions
            {
                ApiKey = Polytomic.SecureStrings.FromPlain(apiKey), BaseUrl = baseUrl,
            });
            async Task Client()
            {
                for (int i = 0; i < calls; i++) _ = (await client.GetConnectionAsync(id)).Name;
            }

            double Blocking()
            {
                // The cmdlet's situation: a caller thread that blocks on each call.
                var c = Stopwatch.StartNew();
                for (int i = 0; i < calls; i++) _ = client.GetConnectionAsync(id).GetAwaiter().GetResult().Name;
                return c.Elapsed.TotalMilliseconds;
            }

            double Timed(Func<Task> run) { var w = Stopwatch.StartNew(); run().GetAwaiter().GetResult(); return w.Elapsed.TotalMilliseconds; }

            // Cold: the first round of each path in this process, while the JIT still runs tier-0 code (what a short
            // runbook sees; PowerShell's engine from NuGet is not ReadyToRun-compiled, as pwsh's own is, so this is harsh).
            var coldModule = Module();
            var c = Stopwatch.StartNew(); await Raw(); var coldRaw = c.Elapsed.TotalMilliseconds;
            // The same calls as one pipeline: the ids piped in, one command for all of them.
            const string Piped = "$Ids | Get-PolytomicConnection | Out-Null";
            // What a script without the module does: the raw client and parser driven from the same PowerShell loop.
            rs.SessionStateProxy.SetVariable("Http", http);
            const string RawFromPowerShell = @"foreach ($i in 1..$N) {
                $r = $Http.GetAsync('/api/connections/' + $Id).GetAwaiter().GetResult()
                $d = [System.Text.Json.JsonDocument]::Parse($r.Content.ReadAsStringAsync().GetAwaiter().GetResult())
                $null = $d.RootElement.GetProperty('data').GetProperty('name').GetString()
                $d.Dispose(); $r.Dispose() }";
            // Yardsticks: a do-nothing binary cmdlet (PowerShell's own cost per command) and the barest binary cmdlet
            // making the same call through the typed client, in the same loop.
            TestBenchCallCommand.Client = client;
            using (var import = PowerShell.Create()) { import.Runspace = rs; import.AddCommand("Import-Module").AddArgument(typeof(TestBenchCallCommand).Assembly.Location).Invoke(); }
            const string Nothing = "foreach ($i in 1..$N) { $null = Test-BenchNothing -Id $Id }";
            const string Barest = "foreach ($i in 1..$N) { $null = Test-BenchCall -Id $Id }";
            // Warm-up to steady state: tier-1 code needs 30 calls of a method and then a JIT-quiet 100 ms, which
            // PowerShell's own compiling keeps postponing, so it takes thousands of calls here.
            var all = new (string Name, Func<double> Run)[]
            {
                ("module", () => Module()),
                ("piped", () => Module(Piped)),
                ("rawPs", () => Module(RawFromPowerShell)),
                ("nothing", () => Module(Nothing)),
                ("barest", () => Module(Barest)),
                ("typed", () => Timed(Client)),
                ("blocking", () => OnOwnThread(Blocking)),
                ("rawBlocking", RawBlocking),
            };
            var paths = everything ? all : all.Where(p => p.Name == "module" || p.Name == "barest" || p.Name == "rawBlocking").ToArray();
            for (int w = 0; w < warmRounds; w++) { foreach (var p in paths) p.Run(); await Raw(); }
            // Each path is measured right beside a raw round of its own, the two in alternating order (Beside), and the
            // paths' order rotates from round to round: no path always follows the same neighbour or always goes first
            // (the findings say why). The rounds run on a dedicated thread, as a PowerShell host's caller is, never on a
            // pool thread blocked while the in-process sandbox needs the pool.
            var times = paths.ToDictionary(p => p.Name, _ => new List<double>());
            var rawBeside = paths.ToDictionary(p => p.Name, _ => new List<double>());
            OnOwnThread(() =>
            {
                for (int round = 0; round < rounds; round++)
                    for (int k = 0; k < paths.Length; k++)
                    {
                        var (name, run) = paths[(round + k) % paths.Length];
                        var (m, r) = Beside(round + k, run, () => Timed(Raw));
                        times[name].Add(m);
                        rawBeside[name].Add(r);
                    }
                return 0;
            });
            double Ratio(string name) => PairedRatio(times[name], rawBeside[name]);
            // A ratio between two paths, each taken over its own raw round.
            double Between(string a, string b) => Median(times[a].Select((m, i) => m / rawBeside[a][i] / (times[b][i] / rawBeside[b][i])));
            var raw = rawBeside.Values.SelectMany(v => v).ToList();
            double Us(double ms) => ms * 1000 / calls;
            var figures = new Dictionary<string, double>
            {
                ["calls"] = calls, ["rounds"] = rounds, ["warm"] = warmRounds, ["raw_us"] = Us(Median(raw)),
                ["cmdlet_us"] = Us(Median(times["module"])), ["ratio"] = Ratio("module"),
                ["barest_us"] = Us(Median(times["barest"])), ["barest_ratio"] = Ratio("barest"),
                ["raw_blocking_us"] = Us(Median(times["rawBlocking"])), ["raw_blocking_ratio"] = Ratio("rawBlocking"),
                ["vs_raw_blocking_ratio"] = Between("module", "rawBlocking"),
            };
            if (!everything) return figures;
            figures["piped_us"] = Us(Median(times["piped"])); figures["piped_ratio"] = Ratio("piped");
            figures["typed_us"] = Us(Median(times["typed"])); figures["blocking_us"] = Us(Median(times["blocking"]));
            figures["raw_ps_us"] = Us(Median(times["rawPs"])); figures["vs_raw_ps_ratio"] = Between("module", "rawPs");
            figures["nothing_us"] = Us(Median(times["nothing"]));
            figures["cold_cmdlet_us"] = Us(coldModule); figures["cold_raw_us"] = Us(coldRaw);
            return figures;
        }

        private static void RenderPerCall(Report report, Figures f, bool quick)
        {
            var ratio = f["ratio"];
            report.Add("Per call", $"{f["calls"]:0} × `Get-PolytomicConnection -Id` in a loop (`foreach (...) {{ $null = Get-PolytomicConnection -Id $Id }}`) in one runspace vs the same {f["calls"]:0} GETs with a reused HttpClient + System.Text.Json (parse, read one property). Steady state: after {f["warm"]:0} warm-up rounds of every path, {f["rounds"]:0} rounds in which every path runs once, each right beside a raw run of its own (which goes first alternates), in an order that rotates from round to round; each figure is the median over the rounds, then the median over {f.Count} fresh processes (a ratio is the median of the rounds' path/raw ratios; its range over the processes in brackets). Cold: the first round of a process.",
                new[]
                {
                    ("cmdlet per call (µs)", f["cmdlet_us"].ToString("0")),
                    ("typed client alone, per call (µs)", f["typed_us"].ToString("0")),
                    ("typed client, blocking caller (the cmdlet's way), per call (µs)", f["blocking_us"].ToString("0")),
                    ("raw per call (µs)", f["raw_us"].ToString("0")),
                    ("ratio (steady state)", $"{ratio:0.00}× [{f.Range("ratio")}]"),
                    ("target", "≤ 1.3×"),
                    ("met", f.Verdict("ratio", 1.3)),
                    ("the same calls piped (`$Ids \\| Get-PolytomicConnection`), per call (µs) and ratio", $"{f["piped_us"]:0}; {f["piped_ratio"]:0.00}× [{f.Range("piped_ratio")}]"),
                    ("for scale: a do-nothing one-parameter binary cmdlet in the same loop (PowerShell's own cost per command), per call (µs)", f["nothing_us"].ToString("0.0")),
                    ("for scale: the barest binary cmdlet making the same call through the typed client, per call (µs) and ratio", $"{f["barest_us"]:0}; {f["barest_ratio"]:0.00}× [{f.Range("barest_ratio")}]"),
                    ("for scale: the same raw calls made the blocking way (HttpClient.Send on one thread, no await), per call (µs) and ratio to raw; the cmdlet's ratio to it", $"{f["raw_blocking_us"]:0}; {f["raw_blocking_ratio"]:0.00}×; {f["vs_raw_blocking_ratio"]:0.00}× [{f.Range("vs_raw_blocking_ratio")}]"),
                    ("for scale: the raw client and parser driven from the same PowerShell loop, per call (µs); the cmdlet's ratio to it", $"{f["raw_ps_us"]:0}; {f["vs_raw_ps_ratio"]:0.00}× [{f.Range("vs_raw_ps_ratio")}]"),
                    ("with the sandbox in a process of its own: raw / raw the blocking way / barest cmdlet / cmdlet, per call (µs); the cmdlet's ratio (the barest's)", $"{f["remote.raw_us"]:0} / {f["remote.raw_blocking_us"]:0} / {f["remote.barest_us"]:0} / {f["remote.cmdlet_us"]:0}; {f["remote.ratio"]:0.00}× [{f.Range("remote.ratio")}] ({f["remote.barest_ratio"]:0.00}×)"),
                    ("cold, first round of a process: cmdlet vs raw per call (µs)", $"{f["cold_cmdlet_us"]:0} vs {f["cold_raw_us"]:0} = {f["cold_cmdlet_us"] / f["cold_raw_us"]:0.00}×"),
                });
        }

        /// <summary>Runs on a dedicated thread and waits for it.</summary>
        internal static T OnOwnThread<T>(Func<T> run) =>
            Task.Factory.StartNew(run, TaskCreationOptions.LongRunning).GetAwaiter().GetResult();

        /// <summary>Measures a path and its baseline back to back, the baseline first in even rounds and second in odd
        /// ones, so what ran just before (or the time since) weighs on both alike.</summary>
        internal static (double Measured, double Baseline) Beside(int round, Func<double> measured, Func<double> baseline)
        {
            if (round % 2 == 0) { var b = baseline(); return (measured(), b); }
            var m = measured();
            return (m, baseline());
        }

        /// <summary>The ratio of each round's pair, then the median: drifts of this shared machine cancel within a pair.</summary>
        internal static double PairedRatio(IReadOnlyList<double> measured, IReadOnlyList<double> baseline) =>
            Median(measured.Select((m, i) => m / baseline[i]));

        /// <summary>The raw baseline: a reused HttpClient with the sandbox's key and API version, nothing else.</summary>
        internal static HttpClient RawClient(Uri baseUrl, string apiKey)
        {
            var http = new HttpClient { BaseAddress = baseUrl };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            http.DefaultRequestHeaders.Add("X-Polytomic-Version", "2024-02-08");
            return http;
        }

        internal static double Median(IEnumerable<double> values)
        {
            var v = values.OrderBy(x => x).ToArray();
            return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        }

        internal static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PolytomicPS.sln"))) return dir.FullName;
            return Directory.GetCurrentDirectory();
        }
    }
}
