using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;
using Shape = Polytomic.Workspace.WorkspaceShape;
using static Polytomic.Workspace.WorkspaceFieldSpec;

namespace Polytomic.Workspace
{
    /// <summary>Model syncs: their model and connections by name, the syncs and bulk syncs they run after by name, the
    /// encryption passphrase as the placeholder "&lt;name&gt;.encryption_passphrase". Created paused, then activated
    /// once it is the one sync of its name.</summary>
    internal sealed class SyncKind : WorkspaceKind
    {
        public SyncKind() : base(WorkspaceKinds.Syncs, "Sync") { }

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["name"] = S(Shape.String, true), ["mode"] = S(Shape.String, true, SyncModes.All), ["active"] = S(Shape.Bool),
            ["target"] = S(Shape.Object, true), ["fields"] = S(Shape.ObjectArray), ["identity"] = S(Shape.Object), ["filters"] = S(Shape.ObjectArray),
            ["filter_logic"] = S(Shape.String), ["overrides"] = S(Shape.ObjectArray), ["override_fields"] = S(Shape.ObjectArray),
            ["schedule"] = S(Shape.Object), ["sync_all_records"] = S(Shape.Bool), ["skip_initial_backfill"] = S(Shape.Bool),
            ["only_enrich_updates"] = S(Shape.Bool), ["encryption_passphrase"] = S(Shape.Placeholder),
        };

        /// <summary>run_after's id lists and the name lists that replace them in the files.</summary>
        private static readonly (string IdKey, string NameKey, string Kind)[] RunAfterLists =
        {
            ("sync_ids", "syncs", WorkspaceKinds.Syncs), ("bulk_sync_ids", "bulk_syncs", WorkspaceKinds.BulkSyncs),
        };

        internal override async Task ReadAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key)) return;
            var client = reading.Client;
            var listed = await client.ListAllAsync((t, c) => client.ListSyncsPageAsync(null, t, null, c), "Listing syncs", reading.Ct).ConfigureAwait(false);
            foreach (var s in listed) reading.Snapshot.AddId(Key, s.Name, s.Id);
            foreach (var s in listed) if (s.Name != null) reading.Name(Key, s.Id, s.Name);
            var wanted = listed.Where(s => reading.Wanted(Key, s.Name)).ToList();
            // 2025-09-18 lists carry no fields, identity or target: read each sync.
            var full = client.Is2025 ? await WorkspaceReader.Each(wanted, s => client.GetSyncAsync(s.Id, reading.Ct), reading.Ct).ConfigureAwait(false) : wanted;
            foreach (var s in full) reading.Snapshot.Objects.Add(new WorkspaceObject(Key, ToFile(s, reading.NameOf)));
        }

        /// <summary>A sync in file form.</summary>
        internal static JsonObject ToFile(PolytomicSync s, WorkspaceNormalizer.Resolver names)
        {
            var hasPassphrase = s.EncryptionPassphrase != null && s.EncryptionPassphrase.Length > 0;
            var doc = WorkspaceNormalizer.Strip(WorkspaceNormalizer.Serialize(s));
            foreach (var k in new[] { "model_ids", "target_connection_id", "target_object", "encryption_passphrase" }) doc.Remove(k);
            if (hasPassphrase) doc["encryption_passphrase"] = WorkspaceJson.Placeholder(s.Name + ".encryption_passphrase");
            var result = WorkspaceNormalizer.ToNames(doc, names);
            RunAfter(result, names, toNames: true);
            return result;
        }

        /// <summary>A sync's schedule.run_after: {sync_ids, bulk_sync_ids} in Polytomic, {syncs, bulk_syncs} by name in the
        /// files (empty lists left out, and run_after with them).</summary>
        private static void RunAfter(JsonObject sync, WorkspaceNormalizer.Resolver resolve, bool toNames)
        {
            if (!(sync["schedule"] is JsonObject schedule) || !(schedule["run_after"] is JsonObject runAfter)) return;
            var result = new JsonObject();
            foreach (var (idKey, nameKey, kind) in RunAfterLists)
            {
                var from = runAfter[toNames ? idKey : nameKey] as JsonArray;
                if (from == null || from.Count == 0) continue;
                result[toNames ? nameKey : idKey] = new JsonArray(from.Select(x =>
                {
                    var key = x is JsonValue v && v.TryGetValue<string>(out var k) ? k : "";
                    var resolved = resolve(kind, key) ?? throw new WorkspaceException("UnresolvedReference",
                        toNames ? $"{WorkspaceKinds.Display(kind)} {key} is referred to (schedule.run_after) but does not exist."
                                : $"{WorkspaceKinds.Display(kind)} '{key}' is referred to (schedule.run_after) but is neither in the folder nor in the workspace.");
                    return (JsonNode)JsonValue.Create(resolved)!;
                }).ToArray());
            }
            if (result.Count == 0) schedule.Remove("run_after");
            else schedule["run_after"] = result;
        }

        internal override void CheckDetails(JsonObject body, Action<string, string> add)
        {
            WorkspaceValidator.CheckEnum(body["schedule"]?["frequency"], "$.schedule.frequency", SyncModes.Frequencies, add);
            WorkspaceValidator.CheckEnum(body["identity"]?["function"], "$.identity.function", SyncModes.IdentityFunctions, add);
            if (body["schedule"]?["run_after"] is JsonNode runAfter)
            {
                // By name: {syncs: [...], bulk_syncs: [...]} (Export writes no ids).
                if (!(runAfter is JsonObject ra)) add("$.schedule.run_after", "must be an object: { \"syncs\": [names], \"bulk_syncs\": [names] }");
                else foreach (var kv in ra)
                    if ((kv.Key != "syncs" && kv.Key != "bulk_syncs") || !(kv.Value is JsonArray a) || a.Any(x => !(x is JsonValue v && v.TryGetValue<string>(out var n) && n.Length > 0)))
                        add("$.schedule.run_after." + kv.Key, "is not allowed: run_after holds syncs and bulk_syncs, each a list of names");
            }
            var sync = WorkspaceValidator.Renamed(body);
            sync.Remove("encryption_passphrase");
            WorkspaceValidator.RoundTrip<SyncRequest>(sync, "$", add);
        }

        internal override string? ExpectedPlaceholder(string name, string path) => path == "$.encryption_passphrase" ? name + ".encryption_passphrase" : null;

        /// <summary>Its model and connections, and the syncs and bulk syncs it runs after.</summary>
        internal override IEnumerable<(string Kind, string Name)> Dependencies(WorkspaceObject o)
        {
            var found = WorkspaceNormalizer.References(o.Body);
            if (o.Body["schedule"]?["run_after"] is JsonObject runAfter)
                foreach (var (_, nameKey, kind) in RunAfterLists)
                    foreach (var n in (runAfter[nameKey] as JsonArray ?? new JsonArray()).OfType<JsonValue>())
                        if (n.TryGetValue<string>(out var name)) found.Add((kind, name));
            return found.Distinct();
        }

        /// <summary>A sync that runs after itself is a cycle of one.</summary>
        internal override string? SelfCycle(WorkspaceObject o) =>
            Dependencies(o).Contains((o.Kind, o.Name)) ? $"Sync '{o.Name}' runs after itself (schedule.run_after). Nothing was changed." : null;

        internal override JsonObject MapConnections(WorkspaceObject o, IDictionary<string, string> map) => WorkspaceNormalizer.MapConnections(o.Body, map);

        internal override JsonObject ToRequest(WorkspaceObject o, WorkspaceNormalizer.Resolver ids)
        {
            var request = base.ToRequest(o, ids);
            RunAfter(request, ids, toNames: false);
            return request;
        }

        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var client = applier.Client;
            var body = ToRequest(item.Desired!, applier.IdOf);
            var passphrase = WorkspaceJson.PlaceholderName(body["encryption_passphrase"]) is string p && (creating || item.SendSecrets) ? applier.Secret(p) : null;
            body.Remove("encryption_passphrase");
            var request = WorkspaceApplier.Read<SyncRequest>(body);
            if (passphrase != null) request.EncryptionPassphrase = SecureStrings.FromPlain(passphrase);
            if (!creating) return (await client.UpdateSyncAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
            // Paused until it is the one sync of its name (Polytomic makes a sync active by default).
            var active = request.Active ?? true;
            request.Active = false;
            return await applier.CreateOnceAsync(NameClaim.Syncs, item, async () => (await client.CreateSyncAsync(request, ct).ConfigureAwait(false)).Id,
                active ? id => client.ActivateSyncAsync(id, true, ct) : (Func<string, Task>?)null, ct).ConfigureAwait(false);
        }

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.DeleteSyncAsync(id, ct);
    }
}
