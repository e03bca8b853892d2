using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;
using Polytomic.SyncRuns;
using Polytomic.Workspace;

namespace PolytomicPS.Commands
{
    /// <summary>Writes a health report of every sync and bulk sync: one self-contained HTML page with each sync's state and its runs over the last days.</summary>
    /// <remarks>
    /// <para>Export-PolytomicHealthReport reads what Get-PolytomicSyncHealth reads, plus each sync's runs of the last -Days days (default 7): its executions, newest first, page by page, stopping at the first run older than that (eight syncs at a time, under the session's rate pacing). It writes one HTML file to -Path: a header with the counts (failed, stale, ok), then one row per sync, problems first (Problem, Kind, Name, Status, failures in a row, last success, next run, how many runs and how many failed), each with a timeline of its runs over the days drawn as inline SVG: a bar per run at its start, green completed, red failed, grey canceled, blue in progress, as tall as its record count allows; hovering a bar shows its time, status, records and errors.</para>
    /// <para>The page is self-contained: no scripts, fonts, images or style sheets to load, and a Content-Security-Policy of default-src 'none', so it opens offline and mailing or archiving it leaks nothing it does not show. Names are HTML-encoded.</para>
    /// <para>The file is written whole (to a temporary file first, then moved over -Path), so a failed export leaves any previous report as it was. An existing file is replaced (with -WhatIf nothing is written); -NoClobber refuses to replace it (HealthReportExists); a -Path that is a folder or a link is refused (InvalidHealthReportPath) before any request. -PassThru outputs the file.</para>
    /// <para>-Name, -Kind and -StaleAfter work as on Get-PolytomicSyncHealth.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Export-PolytomicHealthReport -Path report.html
    /// </code>
    /// <para>Writes report.html with every sync's state and its runs of the last seven days.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Export-PolytomicHealthReport -Path ./health.html -Days 14 -Kind Sync -PassThru | Select-Object Name, Length
    /// </code>
    /// <para>Writes a report of the model syncs over two weeks and shows the file written.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "PolytomicHealthReport", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Export-PolytomicHealthReport.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportPolytomicHealthReportCommand : PolytomicCmdlet
    {
        /// <summary>The HTML file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>How many days of runs the timelines show (1 to 90, default 7).</summary>
        [Parameter]
        [ValidateRange(1, 90)]
        public int Days { get; set; } = 7;

        /// <summary>Names of the syncs to report (wildcards allowed); without it, every sync.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncOrBulkNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Sync (model syncs), BulkSync, or both (the default).</summary>
        [Parameter]
        [ValidateSet(SyncHealthRules.Sync, SyncHealthRules.BulkSync)]
        public string[]? Kind { get; set; }

        /// <summary>How long an active, scheduled sync may go without a success before it is Stale (default 24 hours).</summary>
        [Parameter]
        public TimeSpan? StaleAfter { get; set; }

        /// <summary>Refuse to replace an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Output the file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Path;

        protected override void ProcessItem()
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (Directory.Exists(full) || WorkspaceFolder.IsLink(full))
                throw new PolytomicInputException("InvalidHealthReportPath", $"'{full}' is a folder or a link: give the path of an HTML file to write.", "Path", full);
            if (NoClobber && File.Exists(full))
                throw new PolytomicInputException("HealthReportExists", $"'{full}' exists and -NoClobber was given.", "Path", full);
            SyncHealthInput.CheckStaleAfter(StaleAfter);
            if (!ShouldProcess(full, "Write the Polytomic health report")) return;

            var now = DateTimeOffset.UtcNow;
            var from = now.AddDays(-Days);
            var names = new NameFilter(Name);
            var reader = SyncHealthInput.Reader(Client, Kind, names);
            var all = Await((c, ct) => reader.ReadAsync(ct));
            foreach (var h in all) SyncHealthRules.Judge(h, now - (StaleAfter ?? SyncHealthRules.DefaultStaleAfter));
            var runs = Await((c, ct) => reader.ReadRunsAsync(all, from, ct));
            foreach (var (id, error) in reader.Failures) WriteError(ErrorFactory.FromApi(error, id));
            foreach (var e in names.Missing("SyncNotFound", "sync or bulk sync")) WriteError(e);

            var html = HealthReportHtml.Render(all, runs, from, now, now);
            StateFiles.WriteWhole(full, html); // the old report stays until the new one is whole
            WriteVerbose($"Wrote the health report of {all.Count} sync(s) and {runs.Values.Sum(r => r.Count)} run(s) to {full}.");
            if (PassThru) WriteObject(new FileInfo(full));
        }
    }
}
