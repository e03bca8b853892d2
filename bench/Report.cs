using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace PolytomicPS.Bench
{
    /// <summary>One section's figures from several processes: the median of each, and a ratio's range.</summary>
    internal sealed class Figures
    {
        private readonly List<Dictionary<string, double>> runs;
        public Figures(List<Dictionary<string, double>> runs) { this.runs = runs; }
        public int Count => runs.Count;
        public double this[string key] => Program.Median(runs.Select(r => r[key]));
        public string Range(string key) => $"{runs.Min(r => r[key]):0.00}–{runs.Max(r => r[key]):0.00}";

        /// <summary>Whether a ratio meets its target: in every process, or only at the median (then saying how far the
        /// worst process went), or not.</summary>
        public string Verdict(string key, double target)
        {
            var worst = runs.Max(r => r[key]);
            if (worst <= target) return "met";
            return this[key] <= target ? $"met at the median, not in every process (worst {worst:0.00}×)" : "not met";
        }
    }

    /// <summary>BENCHMARKS.md: method, machine, and one table per figure.</summary>
    internal sealed class Report
    {
        private readonly List<(string Title, string Method, IReadOnlyList<(string, string)> Rows)> sections = new List<(string, string, IReadOnlyList<(string, string)>)>();

        public void Add(string title, string method, IReadOnlyList<(string, string)> rows) => sections.Add((title, method, rows));

        /// <summary>The profile-driven changes behind the figures, and where the remaining cost sits.</summary>
        private static readonly string[] Findings =
        {
            "Import: the module's dependencies (Polytomic.Client, Polly, and System.Reflection.Metadata to read their versions) loaded at import; they now load on the first cmdlet run. The types file (one display property set the format views already cover) cost every import ~20 ms and is gone. What remains is PowerShell's: any manifest module costs its JIT-compiled import path (the NuGet engine is not ReadyToRun-compiled as pwsh's is), plus reading the format file and registering 103 cmdlets.",
            "Per call (hosted yardstick): the typed client is within a few µs of raw HttpClient + System.Text.Json. PowerShell spends ~6 µs per command in the loop even for a cmdlet that does nothing, and the barest binary cmdlet making the same call through the typed client lands near Get-PolytomicConnection. How the rounds are ordered matters at this scale: an earlier version of this benchmark ran the cmdlet first in every round and measured it at 1.35–1.46× while the barest cmdlet, run later in the round, measured 1.21–1.35×; with the order rotated and each path beside its own raw run, the two agree. Against the same raw calls made the blocking way (HttpClient.Send) and with the sandbox in a process of its own the ratios are higher (their rows); against Polytomic over the internet (tens of milliseconds per call) all of this is noise. Piping the ids into one command puts the cmdlet within ~1.1×.",
            "Streaming: a page's next token is read before its items are converted (from the envelope's trailing pagination, without touching the items), each page asks for its successor the moment it arrives, and the items are converted while Polytomic prepares the next page; up to four pages wait unread, so memory stays flat. The reader once blocked on an event that never spins (WaitQuietly), as a spinning waiter had seemed to take a core from the threads fetching the pages; a side-by-side run (issue 24, 4 quick runs each on a loaded 2-core machine) found the runtime's own wait no slower (5,000 runs 1.41–1.66× raw against 1.39–1.73×; 2,000 runs 1.38–1.64× against 1.61–1.86×), so every call now blocks one way. `$null = Get-...` collects the whole output before discarding it (PowerShell's assignment semantics), so the figures stream into `Out-Null`, as a pipeline would.",
            "Tried and not kept for the steady state: System.Text.Json source generation (~10 % faster conversion, off the critical path once conversion overlaps the next request; it is kept for the connection envelopes for the cold start, below), writing a page's items in one enumerated WriteObject (no gain), a deeper look-ahead (8 pages: no gain over 4).",
            "Full runs of 2026-12-07 (two in a row, 13–14 min each, quiet machine, within a few % of each other; the tables show the second): every absolute row is slower than in the previous full run, the raw rows and PowerShell's own included: an empty pwsh 349 to 413–442 ms, an empty runspace 337 to 430–450 ms, a do-nothing cmdlet 6.7 to 8.6–9.1 µs, the barest binary cmdlet around the typed client 1.17× to 1.65–1.67× raw. The module's rows moved with them (hosted per call 1.27× to 1.83–1.84× raw, real-pwsh per call 1.36× to 1.61–1.65× raw), so the targets measured against raw read not met in these runs. Against the floor that moves with PowerShell, the module's own share grew a little (real-pwsh module / barest cmdlet 1.17× to 1.24–1.28×: the request history, trace, read-only and object-kind checks added by issues 23, 27 and 28 are on every call), which is what the Before/after rows show with both builds in one run (per call 1.05×, list 1.07×, inside their noise). Not chased further in this stop.",
            "Before/after (issue 24): the restructuring step, with the five issues that landed beside it (37d6a70 to ce2b375), measured side by side in one run (`--compare`, quiet machine): every row's brackets overlap, so each figure stays within its noise. Two rows lean one way: per call 251 to 263 µs (1.05×, after higher in 6 of 7 pairs) and the cold import + connect + first list 226 to 253 ms over empty pwsh (1.12×, after higher in 12 of 15 rounds); a cold import alone is unchanged (132 to 131 ms). Split inside one pwsh (Measure-Command, 10 alternating processes each, medians): Connect 23 to 25 ms, the first list 85.5 to 90 ms, the second list 3 to 3 ms, a get by id 12.5 to 15.5 ms. So the cold difference is a few ms of first-call JIT on a longer path (request history, trace, relay of every blocking call), not the steady state, and it was left as it is.",
            "Blocking send (issue 18), removed: the cmdlet used to send on its blocked pipeline thread (HttpClient.Send, found by reflection, behind a thread-static flag). Re-measured once the first attempt no longer went through the retry pipeline, it no longer paid: with every send awaited, the hosted per-call row measured 0.97× [0.95–0.99] of the blocking form in process and 0.89× [0.85–0.98] with the sandbox in a process of its own, and in real pwsh against the sandbox in its own process the awaited module measured 104–114 µs per call against the blocking one's 100–128 µs (three processes each; with it gone, module / floor measured 1.17–1.43× against 1.32–1.55× in alternating processes). So the choke point has no thread-static state and one send path on every runtime, Windows PowerShell 5.1 included.",
            "Views (issue 18): one format file for every area. Eleven per-area files made the module's own import share slower (173 → 260 ms in one side-by-side run), so the views stay in `PolytomicPS.Format.ps1xml`, over the 500-line limit, as the one exception.",
            "Real pwsh per call (issue 19): of the module's time over raw, PowerShell's own share is the floor row, the barest compiled cmdlet around the same raw call (1.17–1.29× raw); the typed client called from the same loop without a cmdlet is 1.00–1.08× raw; what is left is the cmdlet's own work, ~10–20 µs a call. A cmdlet around a call costs more than its own CPU: three do-nothing cmdlets (47 µs) between raw sends made each send ~50 µs slower, as the HTTP stack and the server's threads cool between calls (the pipeline thread itself used ~57 µs of CPU per module call in a sampled trace and waited for the response most of the rest). Settings tried without effect on the module's wall time: no thread-pool spinning (DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0), inline socket completions, non-concurrent GC; a binding shape like Get-PolytomicConnection's (two parameter sets, string[] from the pipeline, an alias, a validation) and a typed output object cost the floor nothing measurable.",
            "Real pwsh cold start (issue 19): the pinned tool's PowerShell engine is not ReadyToRun-compiled, and a sampled JIT trace of import + connect + list + Invoke-RestMethod showed ~6,000 of ~7,500 methods compiled in System.Management.Automation, against ~400 in PolytomicPS, Polytomic.Client, Polly and System.Text.Json's instantiations for our types together. Kept: the first attempt of a call no longer enters the Polly pipeline, which is built on the first retry (~170 fewer methods compiled on the way to the first list; Connect + first list ~110 ms over import instead of 125–170 ms in alternating processes); a shipped assembly's version is read only when the host has one of the same name. The connection envelopes' JSON metadata is generated at compile time (System.Text.Json source generation, every other type keeps reflection): in a sampled trace of a cold import + connect + list, building that metadata by reflection took ~27 of the ~38 ms spent reading the responses, and a cold first list measured 78.5 ms instead of 86.5 ms over connect (median of 10 alternating processes). What remains of the module's share: the import (~110 ms, of which a bare manifest module costs PowerShell ~80 ms in the hosted probe, the 54 views ~14 ms), Connect (~20–30 ms: loading the client and its dependencies, building the session) and the first call (~70–80 ms, of which the first request through .NET's HTTP stack is ~40–50 ms that any client, Invoke-RestMethod included, pays). Tried and not kept: ReadyToRun images of PolytomicPS, Polytomic.Client and Polly (crossgen2 for linux-x64 through a net8.0 publish): 70–110 fewer methods compiled and wall time within noise, for per-platform builds that Windows PowerShell 5.1 could not use.",
            "Real pwsh lists (issue 19): the typed client alone, its list piped from the same pwsh, is already 1.19–1.52× raw JsonDocument, whose items are lazy views of one parsed buffer while ours are typed objects converted up front; the cmdlet adds little to that. Invoke-RestMethod's conversion to PSCustomObjects is ~6× slower than either.",
            "Pacing after 429s (issue 17): the old interval, which grew ×1.1 per 429 and started from the server's wait, is gone. A sub-second wait (retry-after-ms, a token bucket's time to its next token) spaces every call by it with a 5 % margin, or by the rate the successes show if slower. A whole-second Retry-After first delays only the call it answered, as Polytomic's SDKs do; only if 429s still come once that wait has passed are all calls held for the server's wait and spaced at the rate of the successes just seen. A second without 429s ends the pacing. Holding every call at the first whole-second 429 missed the burst row about half the time (2,046–2,148 ms against an ideal of ~1,030 in 3 of 5 runs on a quiet machine): a 429 came back while the 200 calls were still being issued (53 had left), the other 147 were held, and at the end of the wait they met the 7 injected 429s left, a second wait. Letting the burst go on met the row in 6 of 6 runs (−3 to −1 %).",
        };

        public string Render()
        {
            var sb = new StringBuilder();
            sb.AppendLine("# PolytomicPS benchmarks").AppendLine();
            sb.AppendLine("Generated by `dotnet tool restore && dotnet run -c Release --project bench`. The headline figures (the first three");
            sb.AppendLine("sections) run in real pwsh 7.6.9, the repo's pinned tool, against the sandbox in a process of its own, as users run");
            sb.AppendLine("the module. The sections after them are yardsticks measured in a hosted engine with the sandbox in the measuring");
            sb.AppendLine("process (one per-call row also with the sandbox in a process of its own): they separate the module's own cost from");
            sb.AppendLine("PowerShell's and the loopback's. Each figure is a ratio or difference measured in the same run, so the machine's");
            sb.AppendLine("speed mostly cancels out. `--quick` runs a smaller version; `--only <pwsh|import|percall|streaming|fanout|workspace|health>`");
            sb.AppendLine("measures one figure and prints it without writing this file. `--compare <another build's staged module folder> --compare-label <its commit>`");
            sb.AppendLine("measures the real-pwsh per-call, list and cold figures of that build and of this tree side by side in one run and writes");
            sb.AppendLine("only the Before/after section (bench/Compare.cs), which a whole run keeps.");
            sb.AppendLine("The hosted per-call and streaming figures are measured in fresh child processes started with `DOTNET_TC_CallCountingDelayMs=0`:");
            sb.AppendLine("hot code then reaches the JIT's optimised tier after its first 30 calls instead of after a JIT-quiet spell that");
            sb.AppendLine("PowerShell's own compiling keeps postponing (the same steady-state code, reached in seconds rather than minutes).");
            sb.AppendLine("The import probes and every real-pwsh process run with the runtime's defaults.").AppendLine();
            sb.AppendLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
                          $"PowerShell engine {typeof(PSObject).Assembly.GetName().Version}; run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.").AppendLine();
            foreach (var (title, method, rows) in sections)
            {
                sb.AppendLine($"## {title}").AppendLine().AppendLine(method).AppendLine();
                sb.AppendLine("| measure | value |").AppendLine("|---|---|");
                foreach (var (k, v) in rows) sb.AppendLine($"| {k} | {v} |");
                sb.AppendLine();
            }
            sb.AppendLine("## What the figures showed, and what was done").AppendLine();
            foreach (var line in Findings) sb.AppendLine("- " + line);
            return sb.ToString();
        }
    }
}
