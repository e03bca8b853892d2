using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>Model-sync execution statuses and the ones a run never leaves.</summary>
    public static class ExecutionStatuses
    {
        public static readonly string[] All = { "created", "scheduled", "queued", "waiting", "running", "processing", "canceling", "canceled", "completed", "failed", "interrupted" };
        public static readonly string[] Terminal = { "completed", "canceled", "failed" };
        public static readonly string[] LogTypes = { "records", "errors", "warnings", "inserts", "updates", "deletes" };

        public static bool IsTerminal(string? status) => status != null && Array.IndexOf(Terminal, status) >= 0;
    }

    /// <summary>One run of a model sync (GET /api/syncs/{id}/executions/{id}). SyncId is set by the client so the run
    /// pipes into Wait-/Stop-/Get-PolytomicSyncLog.</summary>
    public sealed class PolytomicSyncExecution
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        public string Id { get; set; } = "";
        public string? Status { get; set; }
        public string? Type { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public List<string>? Errors { get; set; }
        public ExecutionCounts? Counts { get; set; }

        [JsonIgnore] public string ExecutionId => Id;
        [JsonIgnore] public bool IsTerminal => ExecutionStatuses.IsTerminal(Status);
        [JsonIgnore] public long Total => Counts?.Total ?? 0;
        [JsonIgnore] public long ErrorCount => Counts?.Error ?? 0;

        /// <summary>How long the run took (or has been running).</summary>
        [JsonIgnore]
        public TimeSpan? Duration => StartedAt == null ? (TimeSpan?)null : (CompletedAt ?? DateTimeOffset.UtcNow) - StartedAt.Value;

        public override string ToString() => $"{Id} ({Status})";
    }

    public sealed class ExecutionCounts
    {
        public long? Total { get; set; }
        public long? Insert { get; set; }
        public long? Update { get; set; }
        public long? Upserts { get; set; }
        public long? Delete { get; set; }
        public long? Error { get; set; }
        public long? Warnings { get; set; }
        public override string ToString() => $"{Total ?? 0} records, {Error ?? 0} errors";
    }

    /// <summary>Body of POST /api/syncs/{id}/executions.</summary>
    public sealed class StartSyncRequest
    {
        public bool? Resync { get; set; }
        public bool? Test { get; set; }
        public List<string>? Identities { get; set; }
    }

    /// <summary>A model sync's current and last runs and when it runs next.</summary>
    public sealed class PolytomicSyncStatus
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        public PolytomicSyncExecution? CurrentExecution { get; set; }
        public PolytomicSyncExecution? LastExecution { get; set; }
        public DateTimeOffset? NextExecutionTime { get; set; }
        [JsonIgnore] public string Status => CurrentExecution?.Status ?? LastExecution?.Status ?? "idle";
        public override string ToString() => Status;
    }

    /// <summary>Signed URLs of one type of an execution's log files (records, errors, warnings…).</summary>
    public sealed class PolytomicSyncLog
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        [JsonIgnore] public string ExecutionId { get; set; } = "";
        [JsonIgnore] public string Type { get; set; } = "";
        public List<string> Urls { get; set; } = new List<string>();
        public DateTimeOffset? Expires { get; set; }
        public override string ToString() => $"{Type}: {Urls.Count} file(s)";
    }

    /// <summary>One line of an execution's console log (2025-09-18).</summary>
    public sealed class PolytomicConsoleLogEntry
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        [JsonIgnore] public string ExecutionId { get; set; } = "";
        [JsonIgnore] public string? Schema { get; set; }
        public string? Id { get; set; }
        public DateTimeOffset? Timestamp { get; set; }
        public string? Level { get; set; }
        public string? Message { get; set; }
        public Dictionary<string, object?>? Payload { get; set; }
        public override string ToString() => $"{Timestamp:u} {Level} {Message}";
    }

    public sealed class ConsoleLogPage
    {
        public List<PolytomicConsoleLogEntry> Entries { get; set; } = new List<PolytomicConsoleLogEntry>();
        public string? NextCursor { get; set; }
    }

    /// <summary>An event (sync.running, sync.completed…); Event is its payload (sync_id, execution_id, counts…).</summary>
    public sealed class PolytomicEvent
    {
        public string Id { get; set; } = "";
        public string? Type { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public string? OrganizationId { get; set; }
        public Dictionary<string, object?>? Event { get; set; }

        [JsonIgnore] public string? SyncId => Get("sync_id");
        [JsonIgnore] public string? SyncName => Get("sync_name");
        [JsonIgnore] public string? ExecutionId => Get("execution_id");

        private string? Get(string key) => Event != null && Event.TryGetValue(key, out var v) ? v?.ToString() : null;
        public override string ToString() => $"{CreatedAt:u} {Type} {SyncName}";
    }

    /// <summary>The event types Polytomic emits, for completion; the API lists them too.</summary>
    public static class EventTypes
    {
        public static readonly string[] Known =
        {
            "sync.running", "sync.completed", "sync.completed_with_errors", "sync.failed", "sync.canceled",
            "bulk_sync.running", "bulk_sync.completed", "bulk_sync.completed_with_error", "bulk_sync.failed", "bulk_sync.canceled",
        };
    }
}
