using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic.SyncRuns
{
    /// <summary>What Get-PolytomicSyncHealth reads. Model syncs: the list, then GET /api/syncs/{id}/status per sync,
    /// <see cref="Parallelism"/> at a time (every request still waits for the session's RatePacer, so the fan-out never
    /// outruns the rate limit). Bulk syncs: the list and one GET /api/bulk/syncs/status?all=true. Only a sync whose last
    /// run did not succeed costs one more request: the first page of its finished runs, for failures in a row and the
    /// last success.</summary>
    public sealed class SyncHealthReader
    {
        public const int Parallelism = 8;

        private readonly PolytomicClient client;
        public SyncHealthReader(PolytomicClient client) { this.client = client; }

        /// <summary>Which syncs to read: by kind and by name (checked before their statuses are read).</summary>
        public bool Models { get; set; } = true;
        public bool Bulk { get; set; } = true;
        public Func<string?, bool> NameMatches { get; set; } = _ => true;

        /// <summary>The syncs whose reads failed (id and the error), while the others were read.</summary>
        public List<(string Id, PolytomicApiException Error)> Failures { get; } = new List<(string, PolytomicApiException)>();

        public async Task<List<PolytomicSyncHealth>> ReadAsync(CancellationToken ct)
        {
            var all = new List<PolytomicSyncHealth>();
            if (Models) all.AddRange(await ReadModelSyncsAsync(ct).ConfigureAwait(false));
            if (Bulk) all.AddRange(await ReadBulkSyncsAsync(ct).ConfigureAwait(false));
            return all;
        }

        private async Task<IEnumerable<PolytomicSyncHealth>> ReadModelSyncsAsync(CancellationToken ct)
        {
            var syncs = (await client.ListAllAsync((t, k) => client.ListSyncsPageAsync(null, t, null, k), "syncs", ct).ConfigureAwait(false))
                .Where(s => NameMatches(s.Name)).ToList();
            return await Each(syncs, s => s.Id, async s =>
            {
                var status = await client.GetSyncStatusAsync(s.Id, ct).ConfigureAwait(false);
                var health = new PolytomicSyncHealth
                {
                    Kind = SyncHealthRules.Sync, Name = s.Name, Id = s.Id, Active = s.Active == true, CreatedAt = s.CreatedAt,
                    Running = status.CurrentExecution != null && !status.CurrentExecution.IsTerminal, NextRunAt = status.NextExecutionTime,
                };
                var last = status.LastExecution;
                if (last != null)
                {
                    health.Records = last.Counts?.Total;
                    health.Errors = last.Counts?.Error;
                }
                if (last == null) { }
                else if (SyncHealthRules.IsSuccess(last.Status))
                    SyncHealthRules.ApplyHistory(health, new[] { new HealthRun(last.Status, last.StartedAt, last.CompletedAt) });
                else
                {
                    var page = await client.ListSyncExecutionsPageAsync(s.Id, null, onlyCompleted: true, ascending: false, ct).ConfigureAwait(false);
                    var runs = page.Items.Select(e => new HealthRun(e.Status, e.StartedAt, e.CompletedAt)).ToList();
                    if (runs.Count == 0) runs.Add(new HealthRun(last.Status, last.StartedAt, last.CompletedAt));
                    SyncHealthRules.ApplyHistory(health, runs);
                    // The status endpoint's last run is authoritative for the last run itself.
                    health.Status = last.Status;
                    health.LastRunAt = last.StartedAt ?? last.CompletedAt;
                }
                return health;
            }, ct).ConfigureAwait(false);
        }

        private async Task<IEnumerable<PolytomicSyncHealth>> ReadBulkSyncsAsync(CancellationToken ct)
        {
            var syncs = (await client.ListAllAsync((t, k) => client.ListBulkSyncsPageAsync(null, t, k), "bulk syncs", ct).ConfigureAwait(false))
                .Where(s => NameMatches(s.Name)).ToList();
            if (syncs.Count == 0) return Array.Empty<PolytomicSyncHealth>();
            var statuses = (await client.ListBulkSyncStatusesAsync(activeOnly: false, ct).ConfigureAwait(false))
                .GroupBy(x => x.SyncId).ToDictionary(g => g.Key, g => g.First());
            return await Each(syncs, s => s.Id, async s =>
            {
                statuses.TryGetValue(s.Id, out var summary);
                var health = new PolytomicSyncHealth
                {
                    Kind = SyncHealthRules.BulkSync, Name = s.Name, Id = s.Id, Active = s.Active, CreatedAt = s.CreatedAt,
                    NextRunAt = summary?.NextExecutionTime,
                };
                var status = summary?.Status;
                health.Running = status != null && !SyncHealthRules.IsFinished(status);
                if (SyncHealthRules.IsSuccess(status))
                {
                    health.Records = summary!.Schemas.Sum(x => x.RecordCount ?? 0);
                    health.Errors = summary.Schemas.Sum(x => x.ErrorCount ?? 0);
                    var started = summary.Schemas.Min(x => x.StartedAt);
                    var completed = summary.Schemas.Max(x => x.CompletedAt);
                    SyncHealthRules.ApplyHistory(health, new[] { new HealthRun(status, started, completed) });
                }
                else if (status != null)
                {
                    // Running, failed or canceled: the last finished runs tell the rest.
                    var page = await client.ListBulkSyncExecutionsPageAsync(s.Id, null, 50, onlyTerminal: true, ascending: false, ct).ConfigureAwait(false);
                    var newest = page.Items.OrderByDescending(e => e.CompletedAt ?? e.UpdatedAt ?? e.CreatedAt).ToList();
                    SyncHealthRules.ApplyHistory(health, newest.Select(e => new HealthRun(e.Status, e.StartedAt, e.CompletedAt)));
                    var last = newest.FirstOrDefault(e => SyncHealthRules.IsFinished(e.Status));
                    if (last != null) { health.Records = last.RecordCount; health.Errors = last.ErrorCount; }
                }
                return health;
            }, ct).ConfigureAwait(false);
        }

        /// <summary>Each sync's runs created since <paramref name="since"/>, oldest first, for the health report's
        /// timeline: pages newest first, Parallelism syncs at a time, and no page past the first run before since.</summary>
        public async Task<Dictionary<string, List<TimelineRun>>> ReadRunsAsync(IReadOnlyList<PolytomicSyncHealth> syncs, DateTimeOffset since, CancellationToken ct)
        {
            var runs = new Dictionary<string, List<TimelineRun>>(StringComparer.Ordinal);
            await Each(syncs, h => h.Id, async h =>
            {
                var list = new List<TimelineRun>();
                var tokens = new Http.PageTokens();
                string? token = null;
                var done = false;
                do
                {
                    if (h.Kind == SyncHealthRules.BulkSync)
                    {
                        var page = await client.ListBulkSyncExecutionsPageAsync(h.Id, token, 100, onlyTerminal: false, ascending: false, ct).ConfigureAwait(false);
                        foreach (var e in page.Items)
                        {
                            if (e.CreatedAt < since) { done = true; break; }
                            list.Add(new TimelineRun(e.Status, e.CreatedAt, e.StartedAt, e.CompletedAt, e.RecordCount, e.ErrorCount));
                        }
                        token = done ? null : tokens.Next(page, "bulk sync executions");
                    }
                    else
                    {
                        var page = await client.ListSyncExecutionsPageAsync(h.Id, token, onlyCompleted: false, ascending: false, ct).ConfigureAwait(false);
                        foreach (var e in page.Items)
                        {
                            if (e.CreatedAt < since) { done = true; break; }
                            list.Add(new TimelineRun(e.Status, e.CreatedAt, e.StartedAt, e.CompletedAt, e.Counts?.Total, e.Counts?.Error));
                        }
                        token = done ? null : tokens.Next(page, "sync executions");
                    }
                } while (token != null);
                list.Reverse();
                lock (runs) runs[h.Id] = list;
                return h;
            }, ct).ConfigureAwait(false);
            return runs;
        }

        /// <summary>One call per item, Parallelism at a time; a sync deleted meanwhile (404) is left out, another
        /// failure is recorded in Failures and the rest go on.</summary>
        private async Task<List<PolytomicSyncHealth>> Each<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, Task<PolytomicSyncHealth>> call, CancellationToken ct)
        {
            var results = await ParallelCalls.Each(items, Parallelism, async item =>
            {
                try { return await call(item).ConfigureAwait(false); }
                catch (PolytomicApiException ex) when (ex.StatusCode == 404) { return null; }
                catch (PolytomicApiException ex) { lock (Failures) Failures.Add((id(item), ex)); return null; }
            }, ct).ConfigureAwait(false);
            return results.Where(r => r != null).Select(r => r!).ToList();
        }
    }
}
