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
    /// <summary>A connection's schemas: one schema, its records, user-defined fields and primary-key overrides.</summary>
    public sealed partial class PolytomicClient
    {
        /// <summary>One schema of a connection's schema cache, with its fields.</summary>
        public async Task<PolytomicConnectionSchema> GetConnectionSchemaAsync(string connectionId, string schemaId, CancellationToken ct = default)
        {
            var schema = await GetDataAsync<PolytomicConnectionSchema>(
                ApiPath.Build("connections", ApiPath.Id(connectionId, "connection id"), "schemas", ApiPath.Segment(schemaId, "schema id")), null, ct).ConfigureAwait(false);
            schema.ConnectionId = connectionId;
            return schema;
        }

        public Task<List<Dictionary<string, object?>>> GetConnectionSchemaRecordsAsync(string connectionId, string schemaId, CancellationToken ct = default) =>
            GetDataAsync<List<Dictionary<string, object?>>>(
                ApiPath.Build("connections", ApiPath.Id(connectionId, "connection id"), "schemas", ApiPath.Segment(schemaId, "schema id"), "records"), null, ct);

        /// <summary>Adds or replaces user-defined fields (by field id).</summary>
        public Task UpsertSchemaFieldsAsync(string connectionId, string schemaId, SchemaFieldsRequest request, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Post, Schema(connectionId, schemaId) + "/fields", null, request, ct);

        public Task DeleteSchemaFieldAsync(string connectionId, string schemaId, string fieldId, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, Schema(connectionId, schemaId) + "/fields/" + ApiPath.Segment(fieldId, "field id"), null, null, ct);

        /// <summary>Replaces the schema's primary-key overrides.</summary>
        public Task SetPrimaryKeysAsync(string connectionId, string schemaId, PrimaryKeysRequest request, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Put, Schema(connectionId, schemaId) + "/primary_keys", null, request, ct);

        public Task ResetPrimaryKeysAsync(string connectionId, string schemaId, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, Schema(connectionId, schemaId) + "/primary_keys", null, null, ct);
    }
}
