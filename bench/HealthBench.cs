using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Sandbox;

namespace PolytomicPS.Bench
{
    /// <summary>Issue 25, item 9: Get-PolytomicSyncHealth over 1,000 model syncs and 100 bulk syncs (300 and 30 with
    /// --quick) under the sandbox's rate limit, against the limit's floor (the calls it needs, less the bucket's
    /// one-second burst, at the allowed rate).</summary>
    internal static class HealthBench
    {
        internal static Task Measure(Report report, SandboxServer sandbox, bool quick)
        {
            var models = quick ? 300 : 1000;
            var bulks = quick ? 30 : 100;
            var limit = quick ? 100 : 200;
            using var rs = Scale.Connected(sandbox);
            var ids = Scale.NewSyncs(rs, models, "health-");
            rs.SessionStateProxy.SetVariable("N", bulks);
            using (var ps = Scale.Shell(rs, @"foreach ($i in 1..$N) {
                $null = New-PolytomicBulkSync -Name ""health-bulk-$i"" -Source $crm -Destination $sf -Mode replicate -Frequency manual `
                    -DestinationConfiguration @{ schema = 'RAW' } -Schema Account }"))
            {
                ps.Invoke();
                if (ps.HadErrors) throw new InvalidOperationException("creating bulk syncs failed: " + ps.Streams.Error[0]);
            }
            // A week of six-hourly runs each; every tenth sync failing lately (so it costs one more page read).
            for (int i = 0; i < ids.Count; i++) RunHistory.Seed(sandbox.State, ids[i], i % 10 == 0 ? "CCCCCCCCFFF" : "CCCCCCCCCCC", TimeSpan.FromHours(6));
            using (var ps = Scale.Shell(rs, "(Get-PolytomicBulkSync).Id"))
            {
                var bulkIds = ps.Invoke().Select(o => (string)o.BaseObject).ToList();
                for (int i = 0; i < bulkIds.Count; i++) RunHistory.Seed(sandbox.State, bulkIds[i], i % 10 == 0 ? "CCFF" : "CCCC", TimeSpan.FromHours(6));
            }

            // The calls one health read needs, counted without a limit (and a warm-up of the code paths).
            var before = sandbox.State.Requests.Count;
            var warm = Health(rs);
            var calls = sandbox.State.Requests.Count - before;

            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            var heapBefore = GC.GetTotalMemory(true);
            sandbox.State.RateLimit.PerSecond = limit;
            Thread.Sleep(1100); // a full bucket to start from
            var clock = Stopwatch.StartNew();
            var (count, failed) = Health(rs);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var rejected = sandbox.State.RateLimit.Rejected;
            sandbox.State.RateLimit.PerSecond = null;
            var heapAfter = GC.GetTotalMemory(true);
            var floor = Math.Max(0, calls - limit) * 1000.0 / limit;
            var over = elapsed / floor - 1;

            report.Add("Health of many syncs",
                $"`Get-PolytomicSyncHealth` over {models:N0} model syncs and {bulks} bulk syncs (a week of runs each, every tenth failing), in a hosted runspace against the sandbox in-process, under a sandbox rate limit of {limit} requests/s (token bucket, burst of one second's worth). The floor is the calls one read needs ({calls:N0}: the lists, one status per model sync, one bulk status list, one history page per failing sync), less the burst, at {limit}/s.",
                new[]
                {
                    ("syncs reported (unlimited warm-up; limited run)", $"{warm.Count}; {count}"),
                    ("calls per read", calls.ToString("N0")),
                    ($"under {limit}/s: total (ms) vs floor (ms)", $"{elapsed:0} vs {floor:0}"),
                    ($"under {limit}/s: over the floor", $"{over * 100:0.0} % (target ≤ 20 %: {(over <= 0.20 ? "met" : "not met")})"),
                    ($"under {limit}/s: failed syncs (errors)", failed.ToString()),
                    ($"under {limit}/s: 429s absorbed by pacing and retries", rejected.ToString()),
                    ("managed heap after the read vs before, after a full GC (MB)", $"{heapAfter / 1048576.0:0.0} vs {heapBefore / 1048576.0:0.0}"),
                });
            return Task.CompletedTask;
        }

        private static (int Count, int Failed) Health(System.Management.Automation.Runspaces.Runspace rs)
        {
            using var ps = Scale.Shell(rs, "@(Get-PolytomicSyncHealth).Count");
            var result = ps.Invoke();
            if (result.Count == 0) throw new InvalidOperationException("Get-PolytomicSyncHealth wrote nothing: " + string.Join(" | ", ps.Streams.Error.Take(3)));
            var count = (int)result[0].BaseObject;
            return (count, ps.Streams.Error.Count);
        }
    }
}
