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
            SeedSystemRoles(s, s.OrganizationId, AdminRoleId, MemberRoleId);

            api.Get("/api/permissions/roles", r => Task.FromResult(r.Data(List(roles, r))));
            api.Get("/api/permissions/roles/{id}", r => Task.FromResult(r.Data(InternalFields.Hide(Find(roles, r, "role")))));
            api.Post("/api/permissions/roles", async r =>
            {
                var body = await r.BodyAsync();
                var org = r.OrganizationFor(body);
                var role = new JsonObject
                {
                    ["id"] = SandboxState.NewId(), ["name"] = UniqueName(roles.In(org), body, null, "role"),
                    ["organization_id"] = org, ["system"] = false,
                };
                roles.Add(role);
                return r.Data(InternalFields.Hide(role));
            });
            api.Put("/api/permissions/roles/{id}", async r =>
            {
                var role = Mutable(Find(roles, r, "role"), "role");
                var body = await r.BodyAsync();
                var updated = role.DeepClone().AsObject();
                updated["name"] = UniqueName(roles, body, r.Route("id"), "role");
                roles.Replace(r.Route("id"), updated);
                return r.Data(InternalFields.Hide(updated));
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
            api.Get("/api/permissions/policies/{id}", r => Task.FromResult(r.Data(InternalFields.Hide(Find(policies, r, "policy")))));
            api.Post("/api/permissions/policies", async r =>
            {
                var body = await r.BodyAsync();
                var org = r.OrganizationFor(body);
                var policy = new JsonObject
                {
                    ["id"] = SandboxState.NewId(), ["name"] = UniqueName(policies.In(org), body, null, "policy"),
                    ["organization_id"] = org, ["system"] = false, ["policy_actions"] = Actions(s, org, body),
                };
                policies.Add(policy);
                return r.Data(InternalFields.Hide(policy));
            });
            api.Put("/api/permissions/policies/{id}", async r =>
            {
                var policy = Mutable(Find(policies, r, "policy"), "policy");
                var body = await r.BodyAsync();
                var updated = policy.DeepClone().AsObject();
                updated["name"] = UniqueName(policies, body, r.Route("id"), "policy");
                updated["policy_actions"] = Actions(s, s.CurrentOrganization, body); // PUT replaces: omitted actions are cleared
                policies.Replace(r.Route("id"), updated);
                return r.Data(InternalFields.Hide(updated));
            });
            api.Delete("/api/permissions/policies/{id}", r =>
            {
                Mutable(Find(policies, r, "policy"), "policy");
                policies.Remove(r.Route("id"));
                return Task.FromResult(SandboxRequest.Empty());
            });
        }

        private static JsonArray List(ResourceStore store, SandboxRequest r) =>
            new JsonArray(store.All().Where(x => (string?)x["organization_id"] == r.Caller.OrganizationId).Select(x => (JsonNode)InternalFields.Hide(x)).ToArray());

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

        /// <summary>Each organization starts with the immutable Admin and Member roles (the sandbox's own with fixed ids).</summary>
        public static void SeedSystemRoles(SandboxState s, string org, string? adminId = null, string? memberId = null)
        {
            var roles = s.Store(Roles).In(org);
            roles.Add(new JsonObject { ["id"] = adminId ?? SandboxState.NewId(), ["name"] = "Admin", ["organization_id"] = org, ["system"] = true });
            roles.Add(new JsonObject { ["id"] = memberId ?? SandboxState.NewId(), ["name"] = "Member", ["organization_id"] = org, ["system"] = true });
        }

        /// <summary>The id of an organization's system role Admin or Member.</summary>
        public static string SystemRoleId(SandboxState s, string org, bool admin) =>
            (string)s.Store(Roles).In(org).All().First(x => (bool?)x["system"] == true && (string?)x["name"] == (admin ? "Admin" : "Member"))["id"]!;

        /// <summary>Names are unique within the organization the store shows.</summary>
        private static string UniqueName(ResourceStore store, JsonObject body, string? self, string what)
        {
            var name = IdentityRoutes.RequiredString(body, "name");
            if (store.All().Any(x => (string?)x["id"] != self && string.Equals((string?)x["name"], name, StringComparison.OrdinalIgnoreCase)))
                throw new ApiError(409, $"a {what} named '{name}' already exists", "conflict");
            return name;
        }

        private static JsonArray Actions(SandboxState s, string org, JsonObject body)
        {
            var result = new JsonArray();
            if (!(body["policy_actions"] is JsonArray actions)) return result;
            foreach (var a in actions)
            {
                var action = (string?)a?["action"];
                if (string.IsNullOrWhiteSpace(action)) throw ApiError.BadRequest("policy_actions[].action is required");
                var ids = ((a!["role_ids"] as JsonArray) ?? new JsonArray()).Select(x => (string?)x ?? "").ToList();
                var unknown = ids.Where(id => s.Store(Roles).In(org).Get(id) == null).ToList();
                if (unknown.Count > 0) throw ApiError.BadRequest($"unknown role id(s): {string.Join(", ", unknown)}");
                result.Add(new JsonObject { ["action"] = action, ["role_ids"] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()) });
            }
            return result;
        }
    }
}
