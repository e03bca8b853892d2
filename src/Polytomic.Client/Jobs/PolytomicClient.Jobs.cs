using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Asynchronous jobs: model creation, log exports.</summary>
    public sealed partial class PolytomicClient
    {
        /// <summary>GET /api/jobs/{type}/{id}: status created|running|done|failed, result once done.</summary>
        public async Task<PolytomicJob> GetJobAsync(string type, string jobId, CancellationToken ct = default)
        {
            var job = await GetDataAsync<PolytomicJob>(ApiPath.Build("jobs", ApiPath.Segment(type, "job type"), ApiPath.Id(jobId, "job id")), null, ct).ConfigureAwait(false);
            if (job.Result is IDictionary<string, object?> values) job.Result = new PolytomicJobResult(values);
            return job;
        }

        /// <summary>POST /api/models?async=true: the model is created by a createmodel job (its result is the model).</summary>
        public async Task<PolytomicJob> CreateModelJobAsync(ModelRequest request, CancellationToken ct = default, string? idempotencyKey = null)
        {
            var envelope = await SendJsonAsync<Envelope<Dictionary<string, object?>>>(System.Net.Http.HttpMethod.Post, ApiPath.Build("models"),
                new[] { new KeyValuePair<string, string?>("async", "true") }, request, ct, idempotencyKey).ConfigureAwait(false);
            return envelope.Job ?? throw new PolytomicApiException(PolytomicErrorKind.InvalidResponse,
                "POST /api/models?async=true returned no job.", method: "POST", path: "/api/models");
        }
    }
}
