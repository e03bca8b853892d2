using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Model-sync runs: start, cancel, executions, status, logs, console logs; and events.</summary>
    public sealed partial class PolytomicClient
    {
        private static string SyncPath(string syncId, params string[] rest) =>
            ApiPath.Build(new[] { "syncs", ApiPath.Id(syncId, "sync id") }.Concat(rest).ToArray());

        private static string ExecutionPath(string syncId, string executionId, params string[] rest) =>
            SyncPath(syncId, new[] { "executions", ApiPath.Id(executionId, "execution id") }.Concat(rest).ToArray());

        private static T WithSync<T>(T exec, string syncId) where T : class
        {
            if (exec is PolytomicSyncExecution e) e.SyncId = syncId;
            return exec;
        }

        /// <summary>POST /api/syncs/{id}/executions; 409 when a run is already in progress.</summary>
        public async Task<PolytomicSyncExecution> StartSyncAsync(string syncId, StartSyncRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            WithSync(await SendDataAsync<PolytomicSyncExecution>(HttpMethod.Post, SyncPath(syncId, "executions"), null, request, ct, idempotencyKey).ConfigureAwait(false), syncId);

        /// <summary>One page of a sync's runs, newest first unless ascending (the API chooses the page size).</summary>
        public Task<Page<PolytomicSyncExecution>> ListSyncExecutionsPageAsync(string syncId, string? pageToken, bool onlyCompleted,
            bool ascending, CancellationToken ct = default) =>
            GetPageAsync<PolytomicSyncExecution>(SyncPath(syncId, "executions"), new[]
            {
                Q("page_token", pageToken), Q("only_completed", onlyCompleted ? "true" : null), Q("ascending", ascending ? "true" : null),
            }, paged: true, e => WithSync(e, syncId), ct);

        public async Task<PolytomicSyncExecution> GetSyncExecutionAsync(string syncId, string executionId, CancellationToken ct = default) =>
            WithSync(await GetDataAsync<PolytomicSyncExecution>(ExecutionPath(syncId, executionId), null, ct).ConfigureAwait(false), syncId);

        /// <summary>Asks Polytomic to cancel the sync's run in progress (asynchronous); returns Polytomic's message.</summary>
        public async Task<string?> CancelSyncAsync(string syncId, CancellationToken ct = default) =>
            (await SendDataAsync<CancelResponse>(HttpMethod.Post, SyncPath(syncId, "cancel"), null, null, ct).ConfigureAwait(false)).Message;

        /// <summary>Cancels one execution: a 2025-09-18 route.</summary>
        public async Task<string?> CancelSyncExecutionAsync(string syncId, string executionId, CancellationToken ct = default)
        {
            var path = ExecutionPath(syncId, executionId, "cancel");
            RequireVersion("Cancelling one execution (POST /api/syncs/{id}/executions/{id}/cancel)", since: ApiVersions.V2025_09_18);
            return (await SendDataAsync<CancelResponse>(HttpMethod.Post, path, null, null, ct).ConfigureAwait(false)).Message;
        }

        /// <summary>Sets an execution's status (retry or resolve a stalled run): a 2024-02-08 route.</summary>
        public async Task<PolytomicSyncExecution> SetSyncExecutionStatusAsync(string syncId, string executionId, string status, CancellationToken ct = default)
        {
            var path = ExecutionPath(syncId, executionId);
            RequireVersion("Setting an execution's status (PUT /api/syncs/{id}/executions/{id})", removedIn: ApiVersions.V2025_09_18);
            return WithSync(await SendDataAsync<PolytomicSyncExecution>(HttpMethod.Put, path, null,
                new Dictionary<string, object?> { ["status"] = status }, ct).ConfigureAwait(false), syncId);
        }

        public async Task<PolytomicSyncStatus> GetSyncStatusAsync(string syncId, CancellationToken ct = default)
        {
            var status = await GetDataAsync<PolytomicSyncStatus>(SyncPath(syncId, "status"), null, ct).ConfigureAwait(false);
            status.SyncId = syncId;
            if (status.CurrentExecution != null) status.CurrentExecution.SyncId = syncId;
            if (status.LastExecution != null) status.LastExecution.SyncId = syncId;
            return status;
        }

        /// <summary>Signed URLs of one log type of an execution (records, errors, warnings, inserts, updates, deletes).</summary>
        public async Task<PolytomicSyncLog> GetSyncLogAsync(string syncId, string executionId, string type, CancellationToken ct = default)
        {
            if (Array.IndexOf(ExecutionStatuses.LogTypes, type) < 0)
                throw new PolytomicInputException("InvalidLogType",
                    $"'{type}' is not a log type; use one of {string.Join(", ", ExecutionStatuses.LogTypes)}.", "Type", type);
            var log = await GetDataAsync<PolytomicSyncLog>(ExecutionPath(syncId, executionId, type), null, ct).ConfigureAwait(false);
            log.SyncId = syncId; log.ExecutionId = executionId; log.Type = type;
            return log;
        }

        /// <summary>One page of a console log (2025-09-18): a model-sync execution, a bulk execution, or one schema of a
        /// bulk execution. Cursor paging: pass the previous page's NextCursor as after.</summary>
        public async Task<ConsoleLogPage> GetConsoleLogPageAsync(string syncId, string executionId, bool bulk, string? schema,
            int? limit, string? after, CancellationToken ct = default)
        {
            string path;
            if (!bulk) path = ExecutionPath(syncId, executionId, "consolelog");
            else if (schema == null) path = Bulk(syncId, "executions", ApiPath.Id(executionId, "execution id"), "consolelog");
            else path = Bulk(syncId, "executions", ApiPath.Id(executionId, "execution id"), "schemas", ApiPath.Segment(schema, "schema id"), "consolelog");
            RequireVersion("Console logs (…/executions/{id}/consolelog)", since: ApiVersions.V2025_09_18);
            var page = await GetDataAsync<ConsoleLogPage>(path, new[]
            {
                Q("limit", limit?.ToString(CultureInfo.InvariantCulture)), Q("after", string.IsNullOrEmpty(after) ? null : after),
            }, ct).ConfigureAwait(false);
            foreach (var e in page.Entries) { e.SyncId = syncId; e.ExecutionId = executionId; e.Schema = schema; }
            return page;
        }

        // ------------------------------------------------------------------ events

        /// <summary>GET /api/events: events strictly after/before the given times (limit ≤ 100). Polytomic's docs also
        /// mention pagination.next_page_token: a page that carries one is followed with page_token.</summary>
        public Task<Page<PolytomicEvent>> ListEventsPageAsync(string? type, DateTimeOffset? startingAfter, DateTimeOffset? endingBefore,
            int? limit, string? pageToken = null, CancellationToken ct = default) =>
            GetPageAsync<PolytomicEvent>(ApiPath.Build("events"), new[]
            {
                Q("type", type), Q("starting_after", Stamp(startingAfter)), Q("ending_before", Stamp(endingBefore)),
                Q("limit", limit?.ToString(CultureInfo.InvariantCulture)), Q("page_token", pageToken),
            }, paged: true, null, ct);

        public Task<List<string>> GetEventTypesAsync(CancellationToken ct = default) =>
            GetDataAsync<List<string>>(ApiPath.Build("events_types"), null, ct);

        private static string? Stamp(DateTimeOffset? t) =>
            t?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        // ------------------------------------------------------------------ downloads

        /// <summary>A plain client for signed URLs: they live on other hosts (storage buckets) and must never receive
        /// our Authorization header or API version.</summary>
        private static readonly Lazy<HttpClient> downloads = new Lazy<HttpClient>(() =>
            new HttpClient(Http.Transport.CreateHandler(null)) { Timeout = Timeout.InfiniteTimeSpan });

        /// <summary>Downloads a signed URL into a file (written to a temporary name first, so a failed download leaves
        /// no half file). Returns the bytes written.</summary>
        public async Task<long> DownloadAsync(string url, string path, CancellationToken ct = default)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new PolytomicApiException(PolytomicErrorKind.InvalidResponse, $"Polytomic returned a log URL that is not http(s): '{url}'.");
            var temp = path + ".download";
            try
            {
                using (var response = await downloads.Value.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false))
                {
                    if (!response.IsSuccessStatusCode)
                        throw new PolytomicApiException(PolytomicErrorKind.Http,
                            $"Downloading {uri.GetLeftPart(UriPartial.Path)} failed with {(int)response.StatusCode} {response.ReasonPhrase}.",
                            (int)response.StatusCode, method: "GET", path: uri.AbsolutePath);
                    using (var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                        await source.CopyToAsync(file, 81920, ct).ConfigureAwait(false);
                }
                if (File.Exists(path)) File.Delete(path);
                File.Move(temp, path);
                return new FileInfo(path).Length;
            }
            catch (HttpRequestException ex)
            {
                throw new PolytomicApiException(PolytomicErrorKind.Transport, $"Downloading {uri.GetLeftPart(UriPartial.Path)} failed: {Http.ErrorReader.Innermost(ex).Message}",
                    method: "GET", path: uri.AbsolutePath, inner: ex);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
