using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Sandbox;
using PolytomicPS.Host;

namespace PolytomicPS.Bench
{
    /// <summary>Figures 3 (streaming a long history) and 4 (fan-out from many runspaces, with and without a rate limit).</summary>
    internal static class Scale
    {
        public static void Register()
        {
            Program.Sections["streaming"] = (MeasureStreaming, RenderStreaming);
        }

        internal static PowerShell Shell(Runspace rs, string script)
        {
            var ps = PowerShell.Create();
            ps.Runspace = rs;
            ps.AddScript(script);
            return ps;
        }

        /// <summary>A runspace connected to the sandbox, with a model to sync from.</summary>
        internal static Runspace Connected(SandboxServer sandbox)
        {
            var rs = ScriptRunner.OpenRunspace(null, ScriptRunner.FindModuleManifest());
            rs.SessionStateProxy.SetVariable("K", sandbox.State.ApiKey);
            rs.SessionStateProxy.SetVariable("U", sandbox.BaseUrl.ToString());
            using var ps = Shell(rs, @"
                $null = Connect-Polytomic -ApiKey $K -BaseUrl $U -MaxRetries 6
                $sf = New-PolytomicConnection -Name 'Bench SF' -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
                $crm = New-PolytomicConnection -Name 'Bench CRM' -Type salesforce -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
                $null = $sf, $crm | Wait-PolytomicConnection -PollIntervalSeconds 0.05
                $model = $sf | New-PolytomicModel -Name 'Bench model' -Query 'SELECT email, first_name FROM users'");
            ps.Invoke();
            if (ps.HadErrors) throw new InvalidOperationException("bench setup failed: " + string.Join(" | ", ps.Streams.Error));
            return rs;
        }

        internal static List<string> NewSyncs(Runspace rs, int count, string prefix)
        {
            rs.SessionStateProxy.SetVariable("N", count);
            rs.SessionStateProxy.SetVariable("P", prefix);
            using var ps = Shell(rs, @"foreach ($i in 1..$N) {
                ($model | New-PolytomicSync -Name ""$P$i"" -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } `
                    -IdentityFunction Equality -Field @{ first_name = 'FirstName' } -Frequency manual).Id }");
            var ids = ps.Invoke().Select(o => (string)o.BaseObject).ToList();
            if (ps.HadErrors) throw new InvalidOperationException("creating syncs failed: " + string.Join(" | ", ps.Streams.Error.Take(3)));
            return ids;
        }

        // ---- 3. Streaming ----------------------------------------------------------------------------------------

        private static int Rounds(int n) => n >= 20000 ? 9 : 15;
        private static int[] Sizes(bool quick) => quick ? new[] { 2000, 5000 } : new[] { 2000, 20000 };

        private static async Task<Dictionary<string, double>> MeasureStreaming(SandboxServer sandbox, bool quick)
        {
            using var rs = Connected(sandbox);
            var sizes = Sizes(quick);
            var figures = new Dictionary<string, double>();
            var ids = NewSyncs(rs, sizes.Length, "history-");
            using var http = Program.RawClient(sandbox.BaseUrl, sandbox.State.ApiKey);

            for (int s = 0; s < sizes.Length; s++)
            {
                var n = sizes[s];
                var syncId = ids[s];
                var seed = Stopwatch.StartNew();
                sandbox.State.SeedSyncExecutions(syncId, n);
                seed.Stop();
                var path = "/api/syncs/" + syncId + "/executions";
                int Pages() => sandbox.State.Requests.Count(r => r.Path == path);

                // Raw paging: reused HttpClient + JsonDocument, counting items.
                async Task<double> Raw()
                {
                    var c = Stopwatch.StartNew();
                    string? token = null; int items = 0;
                    do
                    {
                        using var r = await http.GetAsync(path + (token == null ? "" : "?page_token=" + Uri.EscapeDataString(token)));
                        using var doc = JsonDocument.Parse(await r.Content.ReadAsByteArrayAsync());
                        items += doc.RootElement.GetProperty("data").GetArrayLength();
                        token = doc.RootElement.TryGetProperty("pagination", out var p) && p.TryGetProperty("next_page_token", out var t) ? t.GetString() : null;
                    } while (!string.IsNullOrEmpty(token));
                    if (items != n) throw new InvalidOperationException($"raw paging saw {items} of {n}");
                    return c.Elapsed.TotalMilliseconds;
                }

                // The cmdlet streamed and dropped (| Out-Null: `$null = ...` would first collect the whole output, as
                // PowerShell does for any assignment, which is not streaming).
                rs.SessionStateProxy.SetVariable("SyncId", syncId);
                double Total()
                {
                    var c = Stopwatch.StartNew();
                    using (var ps = Shell(rs, "Get-PolytomicSyncExecution -SyncId $SyncId | Out-Null")) ps.Invoke();
                    return c.Elapsed.TotalMilliseconds;
                }

                // A probe in ForEach-Object: at the first object, how many pages the sandbox had served; half-way, the
                // live managed heap (after a full collection, so garbage does not count) over the baseline before the
                // stream; the count proves every run came through once. Separately, the heap's peak sampled every 5 ms
                // during a plain stream, garbage included (it follows the GC's budget, not the list).
                (int Pages, double FirstMs, long LiveMid, long SampledPeak, long Retained) Probe()
                {
                    var before = Pages();
                    long baseline = GC.GetTotalMemory(true);
                    var probe = new StreamProbe(() => Pages() - before, baseline);
                    rs.SessionStateProxy.SetVariable("Probe", probe);
                    rs.SessionStateProxy.SetVariable("Half", n / 2);
                    using (var ps = Shell(rs, "$n = 0; Get-PolytomicSyncExecution -SyncId $SyncId | ForEach-Object { if ($n -eq 0) { $Probe.Hit() } elseif ($n -eq $Half) { $Probe.Mid() }; $n++ }; $n"))
                    {
                        var count = (int)ps.Invoke().Single().BaseObject;
                        if (count != n) throw new InvalidOperationException($"the cmdlet streamed {count} of {n}");
                    }
                    baseline = GC.GetTotalMemory(true);
                    long peak = baseline;
                    using (new Timer(_ => { var m = GC.GetTotalMemory(false); if (m > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, m); }, null, 0, 5))
                        Total();
                    var retained = GC.GetTotalMemory(true) - baseline;
                    return (probe.PagesAtHit, probe.At.TotalMilliseconds, probe.LiveMid, Interlocked.Read(ref peak) - baseline, retained);
                }

                // Warm-up to steady state: the JIT moves hot code to its optimised tier only after a quiet spell, which
                // PowerShell's own compiling keeps postponing; here it takes a few hundred thousand items.
                for (int w = 0; w < Math.Max(3, (s == 0 ? 300000 : 100000) / n); w++) { await Raw(); Total(); }
                var raw = new List<double>(); var mod = new List<double>();
                for (int round = 0; round < Rounds(n); round++)
                {
                    var (m, r) = Program.Beside(round, Total, () => Raw().GetAwaiter().GetResult());
                    mod.Add(m);
                    raw.Add(r);
                }
                Probe(); // once to compile the probe's script, then measured
                var (pages, firstAt, liveMid, sampledPeak, retained) = Probe();
                figures[$"{n}.seed_ms"] = seed.Elapsed.TotalMilliseconds;
                figures[$"{n}.first_ms"] = firstAt;
                figures[$"{n}.pages_at_first"] = pages;
                figures[$"{n}.cmdlet_ms"] = Program.Median(mod);
                figures[$"{n}.raw_ms"] = Program.Median(raw);
                figures[$"{n}.ratio"] = Program.PairedRatio(mod, raw);
                figures[$"{n}.live_mb"] = liveMid / 1048576.0;
                figures[$"{n}.peak_mb"] = sampledPeak / 1048576.0;
                figures[$"{n}.retained_mb"] = retained / 1048576.0;
            }
            return figures;
        }

        private static void RenderStreaming(Report report, Figures f, bool quick)
        {
            var rows = new List<(string, string)>();
            foreach (var n in Sizes(quick))
            {
                var pages = f[$"{n}.pages_at_first"];
                var ratio = f[$"{n}.ratio"];
                rows.Add(($"{n:N0} runs: seeded in (ms)", f[$"{n}.seed_ms"].ToString("0")));
                rows.Add(($"{n:N0} runs: first object after (ms), pages requested by then", $"{f[$"{n}.first_ms"]:0.0} ms, {pages:0} page(s) {(pages <= 1 ? "(met: before the 2nd page)" : "(not met)")}"));
                // The target is for the 20,000-run history; a short list also carries the fixed cost of one pipeline.
                var verdict = n >= 20000 ? $" (target ≤ 1.2×: {f.Verdict($"{n}.ratio", 1.2)})" : "";
                rows.Add(($"{n:N0} runs: cmdlet total vs raw paging (ms)", $"{f[$"{n}.cmdlet_ms"]:0.0} vs {f[$"{n}.raw_ms"]:0.0}; ratio {ratio:0.00}× [{f.Range($"{n}.ratio")}]{verdict}"));
                rows.Add(($"{n:N0} runs: live heap half-way through / sampled peak incl. garbage / retained after (MB)", $"{f[$"{n}.live_mb"]:0.0} / {f[$"{n}.peak_mb"]:0.0} / {f[$"{n}.retained_mb"]:0.0}"));
            }
            report.Add("Streaming", $"A sync's run history seeded in the sandbox ({Polytomic.Sandbox.Routes.SyncRunRoutes.PageSize} per page), streamed by `Get-PolytomicSyncExecution -SyncId | Out-Null` vs raw paging with HttpClient + JsonDocument (parse each page, count its items, follow the token). 9 (20,000 runs) or 15 (2,000) rounds measure the two back to back, in alternating order, after a warm-up to steady state (300,000 items per path first, then 100,000); each figure is the median over the rounds, then over {f.Count} fresh processes (the ratio is each round's cmdlet/raw ratio, its range over the processes in brackets). A probe in `ForEach-Object` records, at the first object, how many pages the sandbox had served, and half-way through, the live managed heap after a full collection over the baseline (flat = nothing grows with the list). The sampled peak adds the garbage the GC had not yet collected (it follows the GC's budget); retained is what is left after the stream.", rows);
        }

        public sealed class StreamProbe
        {
            private readonly Func<int> pages;
            private readonly long baseline;
            private readonly Stopwatch clock = Stopwatch.StartNew();
            public StreamProbe(Func<int> pages, long baseline) { this.pages = pages; this.baseline = baseline; }
            public int PagesAtHit { get; private set; }
            public TimeSpan At { get; private set; }
            public long LiveMid { get; private set; }
            public void Hit() { PagesAtHit = pages(); At = clock.Elapsed; }
            public void Mid() { LiveMid = GC.GetTotalMemory(true) - baseline; }
        }

        /// <summary>200 connections created at once through one client, without faults and then under 60 injected 429s
        /// with Retry-After: 1. The second can at best take the first plus the one second the server asked for.</summary>
        private static (double Clean, double Burst, int Failed) RateLimitBurst(SandboxServer sandbox)
        {
            using var client = new Polytomic.PolytomicClient(new Polytomic.PolytomicClientOptions
            {
                ApiKey = Polytomic.SecureStrings.FromPlain(sandbox.State.ApiKey), BaseUrl = sandbox.BaseUrl,
            });
            double Run(string prefix, out int failed)
            {
                var clock = Stopwatch.StartNew();
                var calls = Enumerable.Range(0, 200).Select(i => client.CreateConnectionAsync(new Polytomic.Models.ConnectionRequest
                {
                    Name = prefix + i, Type = "stripe", Configuration = new Dictionary<string, object?> { ["api_key"] = "sk" },
                })).ToArray();
                failed = 0;
                foreach (var call in calls)
                    try { call.GetAwaiter().GetResult(); }
                    catch (Polytomic.PolytomicApiException) { failed++; }
                return clock.Elapsed.TotalMilliseconds;
            }
            Run("burst-warm-", out _);
            var clean = Run("burst-clean-", out _);
            sandbox.State.Faults.FailNext(429, count: 60, retryAfter: "1", method: "POST", pathPrefix: "/api/connections");
            var burst = Run("burst-429-", out var failed);
            sandbox.State.Faults.Clear();
            return (clean, burst, failed);
        }

        // ---- 4. Fan-out ------------------------------------------------------------------------------------------

        internal static Task FanOut(Report report, SandboxServer sandbox, bool quick)
        {
            var count = quick ? 300 : 1000;
            using var setup = Connected(sandbox);
            var session = Shell(setup, "Get-PolytomicSession").Invoke().Single().BaseObject;
            var seqIds = NewSyncs(setup, count, "seq-");
            var parIds = NewSyncs(setup, count, "par-");
            var limIds = NewSyncs(setup, count, "lim-");

            // Sequential: one runspace starts them one after another.
            setup.SessionStateProxy.SetVariable("Ids", seqIds.ToArray());
            var c = Stopwatch.StartNew();
            using (var ps = Shell(setup, "foreach ($id in $Ids) { $null = Start-PolytomicSync -Id $id }"))
            {
                ps.Invoke();
                if (ps.HadErrors) throw new InvalidOperationException("sequential starts failed: " + ps.Streams.Error[0]);
            }
            var sequential = c.Elapsed.TotalMilliseconds;

            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { ScriptRunner.FindModuleManifest() });
            using var pool = RunspaceFactory.CreateRunspacePool(iss);
            pool.SetMinRunspaces(8); pool.SetMaxRunspaces(8);
            pool.Open();

            (double Ms, int Failed) Parallel(List<string> ids)
            {
                // 8 workers, each a runspace of the pool starting its share, as ForEach-Object -Parallel -ThrottleLimit 8 would.
                var chunks = ids.Select((id, i) => (id, i)).GroupBy(x => x.i % 8, x => x.id).Select(g => g.ToArray()).ToList();
                var clock = Stopwatch.StartNew();
                var runs = chunks.Select(chunk =>
                {
                    var ps = PowerShell.Create();
                    ps.RunspacePool = pool;
                    ps.AddScript("param($s, $ids) foreach ($id in $ids) { $null = Start-PolytomicSync -Session $s -Id $id }").AddArgument(session).AddArgument(chunk);
                    return (ps, handle: ps.BeginInvoke());
                }).ToList();
                int failed = 0;
                foreach (var (ps, handle) in runs) { ps.EndInvoke(handle); failed += ps.Streams.Error.Count; ps.Dispose(); }
                return (clock.Elapsed.TotalMilliseconds, failed);
            }

            var (parallel, parallelFailed) = Parallel(parIds);

            // The same with 20 ms added to every answer, as a real API across the internet would: the runspaces then
            // overlap their waits, which loopback (CPU-bound, client and sandbox sharing two cores) cannot show.
            var latSeqIds = NewSyncs(setup, count / 5, "lat-seq-");
            var latParIds = NewSyncs(setup, count / 5, "lat-par-");
            sandbox.State.Faults.Add(new Fault { Kind = FaultKind.Delay, Delay = TimeSpan.FromMilliseconds(20), PathPrefix = "/api/syncs/", Method = "POST", Count = int.MaxValue });
            setup.SessionStateProxy.SetVariable("Ids", latSeqIds.ToArray());
            c.Restart();
            using (var ps = Shell(setup, "foreach ($id in $Ids) { $null = Start-PolytomicSync -Id $id }")) ps.Invoke();
            var latSequential = c.Elapsed.TotalMilliseconds;
            var (latParallel, latFailed) = Parallel(latParIds);
            sandbox.State.Faults.Clear();
            var limit = quick ? 100 : 200;
            sandbox.State.RateLimit.PerSecond = limit;
            Thread.Sleep(1100); // a full bucket to start from
            var (limited, limitedFailed) = Parallel(limIds);
            var rejected = sandbox.State.RateLimit.Rejected;
            sandbox.State.RateLimit.PerSecond = null;
            // The floor: the bucket's initial burst (one second's worth) is free, the rest comes at the limit's rate.
            var floor = Math.Max(0, count - limit) * 1000.0 / limit;
            var over = limited / floor - 1;
            var (clean, burst, burstFailed) = RateLimitBurst(sandbox);
            var ideal = clean + 1000;

            report.Add("Fan-out", $"Starting {count:N0} syncs (`Start-PolytomicSync -Id`) sequentially from one runspace vs from 8 runspaces of a RunspacePool sharing one session; then again under a sandbox rate limit of {limit} requests/s (token bucket, burst of one second's worth), against the limit's floor of {floor / 1000:0.0} s.",
                new[]
                {
                    ("sequential (ms)", sequential.ToString("0")),
                    ("8 runspaces (ms)", parallel.ToString("0")),
                    ("speed-up", (sequential / parallel).ToString("0.00") + "×"),
                    ("failed calls (8 runspaces)", parallelFailed.ToString()),
                    ($"with 20 ms latency, {count / 5} starts: sequential vs 8 runspaces (ms)", $"{latSequential:0} vs {latParallel:0} = {latSequential / latParallel:0.00}× speed-up, {latFailed} failed"),
                    ($"under {limit}/s: total (ms)", limited.ToString("0")),
                    ($"under {limit}/s: over the floor", (over * 100).ToString("0.0") + $" % (target ≤ 10 %: {(over <= 0.10 ? "met" : "not met")})"),
                    ($"under {limit}/s: failed calls", limitedFailed.ToString()),
                    ($"under {limit}/s: 429s absorbed by pacing and retries", rejected.ToString()),
                    ("200 creates started at once through one client under 60 injected 429s (Retry-After: 1): total vs ideal (the same 200 without faults + 1 s) (ms)",
                        $"{burst:0} vs {ideal:0} = {(burst / ideal - 1) * 100:0} % over (target ≤ 20 %: {(burst <= ideal * 1.2 ? "met" : "not met")}), {burstFailed} failed"),
                });
            return Task.CompletedTask;
        }
    }
}
