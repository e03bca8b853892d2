using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Event webhooks (one per organization) and global error subscribers (no data envelope).</summary>
    public static class WebhookRoutes
    {
        public const string Webhooks = "webhooks";

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var hooks = s.Store(Webhooks);
            // The global error subscribers of each organization.
            var subscribersOf = new System.Collections.Concurrent.ConcurrentDictionary<string, JsonArray>(StringComparer.Ordinal);
            var gate = new object();

            api.Get("/api/webhooks", r => Task.FromResult(r.Data(new JsonArray(
                hooks.All().Where(h => (string?)h["organization_id"] == r.Caller.OrganizationId).Select(h => (JsonNode)h.DeepClone()).ToArray()))));
            api.Get("/api/webhooks/{id}", r => Task.FromResult(r.Data(Find(hooks, r).DeepClone())));
            api.Post("/api/webhooks", async r =>
            {
                var body = await r.BodyAsync();
                var org = r.OrganizationFor(body);
                var (endpoint, secret) = Validate(body);
                if (hooks.In(org).All().Any())
                    throw new ApiError(409, "this organization already has a webhook; update or delete it", "conflict");
                var hook = new JsonObject
                {
                    ["id"] = SandboxState.NewId(), ["organization_id"] = org, ["endpoint"] = endpoint, ["secret"] = secret,
                    ["disabled"] = false, ["created_at"] = s.Clock.Stamp(),
                };
                hooks.Add(hook);
                return r.Data(hook.DeepClone());
            });
            api.Put("/api/webhooks/{id}", async r =>
            {
                var hook = Find(hooks, r);
                var body = await r.BodyAsync();
                var (endpoint, secret) = Validate(body);
                var updated = hook.DeepClone().AsObject();
                updated["endpoint"] = endpoint;
                updated["secret"] = secret;
                hooks.Replace(r.Route("id"), updated);
                return r.Data(updated.DeepClone());
            });
            api.Delete("/api/webhooks/{id}", r =>
            {
                Find(hooks, r);
                hooks.Remove(r.Route("id"));
                return Task.FromResult(SandboxRequest.Empty());
            });
            api.Post("/api/webhooks/{id}/enable", r => Task.FromResult(r.Data(SetDisabled(hooks, r, false))));
            api.Post("/api/webhooks/{id}/disable", r => Task.FromResult(r.Data(SetDisabled(hooks, r, true))));

            api.Get("/api/notifications/global-error-subscribers", r =>
            {
                var subscribers = subscribersOf.GetOrAdd(r.Caller.OrganizationId, _ => new JsonArray());
                lock (gate) return Task.FromResult(SandboxRequest.Json(new JsonObject { ["emails"] = subscribers.DeepClone() }));
            });
            api.Put("/api/notifications/global-error-subscribers", async r =>
            {
                var body = await r.BodyAsync();
                var emails = ((body["emails"] as JsonArray) ?? new JsonArray()).Select(e => (string?)e ?? "").ToList();
                var bad = emails.Where(e => !e.Contains('@')).ToList();
                if (bad.Count > 0) throw ApiError.BadRequest($"invalid email address(es): {string.Join(", ", bad)}");
                var subscribers = subscribersOf.GetOrAdd(r.Caller.OrganizationId, _ => new JsonArray());
                lock (gate)
                {
                    subscribers.Clear(); // PUT replaces the list
                    foreach (var e in emails.Distinct(StringComparer.OrdinalIgnoreCase)) subscribers.Add(e);
                    return SandboxRequest.Json(new JsonObject { ["emails"] = subscribers.DeepClone() });
                }
            });
        }

        private static JsonObject Find(ResourceStore hooks, SandboxRequest r)
        {
            var h = hooks.Get(r.Route("id"));
            if (h == null || (string?)h["organization_id"] != r.Caller.OrganizationId) throw ApiError.NotFound("webhook", r.Route("id"));
            return h;
        }

        private static JsonObject SetDisabled(ResourceStore hooks, SandboxRequest r, bool disabled)
        {
            var h = Find(hooks, r).DeepClone().AsObject();
            h["disabled"] = disabled;
            hooks.Replace(r.Route("id"), h);
            return h.DeepClone().AsObject();
        }

        /// <summary>Both fields are required; the error never echoes the secret.</summary>
        private static (string Endpoint, string Secret) Validate(JsonObject body)
        {
            var endpoint = IdentityRoutes.RequiredString(body, "endpoint");
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                throw ApiError.BadRequest($"endpoint '{endpoint}' is not a valid URL");
            var secret = (string?)body["secret"];
            if (string.IsNullOrEmpty(secret)) throw ApiError.BadRequest("secret is required");
            return (endpoint, secret!);
        }
    }
}
