using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Bulk sync runs: start, list, read and cancel executions, status, logs and log exports.</summary>
    public sealed partial class PolytomicClient
    {
        public async Task<PolytomicBulkSyncExecution> StartBulkSyncAsync(string syncId, StartBulkSyncRequest request, CancellationToken ct = default, string? idempotencyKey = null)
        {
            var exec = await SendDataAsync<PolytomicBulkSyncExecution>(HttpMethod.Post, Bulk(syncId, "executions"), null, request, ct, idempotencyKey).ConfigureAwait(false);
            exec.SyncId = syncId;
            return exec;
        }

        public Task<Page<PolytomicBulkSyncExecution>> ListBulkSyncExecutionsPageAsync(string syncId, string? pageToken, int? limit,
            bool onlyTerminal, bool ascending, CancellationToken ct = default) =>
            GetPageAsync<PolytomicBulkSyncExecution>(Bulk(syncId, "executions"), new[]
            {
                Q("page_token", pageToken), Q("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Q("only_terminal", onlyTerminal ? "true" : null), Q("ascending", ascending ? "true" : null),
            }, paged: true, e => { e.SyncId = syncId; return e; }, ct);

        public async Task<PolytomicBulkSyncExecution> GetBulkSyncExecutionAsync(string syncId, string executionId, CancellationToken ct = default)
        {
            var exec = await GetDataAsync<PolytomicBulkSyncExecution>(Bulk(syncId, "executions", ApiPath.Id(executionId, "execution id")), null, ct).ConfigureAwait(false);
            exec.SyncId = syncId;
            return exec;
        }

        /// <summary>Asks Polytomic to cancel: the whole sync's run, one execution, or one schema of the current run.
        /// Cancellation is asynchronous; returns Polytomic's message.</summary>
        public async Task<string?> CancelBulkSyncAsync(string syncId, string? executionId = null, string? schemaId = null, CancellationToken ct = default)
        {
            var path = schemaId != null ? Bulk(syncId, "schemas", ApiPath.Segment(schemaId, "schema id"), "cancel")
                : executionId != null ? Bulk(syncId, "executions", ApiPath.Id(executionId, "execution id"), "cancel")
                : Bulk(syncId, "cancel");
            var result = await SendDataAsync<CancelResponse>(HttpMethod.Post, path, null, null, ct).ConfigureAwait(false);
            return result.Message;
        }

        public async Task<PolytomicBulkSyncStatus> GetBulkSyncStatusAsync(string syncId, CancellationToken ct = default)
        {
            var status = await GetDataAsync<PolytomicBulkSyncStatus>(Bulk(syncId, "status"), null, ct).ConfigureAwait(false);
            status.SyncId = syncId;
            if (status.CurrentExecution != null) status.CurrentExecution.SyncId = syncId;
            if (status.LastExecution != null) status.LastExecution.SyncId = syncId;
            return status;
        }

        public async Task<PolytomicBulkSyncLog> GetBulkSyncLogsAsync(string syncId, string executionId, CancellationToken ct = default)
        {
            var log = await GetDataAsync<PolytomicBulkSyncLog>(Bulk(syncId, "executions", ApiPath.Id(executionId, "execution id"), "logs"), null, ct).ConfigureAwait(false);
            log.SyncId = syncId;
            log.ExecutionId = executionId;
            return log;
        }

        /// <summary>Starts an export of an execution's logs; the job is polled with <see cref="GetJobAsync"/> (type exportlogs).</summary>
        public async Task<PolytomicLogExport> ExportBulkSyncLogsAsync(string syncId, string executionId, bool notify, CancellationToken ct = default)
        {
            var envelope = await SendJsonAsync<Envelope<ExportLogsResponse>>(HttpMethod.Post,
                Bulk(syncId, "executions", ApiPath.Id(executionId, "execution id"), "logs", "export"),
                new[] { Q("notify", notify ? "true" : null) }, null, ct).ConfigureAwait(false);
            return new PolytomicLogExport
            {
                SyncId = syncId, ExecutionId = executionId, JobId = envelope.Job?.JobId, Status = envelope.Job?.Status ?? "created",
                Url = envelope.Data?.Url, Error = envelope.Job?.Error,
            };
        }

        /// <summary>GET /api/bulk/syncs/status: the run state of every bulk sync (all) or of the active ones.</summary>
        public async Task<List<PolytomicBulkSyncStatusSummary>> ListBulkSyncStatusesAsync(bool activeOnly, CancellationToken ct = default) =>
            await GetDataAsync<List<PolytomicBulkSyncStatusSummary>>(ApiPath.Build("bulk", "syncs", "status"),
                new[] { new KeyValuePair<string, string?>(activeOnly ? "active" : "all", "true") }, ct).ConfigureAwait(false);
    }
}
