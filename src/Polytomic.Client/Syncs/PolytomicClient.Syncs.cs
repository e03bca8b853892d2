using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    public sealed partial class PolytomicClient
    {
        public const int MaxSyncPageSize = 50;

        public async Task<TargetObjectList> GetTargetObjectsAsync(string connectionId, CancellationToken ct = default)
        {
            var list = await SendJsonAsync<TargetObjectList>(HttpMethod.Get, ConnectionPath(connectionId, "modelsync", "targetobjects"), null, null, ct).ConfigureAwait(false);
            foreach (var o in list.Data) o.ConnectionId = connectionId;
            return list;
        }

        /// <summary>The deprecated target drill-down, which 2025-09-18 removed.</summary>
        public Task<ConnectionMeta> GetTargetMetaAsync(string connectionId, string? type, string? search, CancellationToken ct = default)
        {
            RequireVersion("The target drill-down (GET /api/connections/{id}/modelsync/target)", removedIn: ApiVersions.V2025_09_18);
            return GetDataAsync<ConnectionMeta>(ConnectionPath(connectionId, "modelsync", "target"),
                new[] { new KeyValuePair<string, string?>("type", type), new KeyValuePair<string, string?>("search", search) }, ct);
        }

        public async Task<TargetFieldsResponse> GetTargetFieldsAsync(string connectionId, string target, bool refresh = false, CancellationToken ct = default)
        {
            if (string.IsNullOrWhiteSpace(target))
                throw new PolytomicInputException("InvalidTargetObject", "The target object must not be empty.", "Object");
            var result = await GetDataAsync<TargetFieldsResponse>(ConnectionPath(connectionId, "modelsync", "target", "fields"),
                new[] { new KeyValuePair<string, string?>("target", target), new KeyValuePair<string, string?>("refresh", refresh ? "true" : null) }, ct).ConfigureAwait(false);
            foreach (var f in result.Fields) { f.ConnectionId = connectionId; f.TargetObject = target; }
            foreach (var m in result.Modes) { m.ConnectionId = connectionId; m.TargetObject = target; }
            return result;
        }

        /// <summary>One page of GET /api/syncs. 2025-09-18 pages with page_token/limit; 2024-02-08 returns every sync
        /// at once, but Polytomic's docs describe the same pagination on that version's page too, so a token is followed
        /// whenever one comes (limit is sent only where the SDK has it).</summary>
        public Task<Page<PolytomicSync>> ListSyncsPageAsync(SyncListFilter? filter, string? pageToken, int? limit = null, CancellationToken ct = default)
        {
            var query = new List<KeyValuePair<string, string?>>
            {
                new KeyValuePair<string, string?>("active", filter?.Active == null ? null : filter.Active.Value ? "true" : "false"),
                new KeyValuePair<string, string?>("mode", filter?.Mode),
                new KeyValuePair<string, string?>("target_connection_id", filter?.TargetConnectionId),
            };
            query.Add(new KeyValuePair<string, string?>("page_token", pageToken));
            if (Is2025) query.Add(new KeyValuePair<string, string?>("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return GetPageAsync<PolytomicSync>(ApiPath.Build("syncs"), query, paged: true, null, ct);
        }

        public Task<PolytomicSync> GetSyncAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicSync>(ApiPath.Build("syncs", ApiPath.Id(id, "sync id")), null, ct);

        public Task<PolytomicSync> CreateSyncAsync(SyncRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicSync>(HttpMethod.Post, ApiPath.Build("syncs"), null, request, ct, idempotencyKey);

        /// <summary>PUT replaces the whole sync: callers read-modify-write.</summary>
        public Task<PolytomicSync> UpdateSyncAsync(string id, SyncRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicSync>(HttpMethod.Put, ApiPath.Build("syncs", ApiPath.Id(id, "sync id")), null, request, ct);

        public Task DeleteSyncAsync(string id, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, ApiPath.Build("syncs", ApiPath.Id(id, "sync id")), null, null, ct);

        public Task<ActivateSyncResult> ActivateSyncAsync(string id, bool active, CancellationToken ct = default) =>
            SendDataAsync<ActivateSyncResult>(HttpMethod.Post, ApiPath.Build("syncs", ApiPath.Id(id, "sync id"), "activate"), null,
                new Dictionary<string, object?> { ["active"] = active }, ct);

        public async Task<List<PolytomicScheduleOption>> GetScheduleOptionsAsync(CancellationToken ct = default) =>
            (await GetDataAsync<ScheduleOptionList>(ApiPath.Build("syncs", "schedules"), null, ct).ConfigureAwait(false)).ScheduleOptions;
    }
}
