using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Helpers the area partials share: path pieces, query pairs, and a raw call for any route.</summary>
    public sealed partial class PolytomicClient
    {
        /// <summary>Any route: the whole JSON body as plain values (null when empty).</summary>
        public async Task<object?> SendRawAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string?>>? query,
            object? body, CancellationToken ct = default)
        {
            var response = await SendAsync(method, path, query, body, ct).ConfigureAwait(false);
            if (response.Body.Length == 0) return null;
            // Log files and other non-JSON bodies come back as text.
            var json = response.ContentType?.IndexOf("json", System.StringComparison.OrdinalIgnoreCase) >= 0;
            if (!json) return System.Text.Encoding.UTF8.GetString(response.Body);
            return PolytomicJson.ToPlain(response.Read<JsonElement>(method.Method, path));
        }

        private static KeyValuePair<string, string?> Q(string key, string? value) => new KeyValuePair<string, string?>(key, value);

        private static string? Bool(bool? value) => value == null ? null : value.Value ? "true" : "false";

        private static string ConnectionPath(string connectionId, params string[] rest) =>
            ApiPath.Build(new[] { "connections", ApiPath.Id(connectionId, "connection id") }.Concat(rest).ToArray());

        private static string Conn(string id) => ApiPath.Id(id, "connection id");

        private static string Schema(string connectionId, string schemaId) =>
            ApiPath.Build("connections", Conn(connectionId), "schemas", ApiPath.Segment(schemaId, "schema id"));
    }
}
