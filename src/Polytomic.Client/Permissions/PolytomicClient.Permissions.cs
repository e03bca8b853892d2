using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Policies and roles (/api/permissions/*). PUT replaces the whole object.</summary>
    public sealed partial class PolytomicClient
    {
        public Task<List<PolytomicPolicy>> ListPoliciesAsync(CancellationToken ct = default) =>
            GetDataAsync<List<PolytomicPolicy>>(ApiPath.Build("permissions", "policies"), null, ct);

        public Task<PolytomicPolicy> GetPolicyAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicPolicy>(Policy(id), null, ct);

        public Task<PolytomicPolicy> CreatePolicyAsync(PolicyRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicPolicy>(HttpMethod.Post, ApiPath.Build("permissions", "policies"), null, request, ct, idempotencyKey);

        public Task<PolytomicPolicy> UpdatePolicyAsync(string id, PolicyRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicPolicy>(HttpMethod.Put, Policy(id), null, request, ct);

        public Task DeletePolicyAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, Policy(id), null, null, ct);

        public Task<List<PolytomicRole>> ListRolesAsync(CancellationToken ct = default) =>
            GetDataAsync<List<PolytomicRole>>(ApiPath.Build("permissions", "roles"), null, ct);

        public Task<PolytomicRole> GetRoleAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicRole>(Role(id), null, ct);

        public Task<PolytomicRole> CreateRoleAsync(RoleRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicRole>(HttpMethod.Post, ApiPath.Build("permissions", "roles"), null, request, ct, idempotencyKey);

        public Task<PolytomicRole> UpdateRoleAsync(string id, RoleRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicRole>(HttpMethod.Put, Role(id), null, request, ct);

        public Task DeleteRoleAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, Role(id), null, null, ct);

        private static string Policy(string id) => ApiPath.Build("permissions", "policies", ApiPath.Id(id, "policy id"));
        private static string Role(string id) => ApiPath.Build("permissions", "roles", ApiPath.Id(id, "role id"));
    }
}
