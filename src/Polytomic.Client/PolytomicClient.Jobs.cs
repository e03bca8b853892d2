using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Asynchronous jobs (API.md §4.8): model creation, log exports.</summary>
    public sealed partial class PolytomicClient
    {
        /// <summary>GET /api/jobs/{type}/{id}: status created|running|done|failed, result once done.</summary>
        public Task<PolytomicJob> GetJobAsync(string type, string jobId, CancellationToken ct = default) =>
            GetDataAsync<PolytomicJob>(ApiPath.Build("jobs", ApiPath.Segment(type, "job type"), ApiPath.Segment(jobId, "job id")), null, ct);
    }
}
