using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>The query runner: submit a query on a connection, poll it, read its result pages.</summary>
    public sealed partial class PolytomicClient
    {
        /// <summary>Both SDKs send the query text as a query-string parameter with an empty JSON object as the body.</summary>
        public Task<PolytomicQueryResult> RunQueryAsync(string connectionId, string query, CancellationToken ct = default) =>
            SendDataAsync<PolytomicQueryResult>(HttpMethod.Post,
                ApiPath.Build("connections", ApiPath.Id(connectionId, "connection id"), "query"),
                new[] { new KeyValuePair<string, string?>("query", query) }, new object(), ct);

        /// <summary>One page of a query's state and results, and the token of the next page (from links.next).</summary>
        public async Task<Page<PolytomicQueryResult>> GetQueryAsync(string queryId, string? page, CancellationToken ct = default)
        {
            var envelope = await SendJsonAsync<Envelope<PolytomicQueryResult>>(HttpMethod.Get,
                ApiPath.Build("queries", ApiPath.Id(queryId, "query id")),
                page == null ? null : new[] { new KeyValuePair<string, string?>("page", page) }, null, ct).ConfigureAwait(false);
            if (envelope.Data == null)
                throw new PolytomicApiException(PolytomicErrorKind.InvalidResponse, $"GET /api/queries/{queryId} returned no data.");
            return new Page<PolytomicQueryResult>(new[] { envelope.Data }, PageParameter(envelope.Links?.Next));
        }

        /// <summary>links.next is a ready-made URL (/api/queries/{id}?page=…): only its page value is used, so the
        /// call still goes to this session's host.</summary>
        internal static string? PageParameter(string? link)
        {
            if (string.IsNullOrEmpty(link)) return null;
            var q = link!.IndexOf('?');
            if (q < 0) return null;
            foreach (var part in link.Substring(q + 1).Split('&'))
            {
                var eq = part.IndexOf('=');
                if (eq > 0 && part.Substring(0, eq) == "page")
                    return Uri.UnescapeDataString(part.Substring(eq + 1).Replace('+', ' '));
            }
            return null;
        }
    }
}
