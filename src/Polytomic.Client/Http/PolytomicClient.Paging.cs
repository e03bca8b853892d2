using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;

namespace Polytomic
{
    /// <summary>Whole lists read page after page through the one paging guard (<see cref="PageTokens"/>).</summary>
    public sealed partial class PolytomicClient
    {
        /// <summary>Every item of a paged list: follows each next-page token, and ends with a PagingLoop error where the
        /// list would never end (a repeated token, or pages bringing nothing new). For callers that need the whole list
        /// at once (the workspace reader, name checks); cmdlets stream pages instead (PageStream).</summary>
        public async Task<List<T>> ListAllAsync<T>(Func<string?, CancellationToken, Task<Page<T>>> fetch, string what, CancellationToken ct = default)
        {
            var all = new List<T>();
            var tokens = new PageTokens();
            string? token = null;
            do
            {
                var page = await fetch(token, ct).ConfigureAwait(false);
                all.AddRange(page.Items);
                token = tokens.Next(page, what);
            } while (token != null);
            return all;
        }
    }
}
