using System;
using System.Collections.Generic;
using System.Linq;

namespace PolytomicPS
{
    /// <summary>-Status and -Since/-Until of the execution lists. Pages come newest first (or oldest first with
    /// -Ascending), so the first run beyond the window's far end ends the listing: no later page is read.</summary>
    internal sealed class RunFilter
    {
        public enum Verdict { Keep, Skip, Stop }

        private readonly HashSet<string>? statuses;
        private readonly DateTimeOffset? since, until;
        private readonly bool ascending;

        public RunFilter(string[]? statuses, DateTime? since, DateTime? until, bool ascending)
        {
            this.statuses = statuses == null || statuses.Length == 0 ? null : new HashSet<string>(statuses, StringComparer.OrdinalIgnoreCase);
            this.since = At(since);
            this.until = At(until);
            this.ascending = ascending;
        }

        /// <summary>True when -Since or -Until is given: the list is then read one page at a time, so that it stops
        /// at the page that passes the window.</summary>
        public bool Bounded => since != null || until != null;

        /// <summary>A DateTime without a kind is local time, as PowerShell's Get-Date gives it.</summary>
        private static DateTimeOffset? At(DateTime? t) =>
            t == null ? (DateTimeOffset?)null : new DateTimeOffset(t.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t.Value, DateTimeKind.Local) : t.Value);

        /// <summary>A run (its status and when it was created) against the filter.</summary>
        public Verdict Judge(string? status, DateTimeOffset? createdAt)
        {
            if (createdAt is DateTimeOffset at)
            {
                if (since != null && at < since) return ascending ? Verdict.Skip : Verdict.Stop;
                if (until != null && at > until) return ascending ? Verdict.Stop : Verdict.Skip;
            }
            else if (Bounded) return Verdict.Skip;
            return statuses == null || (status != null && statuses.Contains(status)) ? Verdict.Keep : Verdict.Skip;
        }

        public static string? Check(DateTime? since, DateTime? until) =>
            since != null && until != null && At(since) > At(until) ? "-Since is later than -Until: no run can match." : null;
    }
}
