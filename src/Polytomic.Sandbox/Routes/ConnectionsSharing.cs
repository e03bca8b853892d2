using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Polytomic Connect and sharing connections with child organizations (partner key).</summary>
    public static class ConnectionSharingRoutes
    {
        public static void Map(SandboxApi api)
        {
            var s = api.State;

            // Polytomic Connect (note the trailing slash of the route).
            api.Post("/api/connections/connect/", async r =>
            {
                var body = await r.BodyAsync();
                IdentityRoutes.RequiredString(body, "name");
                var redirect = IdentityRoutes.RequiredString(body, "redirect_url");
                if (!Uri.TryCreate(redirect, UriKind.Absolute, out _)) throw ApiError.BadRequest($"redirect_url '{redirect}' is not a URL");
                if ((string?)body["type"] is string t && t.Length > 0 && ConnectionTypes.Find(t) == null)
                    throw ApiError.BadRequest($"unknown connection type '{t}'");
                if ((string?)body["connection"] is string existing && existing.Length > 0) ConnectionRoutes.Find(s, existing);
                var token = Guid.NewGuid().ToString("N");
                return r.Data(new JsonObject { ["redirect_url"] = $"https://app.polytomic.com/connect/{token}", ["token"] = token });
            });

            // Sharing with child organizations (partner key).
            api.Post("/api/connections/{id}/share", async r =>
            {
                IdentityRoutes.RequirePartner(r, null);
                return r.Data(Share(s, ConnectionRoutes.Find(s, r.Route("id")), await r.BodyAsync()));
            }, SandboxVersions.Only2024);
            api.Post("/api/organizations/{org_id}/connections/{connection_id}/shared", async r =>
            {
                var parent = OwnedConnection(r);
                return r.Data(Share(s, parent, await r.BodyAsync()));
            }, SandboxVersions.Only2025);
            api.Get("/api/connections/{id}/shared", r => Task.FromResult(r.Data(Copies(s, ConnectionRoutes.Find(s, r.Route("id"))))));
            api.Get("/api/organizations/{org_id}/connections/{connection_id}/shared", r =>
                Task.FromResult(r.Data(Copies(s, OwnedConnection(r)))), SandboxVersions.Only2025);

        }

        private static JsonObject OwnedConnection(SandboxRequest r)
        {
            var org = r.Route("org_id");
            IdentityRoutes.RequirePartner(r, org);
            IdentityRoutes.FindOrg(r.State, org);
            var c = r.State.Connections.In(org).Get(r.Route("connection_id"));
            // A connection of another organization is not found, as Polytomic answers (never 403, which would confirm it exists).
            if (c == null || (string?)c["organization_id"] != org) throw ApiError.NotFound("connection", r.Route("connection_id"));
            return c;
        }

        private static JsonObject Share(SandboxState s, JsonObject parent, JsonObject body)
        {
            var child = IdentityRoutes.RequiredString(body, "child_organization_id");
            IdentityRoutes.FindOrg(s, child);
            if ((string?)parent["parent_connection_id"] != null) throw ApiError.BadRequest("a shared connection cannot be shared again");
            if (child == (string?)parent["organization_id"]) throw ApiError.BadRequest("the connection already belongs to that organization");
            var copy = parent.DeepClone().AsObject();
            copy["id"] = SandboxState.NewId();
            copy["name"] = (string?)body["name"] is string n && n.Length > 0 ? n : (string?)parent["name"];
            copy["organization_id"] = child;
            copy["parent_connection_id"] = (string?)parent["id"];
            copy["created_at"] = s.Clock.Stamp();
            copy["updated_at"] = s.Clock.Stamp();
            s.Connections.Add(copy);
            return new JsonObject { ["id"] = (string?)copy["id"] };
        }

        private static JsonArray Copies(SandboxState s, JsonObject parent) =>
            new JsonArray(s.Connections.AllOrganizations().Where(c => (string?)c["parent_connection_id"] == (string?)parent["id"])
                .Select(c => (JsonNode)ConnectionRoutes.Project(c)).ToArray());

    }
}
