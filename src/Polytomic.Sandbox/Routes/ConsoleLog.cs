using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Console logs (2025-09-18) of model-sync and bulk runs, made from a run's timeline; only the latest 50
    /// entries are kept, paged with limit + after (an entry id such as 1744311099250-0).</summary>
    public static class ConsoleLog
    {
        public sealed record Entry(string Id, DateTimeOffset At, string Level, string Message);

        public static List<Entry> Entries(DateTimeOffset now, DateTimeOffset created, DateTimeOffset queued, DateTimeOffset? started,
            DateTimeOffset? completed, DateTimeOffset expectedEnd, string status, Func<DateTimeOffset, long> processed, string? error, string what)
        {
            var lines = new List<(DateTimeOffset, string, string)> { (created, "INFO", $"Created {what} execution") };
            if (now >= queued && (started != null || completed == null)) lines.Add((queued, "INFO", "Queued"));
            if (started is DateTimeOffset s)
            {
                lines.Add((s, "INFO", $"Started {what}"));
                var end = completed ?? now;
                for (int k = 1; k < 8; k++)
                {
                    var t = s + TimeSpan.FromTicks((expectedEnd - s).Ticks * k / 8);
                    if (t >= end || t > now) break;
                    lines.Add((t, "INFO", $"Processed {processed(t)} records"));
                }
            }
            if (status == "canceling" || status == "canceled") lines.Add((completed ?? now, "WARN", status == "canceled" ? "Execution canceled" : "Cancellation requested"));
            else if (completed is DateTimeOffset done)
                lines.Add(status == "failed" ? (done, "ERROR", $"Execution failed: {error}") : (done, "INFO", $"Execution {status}: {processed(done)} records"));
            var entries = new List<Entry>();
            long lastMs = -1; int seq = 0;
            foreach (var (at, level, message) in lines.OrderBy(l => l.Item1))
            {
                var ms = at.ToUnixTimeMilliseconds();
                seq = ms == lastMs ? seq + 1 : 0;
                lastMs = ms;
                entries.Add(new Entry($"{ms}-{seq}", at, level, message));
            }
            return entries.Skip(Math.Max(0, entries.Count - SyncRunRoutes.MaxConsoleEntries)).ToList();
        }

        /// <summary>{entries, next_cursor}: entries after the cursor, at most limit; next_cursor when more remain.</summary>
        public static JsonObject Page(SandboxRequest r, List<Entry> entries)
        {
            var limit = ListPages.Limit(r, 20, 100);
            var after = r.Query("after");
            IEnumerable<Entry> rest = entries;
            if (!string.IsNullOrEmpty(after))
            {
                var key = Key(after!) ?? throw ApiError.BadRequest("invalid after cursor: use an entry id such as 1744311099250-0");
                rest = entries.Where(e => Key(e.Id)!.Value.CompareTo(key) > 0);
            }
            var list = rest.ToList();
            var page = list.Take(limit).ToList();
            return new JsonObject
            {
                ["entries"] = new JsonArray(page.Select(e => (JsonNode)new JsonObject
                {
                    ["id"] = e.Id, ["timestamp"] = SyncRunRoutes.Stamp(e.At), ["level"] = e.Level, ["message"] = e.Message,
                }).ToArray()),
                ["next_cursor"] = list.Count > limit ? page[^1].Id : null,
            };
        }

        private static (long, int)? Key(string id)
        {
            var dash = id.IndexOf('-');
            return dash > 0 && long.TryParse(id.AsSpan(0, dash), out var ms) && int.TryParse(id.AsSpan(dash + 1), out var seq) ? (ms, seq) : null;
        }
    }
}
