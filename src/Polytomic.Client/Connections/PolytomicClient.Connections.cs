using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    public sealed partial class PolytomicClient
    {
        public Task<List<PolytomicConnection>> ListConnectionsAsync(CancellationToken ct = default) =>
            GetDataAsync<List<PolytomicConnection>>(ApiPath.Build("connections"), null, ct);

        public Task<PolytomicConnection> GetConnectionAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicConnection>(ApiPath.Build("connections", ApiPath.Id(id, "connection id")), null, ct);

        public Task<PolytomicConnection> CreateConnectionAsync(ConnectionRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicConnection>(HttpMethod.Post, ApiPath.Build("connections"), null, request, ct, idempotencyKey);

        /// <summary>PUT replaces the whole connection: callers read-modify-write.</summary>
        public Task<PolytomicConnection> UpdateConnectionAsync(string id, ConnectionRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicConnection>(HttpMethod.Put, ApiPath.Build("connections", ApiPath.Id(id, "connection id")), null, request, ct);

        public Task DeleteConnectionAsync(string id, bool force, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, ApiPath.Build("connections", ApiPath.Id(id, "connection id")),
                force ? new[] { new KeyValuePair<string, string?>("force", "true") } : null, null, ct);

        public Task TestConnectionAsync(TestConnectionRequest request, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Post, ApiPath.Build("connections", "test"), null, request, ct);

        public Task<List<PolytomicConnectionType>> ListConnectionTypesAsync(CancellationToken ct = default) =>
            GetDataAsync<List<PolytomicConnectionType>>(ApiPath.Build("connection_types"), null, ct);

        /// <summary>GET /api/connection_types/{id} answers a bare JSON Schema (no data envelope).</summary>
        public async Task<PolytomicConnectionTypeSchema> GetConnectionTypeSchemaAsync(string type, CancellationToken ct = default)
        {
            var path = ApiPath.Build("connection_types", ApiPath.Segment(type, "connection type"));
            var schema = await SendJsonAsync<JsonElement>(HttpMethod.Get, path, null, null, ct).ConfigureAwait(false);
            return ParseTypeSchema(type, schema);
        }

        public static PolytomicConnectionTypeSchema ParseTypeSchema(string type, JsonElement schema)
        {
            var required = new HashSet<string>(StringComparer.Ordinal);
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
                foreach (var r in req.EnumerateArray()) if (r.ValueKind == JsonValueKind.String) required.Add(r.GetString()!);
            var result = new PolytomicConnectionTypeSchema { Type = type };
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in props.EnumerateObject())
                {
                    var v = p.Value;
                    result.Fields.Add(new PolytomicConnectionTypeField
                    {
                        ConnectionType = type,
                        Name = p.Name,
                        Title = Str(v, "title"),
                        FieldType = Str(v, "type"),
                        Description = Str(v, "description"),
                        Required = required.Contains(p.Name),
                        Secret = v.ValueKind == JsonValueKind.Object && v.TryGetProperty("sensitive", out var s) && s.ValueKind == JsonValueKind.True,
                        Default = v.ValueKind == JsonValueKind.Object && v.TryGetProperty("default", out var d) ? PolytomicJson.ToPlain(d) : null,
                    });
                }
            }
            return result;
        }

        public async Task<PolytomicSchemaStatus> GetSchemaStatusAsync(string connectionId, CancellationToken ct = default)
        {
            var status = await GetDataAsync<PolytomicSchemaStatus>(
                ApiPath.Build("connections", ApiPath.Id(connectionId, "connection id"), "schemas", "status"), null, ct).ConfigureAwait(false);
            status.ConnectionId = connectionId;
            return status;
        }

        public Task RefreshSchemasAsync(string connectionId, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Post, ApiPath.Build("connections", ApiPath.Id(connectionId, "connection id"), "schemas", "refresh"), null, null, ct);

        private static string? Str(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
