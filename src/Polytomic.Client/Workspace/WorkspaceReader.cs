using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic.Workspace
{
    /// <summary>Reads connections, models, syncs and bulk syncs, and the -Include kinds (and what they need: type schemas, bulk schemas) into a
    /// snapshot. Single objects are read a few at a time in parallel: a 2025-09-18 list of syncs carries no fields.</summary>
    public sealed class WorkspaceReader
    {
        /// <summary>Single-object reads in flight at once.</summary>
        public const int Parallelism = 8;

        private readonly PolytomicClient client;
        public WorkspaceReader(PolytomicClient client) { this.client = client; }

        /// <summary>Reads the kinds asked for; names is the -Name filter (null: all). Objects of other kinds and unselected
        /// names are still listed, so that references to them resolve.</summary>
        public async Task<WorkspaceSnapshot> ReadAsync(IReadOnlyCollection<string> kinds, Func<string, bool>? names, CancellationToken ct)
        {
            var snapshot = new WorkspaceSnapshot();
            bool Wanted(string kind, string? name) => kinds.Contains(kind) && (names == null || names(name ?? ""));

            var connections = await client.ListConnectionsAsync(ct).ConfigureAwait(false);
            foreach (var c in connections) snapshot.AddId(WorkspaceKinds.Connections, c.Name, c.Id);
            var needModels = kinds.Contains(WorkspaceKinds.Models) || kinds.Contains(WorkspaceKinds.Syncs);
            var models = needModels ? await client.ListModelsAsync(ct).ConfigureAwait(false) : new List<PolytomicModel>();
            foreach (var m in models) snapshot.AddId(WorkspaceKinds.Models, m.Name, m.Id);
            var connectionNames = connections.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
            var modelNames = models.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
            // Syncs name the syncs and bulk syncs they run after (schedule.run_after).
            var runNames = new Dictionary<string, Dictionary<string, string>>
            {
                [WorkspaceKinds.Syncs] = new Dictionary<string, string>(StringComparer.Ordinal), [WorkspaceKinds.BulkSyncs] = new Dictionary<string, string>(StringComparer.Ordinal),
            };
            string? NameOf(string kind, string id) =>
                (kind == WorkspaceKinds.Connections ? connectionNames : kind == WorkspaceKinds.Models ? modelNames : runNames[kind]).TryGetValue(id, out var n) ? n : null;
            var bulkListed = kinds.Contains(WorkspaceKinds.Syncs) || kinds.Contains(WorkspaceKinds.BulkSyncs)
                ? await client.ListAllAsync((t, c) => client.ListBulkSyncsPageAsync(null, t, c), "Listing bulk syncs", ct).ConfigureAwait(false) : new List<PolytomicBulkSync>();
            foreach (var b in bulkListed) if (b.Name != null) runNames[WorkspaceKinds.BulkSyncs][b.Id] = b.Name;

            var chosen = connections.Where(c => Wanted(WorkspaceKinds.Connections, c.Name)).ToList();
            if (chosen.Count > 0)
            {
                var oauth = new HashSet<string>((await client.ListConnectionTypesAsync(ct).ConfigureAwait(false)).Where(t => t.UseOauth).Select(t => t.Id),
                    StringComparer.OrdinalIgnoreCase);
                var schemas = new Dictionary<string, PolytomicConnectionTypeSchema>(StringComparer.OrdinalIgnoreCase);
                foreach (var type in chosen.Select(c => c.Type ?? "").Distinct(StringComparer.OrdinalIgnoreCase))
                    schemas[type] = await client.GetConnectionTypeSchemaAsync(type, ct).ConfigureAwait(false);
                foreach (var c in chosen)
                    snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.Connections,
                        WorkspaceNormalizer.Connection(c, schemas[c.Type ?? ""], oauth.Contains(c.Type ?? ""))));
            }
            foreach (var m in models.Where(m => Wanted(WorkspaceKinds.Models, m.Name)))
                snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.Models, WorkspaceNormalizer.Model(m, NameOf)));

            if (kinds.Contains(WorkspaceKinds.Syncs))
            {
                var listed = await client.ListAllAsync((t, c) => client.ListSyncsPageAsync(null, t, null, c), "Listing syncs", ct).ConfigureAwait(false);
                foreach (var s in listed) snapshot.AddId(WorkspaceKinds.Syncs, s.Name, s.Id);
                foreach (var s in listed) if (s.Name != null) runNames[WorkspaceKinds.Syncs][s.Id] = s.Name;
                var wanted = listed.Where(s => Wanted(WorkspaceKinds.Syncs, s.Name)).ToList();
                // 2025-09-18 lists carry no fields, identity or target: read each sync.
                var full = client.Is2025 ? await Each(wanted, s => client.GetSyncAsync(s.Id, ct), ct).ConfigureAwait(false) : wanted;
                foreach (var s in full) snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.Syncs, WorkspaceNormalizer.Sync(s, NameOf)));
            }

            if (kinds.Contains(WorkspaceKinds.BulkSyncs))
            {
                var listed = bulkListed;
                foreach (var b in listed) snapshot.AddId(WorkspaceKinds.BulkSyncs, b.Name, b.Id);
                var wanted = listed.Where(b => Wanted(WorkspaceKinds.BulkSyncs, b.Name)).ToList();
                var docs = await Each(wanted, async b =>
                {
                    var schemas = await client.ListBulkSchemasAsync(b.Id, ct).ConfigureAwait(false);
                    // 2025-09-18 lists schemas without their fields: read the enabled ones.
                    if (client.Is2025)
                        schemas = (await Each(schemas.Where(x => x.Enabled).ToList(), x => client.GetBulkSchemaAsync(b.Id, x.Id, ct), ct).ConfigureAwait(false)).ToList();
                    return WorkspaceNormalizer.BulkSync(b, schemas, NameOf);
                }, ct).ConfigureAwait(false);
                foreach (var d in docs) snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.BulkSyncs, d));
            }
            await WorkspaceAccess.ReadAsync(client, snapshot, kinds, names, ct).ConfigureAwait(false);
            return snapshot;
        }

        /// <summary>Runs one call per item, Parallelism at a time; the results keep the items' order.</summary>
        internal static async Task<IReadOnlyList<TOut>> Each<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, Task<TOut>> call, CancellationToken ct)
        {
            var results = new TOut[items.Count];
            using var gate = new SemaphoreSlim(Parallelism);
            var tasks = items.Select(async (item, i) =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try { results[i] = await call(item).ConfigureAwait(false); }
                finally { gate.Release(); }
            }).ToList();
            await Task.WhenAll(tasks).ConfigureAwait(false);
            return results;
        }
    }
}
