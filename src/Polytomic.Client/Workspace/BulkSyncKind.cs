using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;
using Shape = Polytomic.Workspace.WorkspaceShape;
using static Polytomic.Workspace.WorkspaceFieldSpec;

namespace Polytomic.Workspace
{
    /// <summary>Bulk syncs: their connections by name, their schedules, and their enabled schemas (a schema left out
    /// of the file is disabled on import). Created inactive, then activated once it is the one bulk sync of its name.</summary>
    internal sealed class BulkSyncKind : WorkspaceKind
    {
        public BulkSyncKind() : base(WorkspaceKinds.BulkSyncs, "BulkSync") { }

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["name"] = S(Shape.String, true), ["source_connection"] = S(Shape.String, true), ["destination_connection"] = S(Shape.String, true),
            ["mode"] = S(Shape.String), ["active"] = S(Shape.Bool), ["schedule"] = S(Shape.Object), ["additional_schedules"] = S(Shape.ObjectArray),
            ["destination_configuration"] = S(Shape.Object), ["source_configuration"] = S(Shape.Object),
            ["automatically_add_new_fields"] = S(Shape.String), ["automatically_add_new_objects"] = S(Shape.String), ["normalize_names"] = S(Shape.String),
            ["disable_record_timestamps"] = S(Shape.Bool), ["data_cutoff_timestamp"] = S(Shape.String), ["concurrency_limit"] = S(Shape.Integer),
            ["resync_concurrency_limit"] = S(Shape.Integer), ["schemas"] = S(Shape.ObjectArray),
        };

        /// <summary>Listed when bulk syncs or syncs (which may run after one) are asked for.</summary>
        internal override async Task ListAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key) && !reading.Asked(WorkspaceKinds.Syncs)) return;
            var client = reading.Client;
            var listed = await client.ListAllAsync((t, c) => client.ListBulkSyncsPageAsync(null, t, c), "Listing bulk syncs", reading.Ct).ConfigureAwait(false);
            foreach (var b in listed) if (b.Name != null) reading.Name(Key, b.Id, b.Name);
            reading.Keep(Key, listed);
        }

        internal override async Task ReadAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key)) return;
            var client = reading.Client;
            var ct = reading.Ct;
            var listed = reading.Kept<PolytomicBulkSync>(Key);
            foreach (var b in listed) reading.Snapshot.AddId(Key, b.Name, b.Id);
            var wanted = listed.Where(b => reading.Wanted(Key, b.Name)).ToList();
            var docs = await WorkspaceReader.Each(wanted, async b =>
            {
                var schemas = await client.ListBulkSchemasAsync(b.Id, ct).ConfigureAwait(false);
                // 2025-09-18 lists schemas without their fields: read the enabled ones.
                if (client.Is2025)
                    schemas = (await WorkspaceReader.Each(schemas.Where(x => x.Enabled).ToList(), x => client.GetBulkSchemaAsync(b.Id, x.Id, ct), ct).ConfigureAwait(false)).ToList();
                return ToFile(b, schemas, reading.NameOf);
            }, ct).ConfigureAwait(false);
            foreach (var d in docs) reading.Snapshot.Objects.Add(new WorkspaceObject(Key, d));
        }

        /// <summary>A bulk sync in file form, with its enabled schemas.</summary>
        internal static JsonObject ToFile(PolytomicBulkSync b, IEnumerable<PolytomicBulkSchema> schemas, WorkspaceNormalizer.Resolver names)
        {
            var doc = WorkspaceNormalizer.Strip(WorkspaceNormalizer.Serialize(b));
            doc.Remove("default_schedule");
            doc.Remove("additional_schedules");
            if (b.Schedule != null) doc["schedule"] = Schedule(b.Schedule);
            if (b.AdditionalSchedules.Count > 0)
                doc["additional_schedules"] = new JsonArray(b.AdditionalSchedules.Select(x => (JsonNode)Schedule(x)).ToArray());
            doc["schemas"] = new JsonArray(schemas.Where(x => x.Enabled).OrderBy(x => x.Id, StringComparer.Ordinal).Select(x =>
            {
                var o = WorkspaceNormalizer.Serialize(x);
                o.Remove("enabled");
                o.Remove("output_name");
                if (o["fields"] is JsonArray fields)
                    foreach (var f in fields.OfType<JsonObject>()) f.Remove("output_name");
                return (JsonNode)o;
            }).ToArray());
            return WorkspaceNormalizer.ToNames(doc, names);
        }

        private static JsonObject Schedule(PolytomicBulkSyncSchedule s)
        {
            var o = WorkspaceNormalizer.Strip(WorkspaceNormalizer.Serialize(s));
            o.Remove("multi");
            return o;
        }

        internal override void CheckDetails(JsonObject body, Action<string, string> add)
        {
            var bulk = WorkspaceValidator.Renamed(body);
            foreach (var k in new[] { "schedule", "additional_schedules", "schemas" }) bulk.Remove(k);
            WorkspaceValidator.RoundTrip<BulkSyncRequest>(bulk, "$", add);
            if (body["schedule"] is JsonObject schedule) WorkspaceValidator.RoundTrip<BulkScheduleRequest>(schedule, "$.schedule", add);
            WorkspaceValidator.Items(body, "additional_schedules", (o, p) => WorkspaceValidator.RoundTrip<BulkScheduleRequest>(o, p, add));
            WorkspaceValidator.Items(body, "schemas", (o, p) =>
            {
                if (!(o["id"] is JsonValue id && id.TryGetValue<string>(out var s) && s.Length > 0)) add(p + ".id", "is required: the schema's id (a table or object name)");
                else WorkspaceValidator.RoundTrip<PolytomicBulkSchema>(o, p, add);
            });
        }

        internal override IEnumerable<(string Kind, string Name)> Dependencies(WorkspaceObject o) => WorkspaceNormalizer.References(o.Body).Distinct();

        internal override JsonObject MapConnections(WorkspaceObject o, IDictionary<string, string> map) => WorkspaceNormalizer.MapConnections(o.Body, map);

        /// <summary>Creates with its schemas; an update sends the bulk sync's settings when they changed, and its schemas
        /// (the file's enabled, the others disabled) in one PATCH when they changed.</summary>
        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var client = applier.Client;
            var body = ToRequest(item.Desired!, applier.IdOf);
            var schedule = body["schedule"];
            var additional = body["additional_schedules"] as JsonArray;
            var schemas = body["schemas"] as JsonArray ?? new JsonArray();
            foreach (var k in new[] { "schedule", "additional_schedules", "schemas" }) body.Remove(k);
            var request = WorkspaceApplier.Read<BulkSyncRequest>(body);
            request.Schedule = schedule == null ? new BulkScheduleRequest { Frequency = "manual" } : WorkspaceApplier.Read<BulkScheduleRequest>(schedule);
            request.AdditionalSchedules = additional?.Select(a => WorkspaceApplier.Read<BulkScheduleRequest>(a!)).ToList();
            if (creating)
            {
                request.Schemas = schemas.OfType<JsonObject>().Select(s => Plain(Enabled(s)) ?? new Dictionary<string, object?>()).ToList();
                // Inactive until it is the one bulk sync of its name.
                var active = request.Active == true;
                request.Active = false;
                return await applier.CreateOnceAsync(NameClaim.BulkSyncs, item,
                    async () => (await client.RetryWhileSchemasCacheAsync(t => client.CreateBulkSyncAsync(request, t), applier.SchemaCacheTimeout, null, ct).ConfigureAwait(false)).Id,
                    active ? id => client.ActivateBulkSyncAsync(id, true, ct) : (Func<string, Task>?)null, ct).ConfigureAwait(false);
            }
            var syncId = item.Id!;
            if (item.Changes.Any(c => !c.Field.StartsWith("schemas", StringComparison.Ordinal)))
                await client.UpdateBulkSyncAsync(syncId, request, ct).ConfigureAwait(false);
            if (item.Changes.Any(c => c.Field.StartsWith("schemas", StringComparison.Ordinal)))
            {
                var wanted = new HashSet<string>(schemas.OfType<JsonObject>().Select(s => (string?)s["id"] ?? ""), StringComparer.Ordinal);
                var now = (applier.Target.Find(item.KindKey, item.Name)?.Body["schemas"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
                    .Select(s => (string?)s["id"] ?? "").Where(s => !wanted.Contains(s));
                var patch = schemas.OfType<JsonObject>().Select(s => WorkspaceApplier.Read<PatchBulkSchema>(Enabled(s)))
                    .Concat(now.Select(s => new PatchBulkSchema { Id = s, Enabled = false })).ToList();
                await client.PatchBulkSchemasAsync(syncId, patch, ct).ConfigureAwait(false);
            }
            return syncId;
        }

        /// <summary>A file's schema as sent: enabled (a file lists the enabled schemas).</summary>
        private static JsonObject Enabled(JsonObject schema)
        {
            var copy = (JsonObject)schema.DeepClone();
            copy["enabled"] = true;
            return copy;
        }

        private static object? Plain(JsonNode node) => PolytomicJson.ToPlain(JsonSerializer.SerializeToElement(node));

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.DeleteBulkSyncAsync(id, ct);
    }
}
