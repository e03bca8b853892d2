using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Polytomic.Models;

namespace Polytomic.SyncRuns
{
    /// <summary>The health report (Export-PolytomicHealthReport): one self-contained HTML page, every sync's state,
    /// problems first, and a per-sync run timeline as inline SVG. Nothing in it loads anything: no scripts, fonts,
    /// images or links to fetch, and a Content-Security-Policy of default-src 'none' forbids it anyway. Every text from
    /// Polytomic (names, statuses) is HTML-encoded.</summary>
    public static class HealthReportHtml
    {
        private const int Width = 480, Height = 34, Bar = 26;
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static string Render(IReadOnlyList<PolytomicSyncHealth> syncs, IReadOnlyDictionary<string, List<TimelineRun>> runs,
            DateTimeOffset from, DateTimeOffset to, DateTimeOffset generated)
        {
            var failed = syncs.Count(x => x.Problem == SyncHealthRules.Failed);
            var stale = syncs.Count(x => x.Problem == SyncHealthRules.Stale);
            var days = Math.Max(1, (int)Math.Round((to - from).TotalDays));
            var b = new StringBuilder(4096 + syncs.Count * 2048);
            b.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
             .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
             .Append("<title>Polytomic sync health</title>\n<style>\n")
             .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222}")
             .Append("h1{font-size:20px;margin:0 0 4px}.meta{color:#555;margin:0 0 16px}")
             .Append("table{border-collapse:collapse}th,td{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:middle;font-size:13px}")
             .Append("th{background:#f4f4f4}.num{text-align:right}.Failed td:first-child{color:#fff;background:#c62828;font-weight:600}")
             .Append(".Stale td:first-child{background:#f9a825;font-weight:600}.off{color:#888}")
             .Append(".pill{display:inline-block;padding:1px 8px;border-radius:9px;margin-right:6px}.pf{background:#c62828;color:#fff}.ps{background:#f9a825}.po{background:#2e7d32;color:#fff}")
             .Append("svg text{font-size:10px;fill:#666}.legend span{margin-right:12px}\n</style></head><body>\n");
            b.Append("<h1>Polytomic sync health</h1>\n<p class=\"meta\">Generated ").Append(Stamp(generated))
             .Append(" UTC · runs of the last ").Append(days).Append(days == 1 ? " day" : " days").Append(" · ").Append(syncs.Count).Append(" syncs: ")
             .Append("<span class=\"pill pf\">").Append(failed).Append(" failed</span>")
             .Append("<span class=\"pill ps\">").Append(stale).Append(" stale</span>")
             .Append("<span class=\"pill po\">").Append(syncs.Count - failed - stale).Append(" ok</span></p>\n");
            b.Append("<p class=\"legend\"><span style=\"color:#2e7d32\">■ completed</span><span style=\"color:#c62828\">■ failed</span>")
             .Append("<span style=\"color:#9e9e9e\">■ canceled</span><span style=\"color:#1565c0\">■ running</span>bar height: records</p>\n");
            b.Append("<table><thead><tr><th>Problem</th><th>Kind</th><th>Name</th><th>Status</th><th class=\"num\">Fails in a row</th>")
             .Append("<th>Last success</th><th>Next run</th><th class=\"num\">Runs</th><th>").Append(Axis(from, to)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var h in SyncHealthRules.Order(syncs))
            {
                var list = runs.TryGetValue(h.Id, out var r) ? r : new List<TimelineRun>();
                b.Append("<tr class=\"").Append(h.Problem ?? "ok").Append("\"><td>").Append(Enc(h.Problem ?? "")).Append("</td><td>").Append(Enc(h.Kind))
                 .Append("</td><td>").Append(Enc(h.Name ?? h.Id)).Append(h.Active ? "" : " <span class=\"off\">(off)</span>")
                 .Append("</td><td>").Append(Enc(h.Status ?? "never run")).Append(h.Running ? " · running" : "")
                 .Append("</td><td class=\"num\">").Append(h.ConsecutiveFailures)
                 .Append("</td><td>").Append(h.LastSuccessAt is DateTimeOffset s ? Stamp(s) : "never")
                 .Append("</td><td>").Append(h.NextRunAt is DateTimeOffset n ? Stamp(n) : "")
                 .Append("</td><td class=\"num\">").Append(list.Count).Append(list.Count(x => SyncHealthRules.IsFailure(x.Status)) is int f && f > 0 ? $" ({f} failed)" : "")
                 .Append("</td><td>").Append(Timeline(list, from, to)).Append("</td></tr>\n");
            }
            b.Append("</tbody></table>\n</body></html>\n");
            return b.ToString();
        }

        private static string Stamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", Inv);
        private static string Enc(string s) => WebUtility.HtmlEncode(s);
        private static string N(double v) => v.ToString("0.#", Inv);

        private static double X(DateTimeOffset t, DateTimeOffset from, DateTimeOffset to) =>
            Math.Max(0, Math.Min(Width, (t - from).TotalMilliseconds / Math.Max(1, (to - from).TotalMilliseconds) * Width));

        /// <summary>The day labels above the timelines.</summary>
        private static string Axis(DateTimeOffset from, DateTimeOffset to)
        {
            var b = new StringBuilder();
            b.Append("<svg width=\"").Append(Width).Append("\" height=\"14\" role=\"img\" aria-label=\"days\">");
            for (var d = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero).AddDays(1); d < to; d = d.AddDays(1))
                b.Append("<text x=\"").Append(N(X(d, from, to) + 2)).Append("\" y=\"11\">").Append(d.ToString("MMM d", Inv)).Append("</text>");
            return b.Append("</svg>").ToString();
        }

        /// <summary>One sync's runs: a bar per run at its start, colored by outcome, as tall as its records allow.</summary>
        private static string Timeline(List<TimelineRun> runs, DateTimeOffset from, DateTimeOffset to)
        {
            var most = Math.Max(1, runs.Max(r => (long?)(r.Records ?? 0)) ?? 1);
            var b = new StringBuilder();
            b.Append("<svg width=\"").Append(Width).Append("\" height=\"").Append(Height)
             .Append("\" role=\"img\" aria-label=\"").Append(runs.Count).Append(" runs\"><rect width=\"").Append(Width).Append("\" height=\"").Append(Height).Append("\" fill=\"#fafafa\"/>");
            for (var d = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero).AddDays(1); d < to; d = d.AddDays(1))
                b.Append("<line x1=\"").Append(N(X(d, from, to))).Append("\" x2=\"").Append(N(X(d, from, to))).Append("\" y1=\"0\" y2=\"").Append(Height).Append("\" stroke=\"#ddd\"/>");
            foreach (var r in runs)
            {
                if (r.At is not DateTimeOffset at) continue;
                var h = 4 + (Bar - 4) * Math.Log10(1 + (r.Records ?? 0)) / Math.Log10(1 + most);
                var color = SyncHealthRules.IsFailure(r.Status) ? "#c62828" : SyncHealthRules.IsSuccess(r.Status) ? "#2e7d32" : r.Status == "canceled" ? "#9e9e9e" : "#1565c0";
                b.Append("<rect x=\"").Append(N(Math.Min(Width - 3, X(at, from, to)))).Append("\" y=\"").Append(N(Height - 2 - h)).Append("\" width=\"3\" height=\"").Append(N(h))
                 .Append("\" fill=\"").Append(color).Append("\"><title>").Append(Stamp(at)).Append(" UTC · ").Append(Enc(r.Status ?? "?")).Append(" · ")
                 .Append(r.Records ?? 0).Append(" records, ").Append(r.Errors ?? 0).Append(" errors</title></rect>");
            }
            return b.Append("</svg>").ToString();
        }
    }
}
