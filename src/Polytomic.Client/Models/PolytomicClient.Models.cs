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
    public sealed partial class PolytomicClient
    {
        /// <summary>The drill-down's parameters as the TS SDKs send them: one JSON value, each key a list.</summary>
        public static KeyValuePair<string, string?>[]? SourceParams(IDictionary<string, object?>? parameters)
        {
            if (parameters == null || parameters.Count == 0) return null;
            var lists = new Dictionary<string, List<string>>();
            foreach (var kv in parameters)
            {
                var values = kv.Value is IEnumerable<object?> many && !(kv.Value is string)
                    ? many.Select(v => v?.ToString() ?? "").ToList()
                    : new List<string> { kv.Value?.ToString() ?? "" };
                lists[kv.Key] = values;
            }
            return new[] { new KeyValuePair<string, string?>("params", JsonSerializer.Serialize(lists)) };
        }

        public Task<ConnectionMeta> GetSourceMetaAsync(string connectionId, IDictionary<string, object?>? parameters, CancellationToken ct = default) =>
            GetDataAsync<ConnectionMeta>(ConnectionPath(connectionId, "modelsync", "source"), SourceParams(parameters), ct);

        public async Task<List<PolytomicModelField>> GetSourceFieldsAsync(string connectionId, IDictionary<string, object?>? parameters, CancellationToken ct = default)
        {
            var fields = await GetDataAsync<List<PolytomicModelField>>(ConnectionPath(connectionId, "modelsync", "source", "fields"), SourceParams(parameters), ct).ConfigureAwait(false);
            foreach (var f in fields) f.ConnectionId = connectionId;
            return fields;
        }

        /// <summary>Every model, page after page: Polytomic's docs describe GET /api/models as paged
        /// (pagination.next_page_token, limit up to 50), so a token is followed whenever one comes, in either version.</summary>
        public Task<List<PolytomicModel>> ListModelsAsync(CancellationToken ct = default) =>
            ListAllAsync<PolytomicModel>((token, c) => ListModelsPageAsync(token, null, c), "The list of models", ct);

        /// <summary>One page of GET /api/models (a list that is not paged comes back whole, without a token).</summary>
        public Task<Page<PolytomicModel>> ListModelsPageAsync(string? pageToken, int? limit = null, CancellationToken ct = default) =>
            GetPageAsync<PolytomicModel>(ApiPath.Build("models"), new[]
            {
                Q("page_token", pageToken), Q("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            }, paged: true, null, ct);

        public Task<PolytomicModel> GetModelAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicModel>(ApiPath.Build("models", ApiPath.Id(id, "model id")), null, ct);

        public Task<PolytomicModel> CreateModelAsync(ModelRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicModel>(HttpMethod.Post, ApiPath.Build("models"), null, request, ct, idempotencyKey);

        /// <summary>POST /api/model-preview: the model Polytomic would create (fields and all); nothing is stored.</summary>
        public Task<PolytomicModel> PreviewModelAsync(ModelRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicModel>(HttpMethod.Post, ApiPath.Build("model-preview"), null, request, ct);

        /// <summary>PUT replaces the whole model: callers read-modify-write.</summary>
        public Task<PolytomicModel> UpdateModelAsync(string id, ModelRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicModel>(HttpMethod.Put, ApiPath.Build("models", ApiPath.Id(id, "model id")), null, request, ct);

        public Task DeleteModelAsync(string id, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, ApiPath.Build("models", ApiPath.Id(id, "model id")), null, null, ct);

        public Task<ModelSample> GetModelSampleAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<ModelSample>(ApiPath.Build("models", ApiPath.Id(id, "model id"), "sample"), null, ct);
    }
}
