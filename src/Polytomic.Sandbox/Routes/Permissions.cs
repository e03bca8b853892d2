using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Roles and policies (/api/permissions/*). System roles (Admin, Member) are immutable.</summary>
    public static class PermissionRoutes
    {
        public const string Roles = "roles";
        public const string Policies = "policies";
        public const string AdminRoleId = "9a8b7c6d-0000-4000-8000-00000000ad01";
        public const string MemberRoleId = "9a8b7c6d-0000-4000-8000-00000000ae02";

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var roles = s.Store(Roles);
            var policies = s.Store(Policies);
            roles.Add(new JsonObject { ["id"] = AdminRoleId, ["name"] = "Admin", ["organization_id"] = s.OrganizationId, ["system"] = true });
            roles.Add(new JsonObject { ["id"] = MemberRoleId, ["name"] = "Member", ["organization_id"] = s.OrganizationId, ["system"] = true });

            api.Get("/api/permissions/roles", r => Task.FromResult(r.Data(List(roles, r))));
            api.Get("/api/permissions/roles/{id}", r => Task.FromResult(r.Data(IdentityRoutes.Strip(Find(roles, r, "role")))));
            api.Post("/api/permissions/roles", async r =>
            {
                var body = await r.BodyAsync();
                var role = new JsonObject
                {
                    ["id"] = SandboxState.NewId(), ["name"] = UniqueName(roles, r, body, null, "role"),
                    ["organization_id"] = Org(r, body), ["system"] = false,
                };
                roles.Add(role);
                return r.Data(IdentityRoutes.Strip(role));
            });
            api.Put("/api/permissions/roles/{id}", async r =>
            {
                var role = Mutable(Find(roles, r, "role"), "role");
                var body = await r.BodyAsync();
                var updated = role.DeepClone().AsObject();
                updated["name"] = UniqueName(roles, r, body, r.Route("id"), "role");
                roles.Replace(r.Route("id"), updated);
                return r.Data(IdentityRoutes.Strip(updated));
            });
            api.Delete("/api/permissions/roles/{id}", r =>
            {
                Mutable(Find(roles, r, "role"), "role");
                var id = r.Route("id");
                var inUse = policies.All().Where(p => ((p["policy_actions"] as JsonArray) ?? new JsonArray())
                    .Any(a => ((a?["role_ids"] as JsonArray) ?? new JsonArray()).Any(x => (string?)x == id))).Select(p => (string?)p["name"]).ToList();
                if (inUse.Count > 0) throw new ApiError(422, $"role is used by policy {string.Join(", ", inUse)}", "role_in_use");
                roles.Remove(id);
                return Task.FromResult(SandboxRequest.Empty());
            });

            api.Get("/api/permissions/policies", r => Task.FromResult(r.Data(List(policies, r))));
            api.Get("/api/permissions/policies/{id}", r => Task.FromResult(r.Data(IdentityRoutes.Strip(Find(policies, r, "policy")))));
            api.Post("/api/permissions/policies", async r =>
            {
                var body = await r.BodyAsync();
                var policy = new JsonObject
                {
                    ["id"] = SandboxState.NewId(), ["name"] = UniqueName(policies, r, body, null, "policy"),
                    ["organization_id"] = Org(r, body), ["system"] = false, ["policy_actions"] = Actions(s, body),
                };
                policies.Add(policy);
                return r.Data(IdentityRoutes.Strip(policy));
            });
            api.Put("/api/permissions/policies/{id}", async r =>
            {
                var policy = Mutable(Find(policies, r, "policy"), "policy");
                var body = await r.BodyAsync();
                var updated = policy.DeepClone().AsObject();
                updated["name"] = UniqueName(policies, r, body, r.Route("id"), "policy");
                updated["policy_actions"] = Actions(s, body); // PUT replaces: omitted actions are cleared
                policies.Replace(r.Route("id"), updated);
                return r.Data(IdentityRoutes.Strip(updated));
            });
            api.Delete("/api/permissions/policies/{id}", r =>
            {
                Mutable(Find(policies, r, "policy"), "policy");
                policies.Remove(r.Route("id"));
                return Task.FromResult(SandboxRequest.Empty());
            });
        }

        private static JsonArray List(ResourceStore store, SandboxRequest r) =>
            new JsonArray(store.All().Where(x => (string?)x["organization_id"] == r.Caller.OrganizationId).Select(x => (JsonNode)IdentityRoutes.Strip(x)).ToArray());

        private static JsonObject Find(ResourceStore store, SandboxRequest r, string what)
        {
            var x = store.Get(r.Route("id"));
            if (x == null || (string?)x["organization_id"] != r.Caller.OrganizationId) throw ApiError.NotFound(what, r.Route("id"));
            return x;
        }

        private static JsonObject Mutable(JsonObject x, string what)
        {
            if ((bool?)x["system"] == true) throw new ApiError(403, $"system {what} '{(string?)x["name"]}' cannot be changed", "forbidden");
            return x;
        }

        /// <summary>organization_id is "only used by partner callers"; everyone else works in their own organization.</summary>
        private static string Org(SandboxRequest r, JsonObject body)
        {
            var org = (string?)body["organization_id"];
            if (string.IsNullOrEmpty(org) || !r.Caller.IsPartner) return r.Caller.OrganizationId;
            IdentityRoutes.FindOrg(r.State, org!);
            return org!;
        }

        private static string UniqueName(ResourceStore store, SandboxRequest r, JsonObject body, string? self, string what)
        {
            var name = IdentityRoutes.RequiredString(body, "name");
            if (store.All().Any(x => (string?)x["id"] != self && (string?)x["organization_id"] == r.Caller.OrganizationId
                                     && string.Equals((string?)x["name"], name, StringComparison.OrdinalIgnoreCase)))
                throw new ApiError(409, $"a {what} named '{name}' already exists", "conflict");
            return name;
        }

        private static JsonArray Actions(SandboxState s, JsonObject body)
        {
            var result = new JsonArray();
            if (!(body["policy_actions"] is JsonArray actions)) return result;
            foreach (var a in actions)
            {
                var action = (string?)a?["action"];
                if (string.IsNullOrWhiteSpace(action)) throw ApiError.BadRequest("policy_actions[].action is required");
                var ids = ((a!["role_ids"] as JsonArray) ?? new JsonArray()).Select(x => (string?)x ?? "").ToList();
                var unknown = ids.Where(id => s.Store(Roles).Get(id) == null).ToList();
                if (unknown.Count > 0) throw ApiError.BadRequest($"unknown role id(s): {string.Join(", ", unknown)}");
                result.Add(new JsonObject { ["action"] = action, ["role_ids"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()) });
            }
            return result;
        }
    }
}
