using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Emits Polytomic's events that came after a checkpoint file, oldest first, and moves the checkpoint past them: a scheduled job that reads events without reading any twice or missing any.</summary>
    /// <remarks>
    /// <para>Receive-PolytomicEvent reads GET /api/events from the position recorded in -CheckpointPath (from the oldest retained event when the file does not exist yet), emits each new event as a PolytomicEvent, and after each batch (a page of up to -PageSize) writes the checkpoint whole (a temporary file renamed over it): the time of the last event emitted and the ids emitted at that exact time, so events sharing a millisecond are neither lost nor repeated. This is the fallback Polytomic's events guide recommends next to the event webhook, which delivers at most once.</para>
    /// <para>Nothing is emitted twice across runs, and nothing is skipped while Polytomic still keeps it (48 hours). A run stopped by -TimeoutSeconds, Select-Object -First or an error downstream records exactly what reached the pipeline; Ctrl+C in the middle of handing over one event, or a process killed between emitting a batch and writing the checkpoint, can emit that event or that one batch again (never skip it). Use one reader per checkpoint file. When the last complete read is older than the 48-hour retention, a warning says events may have been lost.</para>
    /// <para>-Type keeps only those event types (Tab completes them); a checkpoint belongs to one set of types, and another set is CheckpointTypeMismatch. -Follow keeps polling every -PollIntervalSeconds (default 5) until Ctrl+C or -TimeoutSeconds, emitting events as they come. A file that is not a checkpoint is InvalidCheckpoint and is never changed; a link is refused (CheckpointPathIsLink).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Receive-PolytomicEvent -CheckpointPath ./events.checkpoint.json -Type sync.failed, bulk_sync.failed |
    ///     ForEach-Object { "$($_.CreatedAt) $($_.Type) $($_.SyncName)" }
    /// </code>
    /// <para>Run from a scheduled job: each run prints the failures since the previous run, once each.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Receive-PolytomicEvent -CheckpointPath ./events.checkpoint.json -Follow -TimeoutSeconds 5 -PollIntervalSeconds 1
    /// </code>
    /// <para>Emits events as they happen for five seconds (or until Ctrl+C); the next run continues where this one stopped.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Receive, "PolytomicEvent", HelpUri = HelpLinks.Cmdlets + "Receive-PolytomicEvent.md")]
    [OutputType(typeof(PolytomicEvent))]
    public sealed class ReceivePolytomicEventCommand : PolytomicCmdlet
    {
        private const int PagesPerRead = 10;

        /// <summary>The checkpoint file: read if it exists, written after each batch.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string CheckpointPath { get; set; } = "";

        /// <summary>Emit only events of these types (Tab completes them). The checkpoint still moves past the others.</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(EventTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Type { get; set; }

        /// <summary>Keep polling for new events until Ctrl+C or -TimeoutSeconds.</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>With -Follow, stop after this many seconds (by default it follows until Ctrl+C).</summary>
        [Parameter]
        [ValidateRange(1, 2000000)]
        public int TimeoutSeconds { get; set; }

        /// <summary>With -Follow, the pause between reads, in seconds (default 5).</summary>
        [Parameter]
        [ValidateRange(0.1, 3600)]
        public double PollIntervalSeconds { get; set; } = 5;

        /// <summary>Events per request and per batch, 1 to 100 (default 100).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 100;

        protected override object? ErrorTarget => CheckpointPath;

        private sealed class Read
        {
            public List<PolytomicEvent> Events { get; } = new List<PolytomicEvent>();
            public bool More { get; set; }
            public DateTimeOffset StartedAt { get; set; }
            public bool Emitted { get; set; }
        }

        protected override void ProcessItem()
        {
            var path = StateFiles.Check(SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath), CheckpointPath, "CheckpointPath", "InvalidCheckpoint");
            var types = (Type ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            var checkpoint = EventCheckpoint.TryLoad(path);
            if (checkpoint != null && !checkpoint.Types.SequenceEqual(types))
                throw new PolytomicInputException("CheckpointTypeMismatch",
                    $"-CheckpointPath '{CheckpointPath}' records events of type(s) {Show(checkpoint.Types)}, not {Show(types)}; use one checkpoint per set of types.", "Type", Type);
            checkpoint ??= EventCheckpoint.New(types);
            if (checkpoint.MayHaveLost(DateTimeOffset.UtcNow))
                WriteWarning($"The checkpoint's last complete read ({(checkpoint.ReadAt ?? checkpoint.After):u}) is more than 48 hours old and Polytomic keeps events for 48 hours: " +
                             "events between then and the oldest one still kept may have been lost.");
            var serverType = types.Length == 1 ? types[0] : null;
            Read read;
            do
            {
                read = Await((c, ct) => FetchAsync(c, checkpoint, serverType, ct));
                Emit(read, checkpoint, types, path);
            } while (read.More);
            if (!Follow) return;

            var options = new PollOptions("Receiving Polytomic events", TimeoutSeconds > 0 ? TimeoutSeconds : 2000000, PollIntervalSeconds)
            {
                Growth = 1, MaxDelaySeconds = PollIntervalSeconds, ProgressId = 0x5E7E,
            };
            var received = 0;
            var result = Poll(options, new Read { Emitted = true }, (c, ct) => FetchAsync(c, checkpoint, serverType, ct), _ => false,
                r => $"{received} event(s) received", r => received += Emit(r, checkpoint, types, path));
            if (!result.Last.Emitted) Emit(result.Last, checkpoint, types, path);
        }

        /// <summary>The events after the checkpoint, up to PagesPerRead pages (More says there are others). The lower
        /// bound is a millisecond before the checkpoint's time (the API's bound is exclusive), so events sharing that
        /// millisecond are seen and those already emitted are left out by id.</summary>
        private async Task<Read> FetchAsync(PolytomicClient c, EventCheckpoint checkpoint, string? type, CancellationToken ct)
        {
            var read = new Read { StartedAt = DateTimeOffset.UtcNow };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var after = checkpoint.After?.AddMilliseconds(-1);
            for (var pages = 0; pages < PagesPerRead; pages++)
            {
                var page = (await c.ListEventsPageAsync(type, after, null, PageSize, null, ct).ConfigureAwait(false)).Items;
                foreach (var e in page.OrderBy(e => e.CreatedAt))
                    if (checkpoint.IsNew(e) && seen.Add(e.Id)) read.Events.Add(e);
                if (page.Count < PageSize) return read;
                var next = page.Max(e => e.CreatedAt)!.Value.AddMilliseconds(-1);
                if (after != null && next <= after)
                    throw new PolytomicApiException(PolytomicErrorKind.PagingLoop,
                        $"The list of events: a full page shares one millisecond ({next.AddMilliseconds(1):o}), so paging by time cannot move past it; paging stopped.");
                after = next;
            }
            read.More = true;
            return read;
        }

        /// <summary>Writes the read's events of the chosen types and moves the checkpoint past every event that reached
        /// the pipeline (Select-Object -First took the one it stopped on; after Ctrl+C the event being handed over is emitted again), then writes the checkpoint whole, whatever
        /// happened downstream. Returns how many were written.</summary>
        private int Emit(Read read, EventCheckpoint checkpoint, string[] types, string path)
        {
            if (read.Emitted) return 0;
            read.Emitted = true;
            var written = 0;
            var complete = false;
            try
            {
                foreach (var e in read.Events)
                {
                    if (types.Length == 0 || types.Contains(e.Type, StringComparer.Ordinal))
                    {
                        try { WriteObject(e); }
                        // Select-Object -First stops the pipeline from inside the call that handed it the event it
                        // kept (the pipeline is not Stopping then); Ctrl+C stops it before the event is handed over.
                        catch (PipelineStoppedException) when (!Stopping) { checkpoint.Advance(e); throw; }
                        written++;
                    }
                    checkpoint.Advance(e);
                }
                complete = !read.More;
            }
            finally
            {
                if (complete) checkpoint.ReadAt = read.StartedAt;
                if (read.Events.Count > 0 || complete) checkpoint.Save(path);
            }
            return written;
        }

        private static string Show(string[] types) => types.Length == 0 ? "(all)" : string.Join(", ", types);
    }
}
