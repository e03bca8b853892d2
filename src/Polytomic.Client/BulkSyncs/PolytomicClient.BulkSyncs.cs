using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Bulk syncs (ELT). Version differences stop here: callers see one shape.</summary>
    public sealed partial class PolytomicClient
    {
        private static string Bulk(string syncId, params string[] rest) =>
            ApiPath.Build(new[] { "bulk", "syncs", ApiPath.Id(syncId, "bulk sync id") }.Concat(rest).ToArray());

        // ------------------------------------------------------------------ connection introspection

        public async Task<PolytomicBulkSource> GetBulkSourceAsync(string connectionId, bool includeFields, CancellationToken ct = default)
        {
            var source = await GetDataAsync<PolytomicBulkSource>(
                ApiPath.Build("connections", ApiPath.Id(connectionId, "connection id"), "bulksync", "source"),
                new[] { Q("include_fields", Bool(includeFields)) }, ct).ConfigureAwait(false);
            source.ConnectionId = connectionId;
            foreach (var s in source.Schemas) s.ConnectionId = connectionId;
            return source;
        }

        public async Task<PolytomicBulkDestination> GetBulkDestinationAsync(string connectionId, CancellationToken ct = default)
        {
            var dest = await GetDataAsync<PolytomicBulkDestination>(
                ApiPath.Build("connections", ApiPath.Id(connectionId, "connection id"), "bulksync", "target"), null, ct).ConfigureAwait(false);
            dest.ConnectionId = connectionId;
            return dest;
        }

        // ------------------------------------------------------------------ bulk syncs

        /// <summary>One page of bulk syncs. 2025-09-18 may page the list; 2024-02-08 returns it whole (no token).</summary>
        public Task<Page<PolytomicBulkSync>> ListBulkSyncsPageAsync(bool? active, string? pageToken, CancellationToken ct = default) =>
            GetPageAsync<PolytomicBulkSync>(ApiPath.Build("bulk", "syncs"), new[] { Q("active", Bool(active)), Q("page_token", pageToken) },
                paged: true, s => s.Normalize(), ct);

        public async Task<PolytomicBulkSync> GetBulkSyncAsync(string id, CancellationToken ct = default) =>
            (await GetDataAsync<PolytomicBulkSync>(Bulk(id), null, ct).ConfigureAwait(false)).Normalize();

        /// <summary>Creates a bulk sync. One call = one Idempotency-Key; callers that retry after a schema-cache error
        /// call this again (see <see cref="RetryWhileSchemasCacheAsync{T}"/>), which sends a fresh key.</summary>
        public async Task<PolytomicBulkSync> CreateBulkSyncAsync(BulkSyncRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            (await SendDataAsync<PolytomicBulkSync>(HttpMethod.Post, ApiPath.Build("bulk", "syncs"), null, ToWire(request), ct, idempotencyKey).ConfigureAwait(false)).Normalize();

        /// <summary>PUT replaces the whole sync (schemas excepted): callers read-modify-write.</summary>
        public async Task<PolytomicBulkSync> UpdateBulkSyncAsync(string id, BulkSyncRequest request, CancellationToken ct = default) =>
            (await SendDataAsync<PolytomicBulkSync>(HttpMethod.Put, Bulk(id), null, ToWire(request), ct).ConfigureAwait(false)).Normalize();

        public Task DeleteBulkSyncAsync(string id, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, Bulk(id), null, null, ct);

        public async Task<bool> ActivateBulkSyncAsync(string id, bool active, CancellationToken ct = default)
        {
            var result = await SendDataAsync<ActivateResponse>(HttpMethod.Post, Bulk(id, "activate"), null, new { active }, ct).ConfigureAwait(false);
            return result.Active ?? active;
        }

        /// <summary>Writes the schedule in this version's shape: 2025-09-18 default_schedule + additional_schedules;
        /// 2024-02-08 one schedule whose multi.schedules carries the additional ones.</summary>
        private BulkSyncRequest ToWire(BulkSyncRequest request)
        {
            request.WireSchedule = request.WireDefaultSchedule = null;
            request.WireAdditionalSchedules = null;
            var schedule = request.Schedule ?? new BulkScheduleRequest { Frequency = "manual" };
            if (Is2025)
            {
                request.WireDefaultSchedule = schedule;
                request.WireAdditionalSchedules = request.AdditionalSchedules;
            }
            else
            {
                var legacy = schedule.Timing();
                if (request.AdditionalSchedules != null && request.AdditionalSchedules.Count > 0)
                    legacy.Multi = new Dictionary<string, object?>
                    {
                        ["schedules"] = request.AdditionalSchedules.Select(a => (object)new Dictionary<string, object?>
                        {
                            ["item"] = a.SelectiveMode ?? "none",
                            ["schedule"] = a.Timing(),
                        }).ToList(),
                    };
                request.WireSchedule = legacy;
            }
            return request;
        }

        // ------------------------------------------------------------------ schemas of a sync

        /// <summary>The sync's schemas. 2024-02-08 lists them with fields; 2025-09-18 without (fields stay null).</summary>
        public async Task<List<PolytomicBulkSchema>> ListBulkSchemasAsync(string syncId, CancellationToken ct = default)
        {
            var list = await GetDataAsync<List<PolytomicBulkSchema>>(Bulk(syncId, "schemas"), null, ct).ConfigureAwait(false);
            foreach (var s in list) s.SyncId = syncId;
            return list;
        }

        public async Task<PolytomicBulkSchema> GetBulkSchemaAsync(string syncId, string schemaId, CancellationToken ct = default)
        {
            var schema = await GetDataAsync<PolytomicBulkSchema>(Bulk(syncId, "schemas", ApiPath.Segment(schemaId, "schema id")), null, ct).ConfigureAwait(false);
            schema.SyncId = syncId;
            return schema;
        }

        /// <summary>PUT replaces the schema's settings: callers read-modify-write.</summary>
        public async Task<PolytomicBulkSchema> UpdateBulkSchemaAsync(string syncId, string schemaId, UpdateBulkSchemaRequest request, CancellationToken ct = default)
        {
            var schema = await SendDataAsync<PolytomicBulkSchema>(HttpMethod.Put, Bulk(syncId, "schemas", ApiPath.Segment(schemaId, "schema id")), null, request, ct).ConfigureAwait(false);
            schema.SyncId = syncId;
            return schema;
        }

        /// <summary>PATCH …/schemas: changes only the listed schemas in one call (the one partial update of the API); each
        /// carries its id and any of its settings (enabled, fields, filters, partition key, ...).
        /// 2024-02-08 answers with every schema, 2025-09-18 with the changed ones: the result is the changed ones.</summary>
        public async Task<List<PolytomicBulkSchema>> PatchBulkSchemasAsync(string syncId, IReadOnlyCollection<PatchBulkSchema> schemas, CancellationToken ct = default)
        {
            var list = await SendDataAsync<List<PolytomicBulkSchema>>(PatchMethod, Bulk(syncId, "schemas"), null,
                new Dictionary<string, object?> { ["schemas"] = schemas }, ct).ConfigureAwait(false);
            var ids = new HashSet<string>(schemas.Select(x => x.Id ?? ""), StringComparer.OrdinalIgnoreCase);
            var changed = list.Where(x => ids.Contains(x.Id)).ToList();
            foreach (var x in changed) x.SyncId = syncId;
            return changed;
        }

        // ------------------------------------------------------------------ schedules sub-resource

        public async Task<List<PolytomicBulkSchedule>> ListBulkSchedulesAsync(string syncId, CancellationToken ct = default)
        {
            var list = await GetDataAsync<List<PolytomicBulkSchedule>>(Bulk(syncId, "schedules"), null, ct).ConfigureAwait(false);
            foreach (var s in list) s.SyncId ??= syncId;
            return list;
        }

        public async Task<PolytomicBulkSchedule> GetBulkScheduleAsync(string syncId, string scheduleId, CancellationToken ct = default)
        {
            var s = await GetDataAsync<PolytomicBulkSchedule>(Bulk(syncId, "schedules", ApiPath.Id(scheduleId, "schedule id")), null, ct).ConfigureAwait(false);
            s.SyncId ??= syncId;
            return s;
        }

        public async Task<PolytomicBulkSchedule> CreateBulkScheduleAsync(string syncId, BulkScheduleApi schedule, CancellationToken ct = default, string? idempotencyKey = null)
        {
            var s = await SendDataAsync<PolytomicBulkSchedule>(HttpMethod.Post, Bulk(syncId, "schedules"), null, new BulkScheduleApiRequest { Schedule = schedule }, ct, idempotencyKey).ConfigureAwait(false);
            s.SyncId ??= syncId;
            return s;
        }

        public async Task<PolytomicBulkSchedule> UpdateBulkScheduleAsync(string syncId, string scheduleId, BulkScheduleApi schedule, CancellationToken ct = default)
        {
            var s = await SendDataAsync<PolytomicBulkSchedule>(HttpMethod.Put, Bulk(syncId, "schedules", ApiPath.Id(scheduleId, "schedule id")), null,
                new BulkScheduleApiRequest { Schedule = schedule }, ct).ConfigureAwait(false);
            s.SyncId ??= syncId;
            return s;
        }

        public Task DeleteBulkScheduleAsync(string syncId, string scheduleId, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, Bulk(syncId, "schedules", ApiPath.Id(scheduleId, "schedule id")), null, null, ct);
    }
}
