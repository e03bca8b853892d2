using System;

using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets Polytomic's events (sync.running, sync.completed, sync.failed…), filtered by type and time.</summary>
    /// <remarks>
    /// <para>Get-PolytomicEvent reads GET /api/events (both API versions), oldest first. Polytomic keeps events for 48 hours and returns at most 100 per request, so the cmdlet pages by time window: each next request starts just before the last event seen, events already written are skipped by id, and each page is written as it arrives. -First, -Skip and -IncludeTotalCount work as usual; -First stops without further requests.</para>
    /// <para>-Type keeps one event type (Tab completes them; Get-PolytomicEventType lists them); -After and -Before bound the window (exclusive, converted to UTC). -After later than -Before is an InvalidTimeWindow error; an unknown type is PolytomicApi.BadRequest.</para>
    /// <para>Outputs PolytomicEvent objects: Type, CreatedAt, the raw Event payload, and SyncId, SyncName and ExecutionId read from it.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicEvent -Type sync.failed -After ([DateTime]::UtcNow.AddDays(-1))
    /// </code>
    /// <para>Lists the sync runs that failed during the last day.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $since = [DateTime]::UtcNow
    /// $run = Start-PolytomicSync -Id $sync.Id -Wait
    /// Get-PolytomicEvent -After $since | Where-Object ExecutionId -eq $run.Id
    /// </code>
    /// <para>Shows the events one run emitted (running, then completed or failed).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicEvent", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicEvent.md", SupportsPaging = true)]
    [OutputType(typeof(PolytomicEvent))]
    public sealed class GetPolytomicEventCommand : PolytomicCmdlet
    {
        /// <summary>Keeps only events of this type, such as sync.failed; Tab completes the types Get-PolytomicEventType lists.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Type { get; set; }

        /// <summary>Keeps only events after this time (exclusive; local times are converted to UTC).</summary>
        [Parameter]
        public DateTime? After { get; set; }

        /// <summary>Keeps only events before this time (exclusive; local times are converted to UTC). Must be later than -After.</summary>
        [Parameter]
        public DateTime? Before { get; set; }

        /// <summary>Events per request, 1 to 100 (default 100); every page is read whatever the size.</summary>
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
            var window = new PagingWindow(PagingParameters);
            var previous = new HashSet<string>(StringComparer.Ordinal);
            var tokens = new Polytomic.Http.PageTokens();
            string? token = null;
            while (!window.Full)
            {
                var pageToken = token;
                var listed = Await((c, ct) => c.ListEventsPageAsync(Type, after, before, PageSize, pageToken, ct));
                var page = listed.Items;
                var fresh = page.Where(e => !previous.Contains(e.Id)).ToList();
                foreach (var e in fresh)
                {
                    if (window.Full) break;
                    if (window.Admit()) WriteObject(e);
                }
                // A page that carries a next-page token is followed (through the paging guard); otherwise the list
                // pages by time window.
                token = tokens.Next(listed, "The list of events");
                if (token != null) { foreach (var e in page) previous.Add(e.Id); continue; }
                if (page.Count < PageSize) break;
                var last = page.Max(e => e.CreatedAt) ?? throw new InvalidOperationException("An event without created_at cannot be paged past.");
                // The next window starts a millisecond before the last event, so events sharing its timestamp are not
                // lost (the bound is exclusive); those already written are skipped by id. A page of nothing new moves on.
                if (fresh.Count == 0 && after == last)
                    throw new PolytomicApiException(PolytomicErrorKind.PagingLoop,
                        $"The list of events: the window after {last:o} gave only events already written, so the list would repeat forever; paging stopped.");
                after = fresh.Count == 0 ? last : last.AddMilliseconds(-1);
                previous = new HashSet<string>(page.Select(e => e.Id), StringComparer.Ordinal);
            }
            if (window.Total(window.Full ? 0.0 : 1.0) is PSObject total) WriteObject(total);
        }
    }
}
