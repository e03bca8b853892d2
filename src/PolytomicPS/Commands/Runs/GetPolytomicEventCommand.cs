using System;

using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicEvent: Polytomic's events (sync.running, sync.completed, sync.failed…; kept 48 hours),
    /// oldest first, filtered by type and time window. Pages are windows in time, each written as it arrives.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicEvent", SupportsPaging = true)]
    [OutputType(typeof(PolytomicEvent))]
    public sealed class GetPolytomicEventCommand : PolytomicCmdlet
    {
        /// <summary>Only this event type (Tab completes them).</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Type { get; set; }

        /// <summary>Only events after this time.</summary>
        [Parameter]
        public DateTime? After { get; set; }

        /// <summary>Only events before this time.</summary>
        [Parameter]
        public DateTime? Before { get; set; }

        /// <summary>Events per request (the API allows up to 100).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override object? ErrorTarget => Type;

        protected override void ProcessItem()
        {
            DateTimeOffset? after = After == null ? (DateTimeOffset?)null : new DateTimeOffset(After.Value.ToUniversalTime());
            DateTimeOffset? before = Before == null ? (DateTimeOffset?)null : new DateTimeOffset(Before.Value.ToUniversalTime());
            if (after != null && before != null && after >= before)
                throw new PolytomicInputException("InvalidTimeWindow", "-After must be earlier than -Before.", "After", After);
            ulong skip = PagingParameters.Skip, first = PagingParameters.First, written = 0, seen = 0;
            var previous = new HashSet<string>(StringComparer.Ordinal);
            while (written < first)
            {
                var page = Await((c, ct) => c.ListEventsAsync(Type, after, before, PageSize, ct));
                var fresh = page.Where(e => !previous.Contains(e.Id)).ToList();
                foreach (var e in fresh)
                {
                    if (seen++ < skip) continue;
                    if (written >= first) break;
                    WriteObject(e);
                    written++;
                }
                if (page.Count < PageSize) break;
                var last = page.Max(e => e.CreatedAt) ?? throw new InvalidOperationException("An event without created_at cannot be paged past.");
                // The next window starts a millisecond before the last event, so events sharing its timestamp are not
                // lost (the bound is exclusive); those already written are skipped by id. A page of nothing new moves on.
                after = fresh.Count == 0 ? last : last.AddMilliseconds(-1);
                previous = new HashSet<string>(page.Select(e => e.Id), StringComparer.Ordinal);
            }
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(seen, written >= first ? 0.0 : 1.0));
        }
    }
}
