using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>Body of POST /api/bulk/syncs/{id}/executions.</summary>
    public sealed class StartBulkSyncRequest
    {
        public bool? Test { get; set; }
        public string? ResyncMode { get; set; }
        public string? FetchMode { get; set; }
        public List<string>? Schemas { get; set; }
    }

    /// <summary>One run of a bulk sync, with per-schema progress.</summary>
    public sealed class PolytomicBulkSyncExecution
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        public string Id { get; set; } = "";
        public string? Status { get; set; }
        public string? StatusMessage { get; set; }
        public string? Type { get; set; }
        public long? RecordCount { get; set; }
        public long? ErrorCount { get; set; }
        public long? WarningCount { get; set; }
        public bool? IsTest { get; set; }
        public bool? IsResync { get; set; }
        public bool? IsPartial { get; set; }
        public string? FetchMode { get; set; }
        public string? OutputDisposition { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public List<PolytomicBulkSchemaExecution> Schemas { get; set; } = new List<PolytomicBulkSchemaExecution>();

        [JsonIgnore] public string ExecutionId => Id;

        /// <summary>True once the run can change no more.</summary>
        [JsonIgnore]
        public bool IsTerminal => Status != null && Array.IndexOf(TerminalStatuses, Status) >= 0;

        public static readonly string[] TerminalStatuses = { "completed", "canceled", "failed", "errors", "interrupted" };

        public override string ToString() => $"{Id} ({Status})";
    }

    public sealed class PolytomicBulkSchemaExecution
    {
        public string? Schema { get; set; }
        public string? OutputName { get; set; }
        public string? Status { get; set; }
        public string? StatusMessage { get; set; }
        public long? RecordCount { get; set; }
        public long? ErrorCount { get; set; }
        public long? WarningCount { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public override string ToString() => $"{Schema}: {Status} ({RecordCount})";
    }

    /// <summary>A bulk sync's current and last runs, next run time and CDC ingestion status.</summary>
    public sealed class PolytomicBulkSyncStatus
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        public PolytomicBulkSyncExecution? CurrentExecution { get; set; }
        public PolytomicBulkSyncExecution? LastExecution { get; set; }
        public DateTimeOffset? NextExecutionTime { get; set; }
        public PolytomicIngestionStatus? IngestionStatus { get; set; }
        public override string ToString() => CurrentExecution?.Status ?? LastExecution?.Status ?? "idle";
    }

    /// <summary>An entry of GET /api/bulk/syncs/status: one bulk sync's run state and its schemas' last runs.</summary>
    public sealed class PolytomicBulkSyncStatusSummary
    {
        public string SyncId { get; set; } = "";
        public string? Status { get; set; }
        /// <summary>Sent camelCase by the API.</summary>
        [JsonPropertyName("nextExecutionTime")] public DateTimeOffset? NextExecutionTime { get; set; }
        public List<BulkSchemaRunStatus> Schemas { get; set; } = new List<BulkSchemaRunStatus>();
        [JsonIgnore] public int SchemaCount => Schemas.Count;
        [JsonIgnore] public long? RecordCount => Schemas.Count == 0 ? (long?)null : Schemas.Sum(x => x.RecordCount ?? 0);
        public override string ToString() => Status ?? "idle";
    }

    public sealed class BulkSchemaRunStatus
    {
        public string? Schema { get; set; }
        public string? ExecutionId { get; set; }
        public string? Status { get; set; }
        public long? RecordCount { get; set; }
        public long? ErrorCount { get; set; }
        public long? WarningCount { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public override string ToString() => $"{Schema}: {Status}";
    }

    /// <summary>The CDC stream of a bulk sync whose source reads a change log.</summary>
    public sealed class PolytomicIngestionStatus
    {
        public bool? Enabled { get; set; }
        public bool? IsRunning { get; set; }
        /// <summary>ok, warning or error.</summary>
        public string? Status { get; set; }
        public string? StatusMessage { get; set; }
        public string? Position { get; set; }
        public DateTimeOffset? PositionTime { get; set; }
        public string? HighwaterMark { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public override string ToString() => Enabled == true ? $"{Status} ({(IsRunning == true ? "running" : "stopped")})" : "disabled";
    }

    /// <summary>Signed URLs of an execution's logs (the API capitalises URLs and Expires).</summary>
    public sealed class PolytomicBulkSyncLog
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        [JsonIgnore] public string ExecutionId { get; set; } = "";
        [JsonPropertyName("URLs")] public List<string> Urls { get; set; } = new List<string>();
        [JsonPropertyName("Expires")] public DateTimeOffset? Expires { get; set; }
        public override string ToString() => $"{Urls.Count} log file(s)";
    }

    /// <summary>An export of an execution's logs: a job that ends with a download URL.</summary>
    public sealed class PolytomicLogExport
    {
        public string SyncId { get; set; } = "";
        public string ExecutionId { get; set; } = "";
        public string? JobId { get; set; }
        public string? Status { get; set; }
        public string? Url { get; set; }
        public string? Error { get; set; }
        public bool IsDone => Status == "done" || Status == "failed";
        /// <summary>The job type, so an export pipes into Wait-PolytomicJob.</summary>
        public string Type => "exportlogs";
        public override string ToString() => $"{JobId} ({Status})";
    }

    internal sealed class ExportLogsResponse
    {
        public string? Url { get; set; }
    }

    internal sealed class CancelResponse
    {
        public string? Message { get; set; }
    }
}
