using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox
{
    /// <summary>One bulk-sync execution, typed like a model-sync run (<see cref="SyncRun"/>): it keeps only its facts
    /// (created, schemas, cancel requests, outcome, durations). Its status is never stored: <see cref="At"/> computes it
    /// from the sandbox clock, so tests steer runs by advancing the clock. The routes serialise the state to
    /// Polytomic's published shape (BulkSyncRunRoutes.Json).</summary>
    public sealed class BulkSyncRun
    {
        public string Id { get; init; } = "";
        public string SyncId { get; init; } = "";
        /// <summary>The source connection's type, for the demo row counts of its schemas.</summary>
        public string SourceType { get; init; } = "";
        public DateTimeOffset Created { get; init; }
        public IReadOnlyList<string> Schemas { get; init; } = Array.Empty<string>();
        public string Type { get; init; } = "manual";
        public bool IsTest { get; init; }
        public bool IsResync { get; init; }
        public bool IsPartial { get; init; }
        public string FetchMode { get; init; } = "none";
        public string OutputDisposition { get; init; } = "retain";
        /// <summary>Only Failed changes a bulk run: it fails half way.</summary>
        public SyncRunOutcome Outcome { get; init; }
        public TimeSpan QueuedFor { get; init; } = TimeSpan.FromSeconds(1);
        public TimeSpan RunsFor { get; init; } = TimeSpan.FromSeconds(4);
        /// <summary>When the whole run was asked to cancel (the first request counts).</summary>
        public DateTimeOffset? CancelAt { get; set; }
        /// <summary>When single schemas were asked to cancel (the first request counts).</summary>
        public ConcurrentDictionary<string, DateTimeOffset> SchemaCancels { get; } = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        public DateTimeOffset Started => Created + QueuedFor;
        private bool Failing => Outcome == SyncRunOutcome.Failed;
        public DateTimeOffset Finished => Started + (Failing ? TimeSpan.FromTicks(RunsFor.Ticks / 2) : RunsFor);

        /// <summary>The run as it stands at now: created, then running with growing per-schema counts, then completed;
        /// or failed half way (outcome Failed); or canceling, then canceled once cancelled.</summary>
        public BulkSyncRunState At(DateTimeOffset now)
        {
            long Count(DemoSchema? schema, DateTimeOffset at)
            {
                var rows = schema?.RowCount ?? 0;
                if (IsTest) rows = Math.Min(rows, 10);
                if (at <= Started) return 0;
                if (at >= Started + RunsFor) return rows;
                return (long)(rows * ((at - Started).TotalMilliseconds / RunsFor.TotalMilliseconds));
            }

            var started = now >= Started ? Started : (DateTimeOffset?)null;
            var schemas = new List<BulkSchemaRunState>();
            long total = 0, errors = 0;
            foreach (var id in Schemas)
            {
                var demo = DemoSchemas.Find(SourceType, id);
                var cancel = SchemaCancels.TryGetValue(id, out var c) ? c : CancelAt;
                string status; DateTimeOffset? done = null; long count, schemaErrors = 0; var message = "";
                if (cancel != null && cancel < Finished && now >= cancel) { status = "canceled"; done = cancel; count = Count(demo, cancel.Value); }
                else if (now >= Finished && Failing)
                {
                    status = "failed"; done = Finished; count = Count(demo, Finished);
                    schemaErrors = Math.Max(1, count / 10); message = BulkSyncRuns.FailureMessage;
                }
                else if (now >= Finished) { status = "completed"; done = Finished; count = Count(demo, Finished); }
                else if (now >= Started) { status = "running"; count = Count(demo, now); }
                else { status = "created"; count = 0; }
                total += count;
                errors += schemaErrors;
                schemas.Add(new BulkSchemaRunState(id, status, count, schemaErrors, message, started, done, done ?? started ?? Created));
            }

            string overall; DateTimeOffset? completed = null; var overallMessage = "";
            if (CancelAt is DateTimeOffset cancelAt && cancelAt < Finished && now >= cancelAt)
            {
                overall = now >= cancelAt + BulkSyncRuns.CancelTakes ? "canceled" : "canceling";
                if (overall == "canceled") { completed = cancelAt + BulkSyncRuns.CancelTakes; overallMessage = "canceled by user"; }
            }
            else if (now >= Finished)
            {
                overall = Failing ? "failed" : "completed"; completed = Finished;
                if (Failing) overallMessage = BulkSyncRuns.FailureMessage;
            }
            else if (now >= Started) overall = "running";
            else overall = "created";
            return new BulkSyncRunState(overall, overallMessage, total, errors, started, completed, completed ?? started ?? Created, schemas);
        }
    }

    /// <summary>A bulk run at one moment. Terminal statuses are the ones Polytomic documents as final.</summary>
    public sealed record BulkSyncRunState(string Status, string Message, long Records, long Errors, DateTimeOffset? StartedAt,
        DateTimeOffset? CompletedAt, DateTimeOffset UpdatedAt, IReadOnlyList<BulkSchemaRunState> Schemas)
    {
        public static readonly string[] TerminalStatuses = { "completed", "canceled", "failed", "errors", "interrupted" };
        public bool IsTerminal => TerminalStatuses.Contains(Status);
    }

    /// <summary>One schema of a bulk run at one moment.</summary>
    public sealed record BulkSchemaRunState(string Schema, string Status, long Records, long Errors, string Message,
        DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset UpdatedAt);
}
