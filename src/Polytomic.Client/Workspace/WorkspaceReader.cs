using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;

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
        /// names are still listed, so that references to them resolve. Each registered kind lists what later kinds refer
        /// to, then each reads its own objects, in kind order.</summary>
        public async Task<WorkspaceSnapshot> ReadAsync(IReadOnlyCollection<string> kinds, Func<string, bool>? names, CancellationToken ct)
        {
            var reading = new WorkspaceReading(client, kinds, names, ct);
            foreach (var kind in WorkspaceKinds.Registered) await kind.ListAsync(reading).ConfigureAwait(false);
            foreach (var kind in WorkspaceKinds.Registered) await kind.ReadAsync(reading).ConfigureAwait(false);
            return reading.Snapshot;
        }

        /// <summary>Runs one call per item, Parallelism at a time; the results keep the items' order.</summary>
        internal static async Task<IReadOnlyList<TOut>> Each<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, Task<TOut>> call, CancellationToken ct) =>
            await ParallelCalls.Each(items, Parallelism, call, ct).ConfigureAwait(false);
    }
}
