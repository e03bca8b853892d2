using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>The connection routes beyond CRUD: parameter values, Connect URLs, sharing, proxy, schema edits,
    /// enrichment and target-creation properties.</summary>
    public sealed partial class PolytomicClient
    {
        public async Task<List<PolytomicParameterValues>> GetParameterValuesAsync(string connectionId, CancellationToken ct = default)
        {
            var data = await GetDataAsync<Dictionary<string, ParameterValuesEntry>>(
                ApiPath.Build("connections", Conn(connectionId), "parameter_values"), null, ct).ConfigureAwait(false);
            return Flatten(data, connectionId, null);
        }

        public async Task<List<PolytomicParameterValues>> GetTypeParameterValuesAsync(string type, ParameterValuesRequest request, CancellationToken ct = default)
        {
            var data = await SendDataAsync<Dictionary<string, ParameterValuesEntry>>(HttpMethod.Post,
                ApiPath.Build("connection_types", ApiPath.Segment(type, "connection type"), "parameter_values"), null, request, ct).ConfigureAwait(false);
            return Flatten(data, request.ConnectionId, type);
        }

        private static List<PolytomicParameterValues> Flatten(Dictionary<string, ParameterValuesEntry> data, string? connectionId, string? type) =>
            data.Select(kv => new PolytomicParameterValues
            {
                ConnectionId = connectionId,
                ConnectionType = type,
                Field = kv.Key,
                AllowsCreation = kv.Value?.AllowsCreation ?? false,
                Values = kv.Value?.Values ?? new List<PolytomicLabelValue>(),
            }).ToList();

        /// <summary>The route keeps its trailing slash, as Polytomic defines it.</summary>
        public async Task<PolytomicConnectUrl> CreateConnectUrlAsync(ConnectCardRequest request, CancellationToken ct = default, string? idempotencyKey = null)
        {
            var url = await SendDataAsync<PolytomicConnectUrl>(HttpMethod.Post, ApiPath.Build("connections", "connect") + "/", null, request, ct, idempotencyKey).ConfigureAwait(false);
            url.Name = request.Name; url.Type = request.Type; url.AllowedTypes = request.Whitelist; url.ConnectionId = request.Connection;
            return url;
        }

        /// <summary>Shares a connection with a child organization. 2024-02-08: POST /api/connections/{id}/share;
        /// 2025-09-18: the partner route under the owning organization. Returns the new connection's id.</summary>
        public async Task<string?> ShareConnectionAsync(string connectionId, string? ownerOrganizationId, ShareConnectionRequest request, CancellationToken ct = default, string? idempotencyKey = null)
        {
            string path;
            if (Is2025)
            {
                if (string.IsNullOrEmpty(ownerOrganizationId))
                    throw new PolytomicInputException("OrganizationIdRequired",
                        "In API version 2025-09-18 sharing goes through the owning organization: pass -OrganizationId, or connect with -OrganizationId.",
                        "OrganizationId", connectionId);
                path = ApiPath.Build("organizations", ApiPath.Id(ownerOrganizationId, "organization id"), "connections", Conn(connectionId), "shared");
            }
            else path = ApiPath.Build("connections", Conn(connectionId), "share");
            var created = await SendDataAsync<IdResponse>(HttpMethod.Post, path, null, request, ct, idempotencyKey).ConfigureAwait(false);
            return created.Id;
        }

        /// <summary>Copies of a connection shared with child organizations; with an organization id, the 2025-09-18
        /// partner route.</summary>
        public Task<List<PolytomicConnection>> ListSharedConnectionsAsync(string connectionId, string? ownerOrganizationId, CancellationToken ct = default)
        {
            if (ownerOrganizationId == null)
                return GetDataAsync<List<PolytomicConnection>>(ApiPath.Build("connections", Conn(connectionId), "shared"), null, ct);
            RequireVersion("GET /api/organizations/{org_id}/connections/{connection_id}/shared", since: ApiVersions.V2025_09_18);
            return GetDataAsync<List<PolytomicConnection>>(
                ApiPath.Build("organizations", ApiPath.Id(ownerOrganizationId, "organization id"), "connections", Conn(connectionId), "shared"), null, ct);
        }

        public async Task<PolytomicProxyResponse> ProxyAsync(string connectionId, ProxyCall call, CancellationToken ct = default)
        {
            RequireVersion("POST /api/connections/{id}/proxy", since: ApiVersions.V2025_09_18);
            var response = await SendDataAsync<PolytomicProxyResponse>(HttpMethod.Post, ApiPath.Build("connections", Conn(connectionId), "proxy"),
                null, new ProxyRequest { Request = call }, ct).ConfigureAwait(false);
            response.ConnectionId = connectionId;
            return response;
        }

        public Task<PolytomicProxyInfo> GetProxyInfoAsync(string connectionId, CancellationToken ct = default)
        {
            RequireVersion("GET /api/connections/{id}/proxy/info", since: ApiVersions.V2025_09_18);
            return GetDataAsync<PolytomicProxyInfo>(ApiPath.Build("connections", Conn(connectionId), "proxy", "info"), null, ct);
        }

        /// <summary>params is sent as one JSON-encoded value, as the TypeScript SDKs do.</summary>
        public async Task<PolytomicEnrichmentSource> GetEnrichmentSourceAsync(string connectionId, IDictionary<string, object?>? parameters, CancellationToken ct = default)
        {
            var query = parameters == null || parameters.Count == 0 ? null
                : new[] { new KeyValuePair<string, string?>("params", System.Text.Json.JsonSerializer.Serialize(parameters, PolytomicJson.Options)) };
            var source = await GetDataAsync<PolytomicEnrichmentSource>(
                ApiPath.Build("connections", Conn(connectionId), "modelsync", "enrichment-source"), query, ct).ConfigureAwait(false);
            source.ConnectionId = connectionId;
            return source;
        }

        public async Task<List<PolytomicEnrichmentInputFieldSet>> GetEnrichmentInputFieldsAsync(string connectionId,
            IDictionary<string, object?> configuration, CancellationToken ct = default)
        {
            var sets = await SendDataAsync<List<List<string>>>(HttpMethod.Post,
                ApiPath.Build("enrichment", Conn(connectionId), "inputfields"), null,
                new Dictionary<string, object?> { ["configuration"] = configuration }, ct).ConfigureAwait(false);
            return sets.Select((s, i) => new PolytomicEnrichmentInputFieldSet
            {
                ConnectionId = connectionId, Index = i + 1, Configuration = new Dictionary<string, object?>(configuration), Fields = s ?? new List<string>(),
            }).ToList();
        }

        public async Task<PolytomicTargetProperty> GetTargetPropertyAsync(string connectionId, string property, CancellationToken ct = default)
        {
            var p = await GetDataAsync<PolytomicTargetProperty>(ApiPath.Build("connections", Conn(connectionId), "modelsync", "targetobjects",
                "properties", ApiPath.Segment(property, "property")), null, ct).ConfigureAwait(false);
            p.ConnectionId = connectionId;
            return p;
        }
    }
}
