using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Polytomic.Http
{
    /// <summary>Fan-out over a list: one call per item, a few at a time (every request still waits for the session's
    /// RatePacer), the results in the items' order.</summary>
    internal static class ParallelCalls
    {
        public static async Task<TOut[]> Each<TIn, TOut>(IReadOnlyList<TIn> items, int parallelism, Func<TIn, Task<TOut>> call, CancellationToken ct)
        {
            var results = new TOut[items.Count];
            using var gate = new SemaphoreSlim(parallelism);
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
