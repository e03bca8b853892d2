using System;
using System.Linq;
using System.Text.Json.Nodes;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox
{
    /// <summary>How bulk-sync runs move through their states. Like a model-sync run (<see cref="SyncRun"/>) a run's status
    /// is never stored: it follows from the sandbox clock, so tests steer runs by advancing the clock (or by shortening
    /// <see cref="QueuedFor"/> and <see cref="RunsFor"/>). A stored run keeps only its facts (created, schemas, cancel
    /// requests, outcome, durations); <see cref="Project"/> computes what the API shows.</summary>
    public sealed class BulkSyncRuns
    {
        /// <summary>The message of every schema of a run that fails on purpose.</summary>
        public const string FailureMessage = "sandbox: the destination refused the load ([fail] in the bulk sync's name)";

        /// <summary>Cancellation is asynchronous: "canceling" for this long, then "canceled".</summary>
        public static readonly TimeSpan CancelTakes = TimeSpan.FromSeconds(1);

        /// <summary>Sandbox time a new run stays "created", then "running" (tests shorten these, or advance the clock).</summary>
        public TimeSpan QueuedFor { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan RunsFor { get; set; } = TimeSpan.FromSeconds(4);

        /// <summary>Fixes a new run's durations and outcome: the same name markers as model syncs
        /// (<see cref="SyncRuns.OutcomeFor"/>); "[fail]" in the bulk sync's name fails the run half way.</summary>
        public void Stamp(JsonObject exec, string? syncName)
        {
            exec["_outcome"] = SyncRuns.OutcomeFor(syncName).ToString();
            exec["_queued_for_ms"] = (long)QueuedFor.TotalMilliseconds;
            exec["_runs_for_ms"] = (long)RunsFor.TotalMilliseconds;
        }

        /// <summary>A run's durations, as fixed when it started.</summary>
        public static (TimeSpan QueuedFor, TimeSpan RunsFor) Timing(JsonObject exec) =>
            (TimeSpan.FromMilliseconds((long?)exec["_queued_for_ms"] ?? 1000), TimeSpan.FromMilliseconds((long?)exec["_runs_for_ms"] ?? 4000));

        /// <summary>The execution as it stands at <paramref name="now"/>: created, then running with growing per-schema
        /// counts, then completed; or failed half way (outcome Failed); or canceling, then canceled once cancelled.</summary>
        public static JsonObject Project(JsonObject exec, DateTimeOffset now, Func<string, string> outputName)
        {
            var (queuedFor, runsFor) = Timing(exec);
            var created = DateTimeOffset.Parse((string)exec["_created"]!);
            var started = created + queuedFor;
            var failing = (string?)exec["_outcome"] == nameof(SyncRunOutcome.Failed);
            var finished = started + (failing ? TimeSpan.FromTicks(runsFor.Ticks / 2) : runsFor);
            var cancelAt = Time(exec["_cancel_at"]);
            var test = (bool?)exec["is_test"] == true;
            var sourceType = (string?)exec["_source_type"] ?? "";

            long Count(DemoSchema? schema, DateTimeOffset at)
            {
                var rows = schema?.RowCount ?? 0;
                if (test) rows = Math.Min(rows, 10);
                if (at <= started) return 0;
                if (at >= started + runsFor) return rows;
                return (long)(rows * ((at - started).TotalMilliseconds / runsFor.TotalMilliseconds));
            }

            var schemas = new JsonArray();
            long total = 0, errors = 0;
            var cancels = exec["_schema_cancel"]!.AsObject();
            foreach (var id in exec["_schemas"]!.AsArray().Select(x => (string)x!))
            {
                var demo = DemoSchemas.Find(sourceType, id);
                var schemaCancel = Time(cancels[id]) ?? cancelAt;
                string status; DateTimeOffset? done = null; long count, schemaErrors = 0; var message = "";
                if (schemaCancel != null && schemaCancel < finished && now >= schemaCancel)
                {
                    status = "canceled"; done = schemaCancel; count = Count(demo, schemaCancel.Value);
                }
                else if (now >= finished && failing)
                {
                    status = "failed"; done = finished; count = Count(demo, finished);
                    schemaErrors = Math.Max(1, count / 10); message = FailureMessage;
                }
                else if (now >= finished) { status = "completed"; done = finished; count = Count(demo, finished); }
                else if (now >= started) { status = "running"; count = Count(demo, now); }
                else { status = "created"; count = 0; }
                total += count;
                errors += schemaErrors;
                schemas.Add(new JsonObject
                {
                    ["schema"] = id, ["output_name"] = outputName(id), ["status"] = status, ["record_count"] = count,
                    ["error_count"] = schemaErrors, ["warning_count"] = 0, ["status_message"] = message,
                    ["created_at"] = Stamp(created), ["started_at"] = now >= started ? Stamp(started) : null,
                    ["completed_at"] = done == null ? null : Stamp(done.Value), ["updated_at"] = Stamp(done ?? (now >= started ? started : created)),
                });
            }

            string overall; DateTimeOffset? completed = null; var overallMessage = "";
            if (cancelAt != null && cancelAt < finished && now >= cancelAt)
            {
                overall = now >= cancelAt.Value + CancelTakes ? "canceled" : "canceling";
                if (overall == "canceled") { completed = cancelAt.Value + CancelTakes; overallMessage = "canceled by user"; }
            }
            else if (now >= finished)
            {
                overall = failing ? "failed" : "completed"; completed = finished;
                if (failing) overallMessage = FailureMessage;
            }
            else if (now >= started) overall = "running";
            else overall = "created";

            var result = new JsonObject { ["id"] = (string)exec["id"]! };
            foreach (var kv in exec)
                if (!kv.Key.StartsWith("_", StringComparison.Ordinal) && kv.Key != "id") result[kv.Key] = kv.Value?.DeepClone();
            result["status"] = overall;
            result["status_message"] = overallMessage;
            result["record_count"] = total;
            result["error_count"] = errors;
            result["warning_count"] = 0;
            result["created_at"] = Stamp(created);
            result["started_at"] = now >= started ? Stamp(started) : null;
            result["completed_at"] = completed == null ? null : Stamp(completed.Value);
            result["updated_at"] = Stamp(completed ?? (now >= started ? started : created));
            result["schemas"] = schemas;
            return result;
        }

        private static DateTimeOffset? Time(JsonNode? node) =>
            node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrEmpty(s) ? DateTimeOffset.Parse(s) : null;

        private static string Stamp(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
    }
}
