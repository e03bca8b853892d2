using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Identity, organizations, users, API keys and entities. Organizations and the
    /// /api/organizations/{org}/users routes need a partner key; the current-organization routes take a user key.</summary>
    public static class IdentityRoutes
    {
        public const string Organizations = "organizations";
        public const string Users = "users";
        public const string OwnerName = "Sandbox Organization";

        public static bool OrganizationExists(SandboxState s, string id) => s.Store(Organizations).Get(id) != null;

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var orgs = s.Store(Organizations);
            var users = s.Store(Users);
            orgs.Add(new JsonObject { ["id"] = s.OrganizationId, ["name"] = OwnerName, ["issuer"] = "", ["sso_domain"] = "", ["sso_org_id"] = "" });
            users.Add(new JsonObject
            {
                ["id"] = s.UserId, ["email"] = "sandbox.user@example.com", ["organization_id"] = s.OrganizationId,
                ["role"] = "admin", ["role_ids"] = new JsonArray(PermissionRoutes.AdminRoleId),
            });

            api.Get("/api/me", r =>
            {
                var c = r.Caller;
                var org = orgs.Get(c.OrganizationId);
                var user = c.UserId == null ? null : users.Get(c.UserId);
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["id"] = c.UserId ?? c.OrganizationId,
                    ["email"] = c.Kind == CallerKind.User ? (string?)user?["email"] : null,
                    ["role"] = c.Kind == CallerKind.User ? (string?)user?["role"] : null,
                    ["organization_id"] = c.OrganizationId,
                    ["organization_name"] = (string?)org?["name"],
                    ["is_user"] = c.Kind == CallerKind.User,
                    ["is_partner"] = c.Kind == CallerKind.Partner,
                    ["is_organization"] = c.Kind == CallerKind.Organization,
                    ["is_system"] = c.Kind == CallerKind.System,
                }));
            });

            // Organizations (partner key).
            api.Get("/api/organizations", r =>
            {
                RequirePartner(r, null);
                var all = orgs.All().Where(o => r.Caller.Kind != CallerKind.Organization || (string?)o["id"] == r.Caller.OrganizationId);
                // 2025-09-18 lists the partner's own organization first.
                if (r.Is2025) all = all.OrderBy(o => (string?)o["id"] == s.OrganizationId ? 0 : 1);
                return Task.FromResult(r.Data(new JsonArray(all.Select(o => (JsonNode)ProjectOrg(o)).ToArray())));
            });
            api.Get("/api/organization", r => Task.FromResult(r.Data(ProjectOrg(FindOrg(s, r.Caller.OrganizationId)))), SandboxVersions.Only2025);
            api.Get("/api/organizations/{id}", r =>
            {
                RequirePartner(r, r.Route("id"));
                return Task.FromResult(r.Data(ProjectOrg(FindOrg(s, r.Route("id")))));
            });
            api.Post("/api/organizations", async r =>
            {
                RequirePartner(r, null, scopedAllowed: false);
                var body = await r.BodyAsync();
                var name = RequiredString(body, "name");
                if (orgs.All().Any(o => string.Equals((string?)o["name"], name, StringComparison.OrdinalIgnoreCase)))
                    throw new ApiError(409, $"an organization named '{name}' already exists", "conflict");
                var org = new JsonObject { ["id"] = SandboxState.NewId() };
                ApplyOrg(org, body, name);
                orgs.Add(org);
                PermissionRoutes.SeedSystemRoles(s, (string)org["id"]!);
                return r.Data(ProjectOrg(org));
            });
            api.Put("/api/organizations/{id}", async r =>
            {
                RequirePartner(r, r.Route("id"));
                var org = FindOrg(s, r.Route("id"));
                var body = await r.BodyAsync();
                var name = RequiredString(body, "name");
                if (orgs.All().Any(o => (string?)o["id"] != r.Route("id") && string.Equals((string?)o["name"], name, StringComparison.OrdinalIgnoreCase)))
                    throw new ApiError(409, $"an organization named '{name}' already exists", "conflict");
                var updated = new JsonObject { ["id"] = r.Route("id") };
                ApplyOrg(updated, body, name);
                orgs.Replace(r.Route("id"), updated);
                return r.Data(ProjectOrg(updated));
            });
            api.Delete("/api/organizations/{id}", r =>
            {
                RequirePartner(r, null, scopedAllowed: false);
                var id = r.Route("id");
                FindOrg(s, id);
                if (id == s.OrganizationId) throw ApiError.BadRequest("the partner's own organization cannot be deleted");
                foreach (var u in users.All().Where(u => (string?)u["organization_id"] == id)) users.Remove((string)u["id"]!);
                s.ForgetOrganization(id);
                orgs.Remove(id);
                return Task.FromResult(SandboxRequest.Empty());
            });

            // Users: the partner route for any managed organization, the current-organization route (2025-09-18).
            api.Get("/api/organizations/{org_id}/users", r => Task.FromResult(ListUsers(r, PartnerOrg(r))));
            api.Get("/api/organization/users", r => Task.FromResult(ListUsers(r, r.Caller.OrganizationId)), SandboxVersions.Only2025);
            api.Get("/api/organizations/{org_id}/users/{id}", r => Task.FromResult(r.Data(ProjectUser(FindUser(s, PartnerOrg(r), r.Route("id"))))));
            api.Get("/api/organization/users/{id}", r => Task.FromResult(r.Data(ProjectUser(FindUser(s, r.Caller.OrganizationId, r.Route("id"))))), SandboxVersions.Only2025);
            api.Post("/api/organizations/{org_id}/users", r => CreateUser(r, PartnerOrg(r)));
            api.Post("/api/organization/users", r => CreateUser(r, r.Caller.OrganizationId), SandboxVersions.Only2025);
            api.Put("/api/organizations/{org_id}/users/{id}", r => UpdateUser(r, PartnerOrg(r), emailRequired: true));
            api.Put("/api/organization/users/{id}", r => UpdateUser(r, r.Caller.OrganizationId, emailRequired: false), SandboxVersions.Only2025);
            api.Delete("/api/organizations/{org_id}/users/{id}", r => Task.FromResult(DeleteUser(r, PartnerOrg(r))));
            api.Delete("/api/organization/users/{id}", r => Task.FromResult(DeleteUser(r, r.Caller.OrganizationId)), SandboxVersions.Only2025);

            api.Post("/api/organizations/{org_id}/users/{id}/keys", r =>
            {
                var org = PartnerOrg(r);
                var user = FindUser(s, org, r.Route("id"));
                var existing = s.MintedKeys.Where(kv => kv.Value.UserId == (string)user["id"]!).Select(kv => kv.Key).ToList();
                if (existing.Count > 0 && !r.QueryBool("force"))
                    throw new ApiError(409, "the user already has an API key; pass force=true to replace it", "conflict");
                foreach (var k in existing) s.MintedKeys.TryRemove(k, out _);
                var key = SandboxState.NewId();
                s.MintedKeys[key] = ((string)user["id"]!, org);
                return Task.FromResult(r.Data(new JsonObject { ["value"] = key }));
            });

            // Entities (2025-09-18): what a UUID is; the partner route looks across organizations.
            api.Get("/api/entities/{id}", r => Task.FromResult(r.Data(Entity(s, r.Route("id"), r.Caller.OrganizationId, partner: false))), SandboxVersions.Only2025);
            api.Get("/api/organizations/entities/{id}", r =>
            {
                RequirePartner(r, null, scopedAllowed: false);
                return Task.FromResult(r.Data(Entity(s, r.Route("id"), null, partner: true)));
            }, SandboxVersions.Only2025);
        }

        /// <summary>Partner routes: a partner key; an organization-scoped one only for its own organization.</summary>
        public static void RequirePartner(SandboxRequest r, string? orgId, bool scopedAllowed = true)
        {
            var c = r.Caller;
            if (!c.IsPartner) throw new ApiError(403, "this endpoint requires a partner key", "forbidden");
            if (c.Kind == CallerKind.Organization && (!scopedAllowed || (orgId != null && orgId != c.OrganizationId)))
                throw new ApiError(403, "this organization-scoped key cannot act on other organizations", "forbidden");
        }

        private static string PartnerOrg(SandboxRequest r)
        {
            var org = r.Route("org_id");
            RequirePartner(r, org);
            FindOrg(r.State, org);
            return org;
        }

        public static JsonObject FindOrg(SandboxState s, string id) => s.Store(Organizations).Get(id) ?? throw ApiError.NotFound("organization", id);

        private static JsonObject FindUser(SandboxState s, string org, string id)
        {
            var u = s.Store(Users).Get(id);
            if (u == null || (string?)u["organization_id"] != org) throw ApiError.NotFound("user", id);
            return u;
        }

        private static Microsoft.AspNetCore.Http.IResult ListUsers(SandboxRequest r, string org) =>
            r.Data(new JsonArray(r.State.Store(Users).All().Where(u => (string?)u["organization_id"] == org).Select(u => (JsonNode)ProjectUser(u)).ToArray()));

        private static async Task<Microsoft.AspNetCore.Http.IResult> CreateUser(SandboxRequest r, string org)
        {
            var body = await r.BodyAsync();
            var email = RequiredString(body, "email");
            if (!email.Contains('@')) throw ApiError.BadRequest($"'{email}' is not a valid email address");
            var users = r.State.Store(Users);
            if (users.All().Any(u => (string?)u["organization_id"] == org && string.Equals((string?)u["email"], email, StringComparison.OrdinalIgnoreCase)))
                throw new ApiError(409, $"a user with email {email} already exists in this organization", "conflict");
            var user = new JsonObject { ["id"] = SandboxState.NewId(), ["email"] = email, ["organization_id"] = org };
            ApplyRoles(r.State, org, user, body);
            users.Add(user);
            return r.Data(ProjectUser(user));
        }

        private static async Task<Microsoft.AspNetCore.Http.IResult> UpdateUser(SandboxRequest r, string org, bool emailRequired)
        {
            var user = FindUser(r.State, org, r.Route("id"));
            var body = await r.BodyAsync();
            var updated = user.DeepClone().AsObject();
            if (emailRequired) updated["email"] = RequiredString(body, "email");
            else if (body.ContainsKey("email")) throw ApiError.BadRequest("the current-organization route changes roles only; email is not accepted");
            ApplyRoles(r.State, org, updated, body);
            r.State.Store(Users).Replace(r.Route("id"), updated);
            return r.Data(ProjectUser(updated));
        }

        private static Microsoft.AspNetCore.Http.IResult DeleteUser(SandboxRequest r, string org)
        {
            var user = FindUser(r.State, org, r.Route("id"));
            if ((string?)user["id"] == r.Caller.UserId) throw ApiError.BadRequest("you cannot delete yourself");
            r.State.Store(Users).Remove(r.Route("id"));
            foreach (var k in r.State.MintedKeys.Where(kv => kv.Value.UserId == r.Route("id")).Select(kv => kv.Key).ToList())
                r.State.MintedKeys.TryRemove(k, out _);
            return r.Data(ProjectUser(user));
        }

        /// <summary>role (deprecated) XOR role_ids; ids must be roles of the user's organization.</summary>
        private static void ApplyRoles(SandboxState s, string org, JsonObject user, JsonObject body)
        {
            var hasRole = body["role"] is JsonValue;
            var hasIds = body["role_ids"] is JsonArray;
            if (hasRole && hasIds) throw ApiError.BadRequest("role and role_ids cannot be used together");
            if (hasIds)
            {
                var ids = body["role_ids"]!.AsArray().Select(n => (string?)n ?? "").ToList();
                var unknown = ids.Where(id => s.Store(PermissionRoutes.Roles).In(org).Get(id) == null).ToList();
                if (unknown.Count > 0) throw ApiError.BadRequest($"unknown role id(s): {string.Join(", ", unknown)}");
                user["role_ids"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());
                user["role"] = ids.Contains(PermissionRoutes.SystemRoleId(s, org, admin: true)) ? "admin" : "user";
            }
            else if (hasRole)
            {
                var role = (string)body["role"]!;
                if (role != "admin" && role != "user") throw ApiError.BadRequest($"unknown role '{role}'");
                user["role"] = role;
                user["role_ids"] = new JsonArray(PermissionRoutes.SystemRoleId(s, org, admin: role == "admin"));
            }
            else if (!user.ContainsKey("role"))
            {
                user["role"] = "user";
                user["role_ids"] = new JsonArray(PermissionRoutes.SystemRoleId(s, org, admin: false));
            }
        }

        private static void ApplyOrg(JsonObject org, JsonObject body, string name)
        {
            org["name"] = name;
            foreach (var f in new[] { "issuer", "sso_domain", "sso_org_id" }) org[f] = (string?)body[f] ?? "";
            org["_client_id"] = (string?)body["client_id"];
            org["_client_secret"] = (string?)body["client_secret"];
        }

        public static string RequiredString(JsonObject body, string name)
        {
            var v = body[name] is JsonValue jv && jv.TryGetValue<string>(out var str) ? str : null;
            if (string.IsNullOrWhiteSpace(v)) throw ApiError.BadRequest($"{name} is required");
            return v!;
        }

        private static JsonObject ProjectOrg(JsonObject o) => InternalFields.Hide(o);
        private static JsonObject ProjectUser(JsonObject u) => InternalFields.Hide(u);

        private static JsonObject Entity(SandboxState s, string id, string? callerOrg, bool partner)
        {
            string? type = null, path = null, org = null;
            var relationships = new JsonObject();
            if (s.Store(Organizations).Get(id) is JsonObject o) { type = "organization"; path = $"/api/organizations/{id}"; org = id; }
            else if (s.Store(Users).Get(id) is JsonObject u)
            {
                type = "user"; org = (string?)u["organization_id"]; path = $"/api/organizations/{org}/users/{id}";
                relationships["organization"] = new JsonObject { ["id"] = org, ["path"] = $"/api/organizations/{org}" };
            }
            else if ((partner ? s.Connections.GetInAnyOrganization(id)?.Item : s.Connections.Get(id)) is JsonObject c)
            {
                type = "connection"; org = (string?)c["organization_id"]; path = $"/api/connections/{id}";
                relationships["organization"] = new JsonObject { ["id"] = org, ["path"] = $"/api/organizations/{org}" };
            }
            else
            {
                foreach (var (store, t, prefix) in new[] { ("models", "model", "/api/models/"), ("syncs", "sync", "/api/syncs/"), ("bulk_syncs", "bulk_sync", "/api/bulk/syncs/") })
                {
                    if (!((partner ? s.Store(store).GetInAnyOrganization(id)?.Item : s.Store(store).Get(id)) is JsonObject x)) continue;
                    type = t; path = prefix + id; org = (string?)x["organization_id"] ?? s.OrganizationId;
                    if ((string?)x["connection_id"] is string cid)
                        relationships["connection"] = new JsonObject { ["id"] = cid, ["path"] = $"/api/connections/{cid}" };
                    break;
                }
            }
            if (type == null || (!partner && org != callerOrg)) throw ApiError.NotFound("entity", id);
            var result = new JsonObject { ["id"] = id, ["type"] = type, ["canonical_path"] = path, ["relationships"] = relationships, ["context"] = new JsonObject() };
            if (partner) result["organization_id"] = org;
            return result;
        }
    }
}
