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
    /// <summary>Identity, organizations, users, API keys and entities.</summary>
    public sealed partial class PolytomicClient
    {
        public Task<PolytomicIdentity> GetIdentityAsync(CancellationToken ct = default) =>
            GetDataAsync<PolytomicIdentity>(ApiPath.Build("me"), null, ct);

        // Organizations: partner key (Bearer, or Basic scoped to one organization).

        public Task<List<PolytomicOrganization>> ListOrganizationsAsync(CancellationToken ct = default) =>
            GetDataAsync<List<PolytomicOrganization>>(ApiPath.Build("organizations"), null, ct);

        public Task<PolytomicOrganization> GetOrganizationAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicOrganization>(Org(id), null, ct);

        /// <summary>The caller's own organization (2025-09-18).</summary>
        public Task<PolytomicOrganization> GetCurrentOrganizationAsync(CancellationToken ct = default)
        {
            RequireVersion("GET /api/organization", since: ApiVersions.V2025_09_18);
            return GetDataAsync<PolytomicOrganization>(ApiPath.Build("organization"), null, ct);
        }

        public Task<PolytomicOrganization> CreateOrganizationAsync(OrganizationRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicOrganization>(HttpMethod.Post, ApiPath.Build("organizations"), null, request, ct, idempotencyKey);

        /// <summary>PUT replaces the organization (SSO settings included): callers read-modify-write.</summary>
        public Task<PolytomicOrganization> UpdateOrganizationAsync(string id, OrganizationRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicOrganization>(HttpMethod.Put, Org(id), null, request, ct);

        public Task DeleteOrganizationAsync(string id, CancellationToken ct = default) =>
            SendAsync(HttpMethod.Delete, Org(id), null, null, ct);

        // Users: with an organization id the partner route, without one the current organization's (2025-09-18).

        public Task<List<PolytomicUser>> ListUsersAsync(string? organizationId, CancellationToken ct = default) =>
            GetDataAsync<List<PolytomicUser>>(Users(organizationId, null), null, ct);

        public Task<PolytomicUser> GetUserAsync(string? organizationId, string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicUser>(Users(organizationId, id), null, ct);

        public Task<PolytomicUser> CreateUserAsync(string? organizationId, UserRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicUser>(HttpMethod.Post, Users(organizationId, null), null, request, ct, idempotencyKey);

        /// <summary>The partner route needs the email; the current-organization route takes roles only.</summary>
        public Task<PolytomicUser> UpdateUserAsync(string? organizationId, string id, UserRequest request, CancellationToken ct = default)
        {
            var path = Users(organizationId, id);
            if (organizationId == null) request = new UserRequest { Role = request.Role, RoleIds = request.RoleIds };
            return SendDataAsync<PolytomicUser>(HttpMethod.Put, path, null, request, ct);
        }

        /// <summary>User deletes answer with the deleted user.</summary>
        public Task<PolytomicUser> DeleteUserAsync(string? organizationId, string id, CancellationToken ct = default) =>
            SendDataAsync<PolytomicUser>(HttpMethod.Delete, Users(organizationId, id), null, null, ct);

        /// <summary>Mints an API key for a user; with force an existing key is replaced.</summary>
        public async Task<PolytomicApiKey> CreateApiKeyAsync(string organizationId, string userId, bool force, CancellationToken ct = default, string? idempotencyKey = null)
        {
            var path = ApiPath.Build("organizations", ApiPath.Id(organizationId, "organization id"), "users",
                ApiPath.Id(userId, "user id"), "keys");
            var key = await SendDataAsync<PolytomicApiKey>(HttpMethod.Post, path,
                force ? new[] { new KeyValuePair<string, string?>("force", "true") } : null, null, ct, idempotencyKey).ConfigureAwait(false);
            key.UserId = userId;
            key.OrganizationId = organizationId;
            key.CreatedAt = DateTimeOffset.UtcNow;
            key.Replaced = force;
            return key;
        }

        /// <summary>What a UUID is. acrossOrganizations uses the partner route (2025-09-18 only, both).</summary>
        public Task<PolytomicEntity> GetEntityAsync(string id, bool acrossOrganizations, CancellationToken ct = default)
        {
            RequireVersion(acrossOrganizations ? "GET /api/organizations/entities/{id}" : "GET /api/entities/{id}", since: ApiVersions.V2025_09_18);
            var path = acrossOrganizations
                ? ApiPath.Build("organizations", "entities", ApiPath.Id(id, "entity id"))
                : ApiPath.Build("entities", ApiPath.Id(id, "entity id"));
            return GetDataAsync<PolytomicEntity>(path, null, ct);
        }

        private static string Org(string id) => ApiPath.Build("organizations", ApiPath.Id(id, "organization id"));

        private string Users(string? organizationId, string? userId)
        {
            string path;
            if (organizationId == null)
            {
                RequireVersion("The current organization's users (/api/organization/users)", since: ApiVersions.V2025_09_18);
                path = ApiPath.Build("organization", "users");
            }
            else path = ApiPath.Build("organizations", ApiPath.Id(organizationId, "organization id"), "users");
            return userId == null ? path : path + "/" + ApiPath.Id(userId, "user id");
        }
    }
}
