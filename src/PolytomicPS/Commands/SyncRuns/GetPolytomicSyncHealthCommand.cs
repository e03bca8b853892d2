using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;
using Polytomic;
using Polytomic.SyncRuns;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the health of every model sync and bulk sync: what failed, what went stale, what is running.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSyncHealth outputs one PolytomicSyncHealth per model sync and per bulk sync, problems first: Kind (Sync or BulkSync), Name, Id, Active, Status (of the last finished run), LastRunAt, LastSuccessAt, ConsecutiveFailures, Records and Errors (of the last finished run), Running, NextRunAt and Problem (Failed, Stale, or empty).</para>
    /// <para>Problem is Failed when the last finished run failed (failed or interrupted; a bulk run also errors). It is Stale when the sync is active and scheduled (it has a NextRunAt), its last run did not fail, and it has not succeeded since -NotSucceededSince (24 hours ago by default); a sync created since then that has not run yet is not stale. ConsecutiveFailures counts finished runs in a row that failed, newest first; canceled runs are skipped. It is read from the first page of the sync's finished runs, so it counts at most one page.</para>
    /// <para>Requests: the sync list and GET /api/syncs/{id}/status for each model sync (eight at a time, each waiting for the session's rate pacing, so a large workspace is read as fast as the rate limit allows and no faster); the bulk-sync list and one GET /api/bulk/syncs/status?all=true for every bulk sync. A sync whose last run did not succeed costs one more request, the first page of its finished runs. -Name and -Kind choose the syncs before their statuses are read. A sync deleted while it is read is left out; another failure is a PolytomicApi error for that sync while the others are still reported. Both API versions.</para>
    /// <para>Filters: -Failed, -Stale, -Running, -Inactive, -NotSucceededSince (a date, or a time span back from now: the syncs with no success since then, whatever their schedule; it also sets the Stale cutoff unless -StaleAfter is given), -Name (wildcards) and -Kind. -StaleAfter only sets how long a scheduled sync may go without a success before it is Stale. Several filters together must all hold.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncHealth
    /// </code>
    /// <para>Shows every sync and bulk sync, the failed and stale ones first.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncHealth -NotSucceededSince ([TimeSpan]::FromDays(1)) -Kind Sync
    /// </code>
    /// <para>Lists the model syncs that have not succeeded in the last day (the morning question "what failed or stalled since yesterday?").</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncHealth -Failed | Where-Object ConsecutiveFailures -ge 3 | Select-Object Kind, Name, LastSuccessAt
    /// </code>
    /// <para>Shows the syncs that have failed at least three times in a row, and when each last succeeded.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncHealth -StaleAfter (New-TimeSpan -Hours 6) | Where-Object Problem | Format-Table Problem, Kind, Name, LastSuccessAt, NextRunAt
    /// </code>
    /// <para>Counts a scheduled sync as stale after six hours without a success, and shows only the syncs with a problem.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSyncHealth", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSyncHealth.md")]
    [OutputType(typeof(PolytomicSyncHealth))]
    public sealed class GetPolytomicSyncHealthCommand : PolytomicCmdlet
    {
        /// <summary>Names of the syncs to report (wildcards allowed); without it, every sync.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncOrBulkNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Sync (model syncs), BulkSync, or both (the default).</summary>
        [Parameter]
        [ValidateSet(SyncHealthRules.Sync, SyncHealthRules.BulkSync)]
        public string[]? Kind { get; set; }

        /// <summary>Only the syncs whose last finished run failed.</summary>
        [Parameter]
        public SwitchParameter Failed { get; set; }

        /// <summary>Only the stale syncs (see the Stale rule in the description).</summary>
        [Parameter]
        public SwitchParameter Stale { get; set; }

        /// <summary>Only the syncs with a run in progress.</summary>
        [Parameter]
        public SwitchParameter Running { get; set; }

        /// <summary>Only the inactive (turned off) syncs.</summary>
        [Parameter]
        public SwitchParameter Inactive { get; set; }

        /// <summary>Only the syncs with no success since then: a DateTime, or a TimeSpan back from now (e.g. (New-TimeSpan -Hours 12) or '1.00:00:00'). It also sets the Stale cutoff (default 24 hours).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? NotSucceededSince { get; set; }

        /// <summary>How long an active, scheduled sync may go without a success before it is Stale (default 24 hours, or -NotSucceededSince when that is given). It filters nothing.</summary>
        [Parameter]
        public TimeSpan? StaleAfter { get; set; }

        /// <summary>The session to read; several sessions (one per organization, Get-PolytomicOrganization | Connect-Polytomic -PartnerKey $key) read every organization, and each object carries its Organization.</summary>
        [Parameter]
        [ValidateNotNull]
        public new PolytomicSession[]? Session { get; set; }

        protected override void ProcessItem()
        {
            var now = DateTimeOffset.UtcNow;
            SyncHealthInput.CheckStaleAfter(StaleAfter);
            DateTimeOffset? since = NotSucceededSince == null ? (DateTimeOffset?)null : Cutoff(NotSucceededSince, now);
            var cutoff = StaleAfter is TimeSpan after ? now - after : since ?? now - SyncHealthRules.DefaultStaleAfter;
            var names = new NameFilter(Name);
            var all = new System.Collections.Generic.List<PolytomicSyncHealth>();
            var sessions = Session == null || Session.Length == 0 ? new PolytomicSession?[] { null } : Session;
            foreach (var session in sessions)
            {
                base.Session = session;
                // Several organizations: each object says which one it is, by name where the session can read it.
                if (sessions.Length > 1 && CurrentSession.OrganizationName == null)
                    CurrentSession.Learn(Await((c, ct) => c.GetIdentityAsync(ct)));
                var reader = SyncHealthInput.Reader(Client, Kind, names);
                var read = Await((c, ct) => reader.ReadAsync(ct));
                foreach (var h in read) h.Organization = CurrentSession.Organization;
                all.AddRange(read);
                foreach (var (id, error) in reader.Failures) WriteError(ErrorFactory.FromApi(error, id));
            }
            foreach (var e in names.Missing("SyncNotFound", "sync or bulk sync")) WriteError(e);
            foreach (var h in all) SyncHealthRules.Judge(h, cutoff);
            foreach (var h in SyncHealthRules.Order(all))
            {
                if (Failed && h.Problem != SyncHealthRules.Failed) continue;
                if (Stale && h.Problem != SyncHealthRules.Stale) continue;
                if (Running && !h.Running) continue;
                if (Inactive && h.Active) continue;
                if (since != null && !SyncHealthRules.NotSucceededSince(h, since.Value)) continue;
                WriteObject(h);
            }
        }

        /// <summary>A date, or a span back from now; anything else is refused before any request.</summary>
        private static DateTimeOffset Cutoff(object value, DateTimeOffset now)
        {
            var v = value is PSObject ps ? ps.BaseObject : value;
            switch (v)
            {
                case DateTime d: return d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d.ToUniversalTime()) : new DateTimeOffset(d);
                case DateTimeOffset o: return o;
                case TimeSpan t when t >= TimeSpan.Zero: return now - t;
                case string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero: return now - span;
                case string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var at): return at;
            }
            throw new PolytomicInputException("InvalidNotSucceededSince",
                $"-NotSucceededSince takes a date or a positive time span (e.g. (New-TimeSpan -Days 1) or '1.00:00:00'), not '{v}'.", "NotSucceededSince", v);
        }
    }
}
