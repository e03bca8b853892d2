using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Models;

namespace Polytomic.Workspace
{
    /// <summary>The kinds an export writes only with -Include: roles, policies (naming their roles), the organization's
    /// webhook (its secret a placeholder) and the global error subscribers. System roles and policies are Polytomic's:
    /// they are never written, changed or deleted, but a policy may name a system role.</summary>
    internal static class WorkspaceAccess
    {
        /// <summary>The placeholder of the webhook's signing secret (an organization has one webhook).</summary>
        public const string WebhookSecret = "webhook:secret";

        public static JsonObject Role(PolytomicRole r) => new JsonObject { ["name"] = r.Name };

        public static JsonObject Policy(PolytomicPolicy p, IReadOnlyDictionary<string, string> roleNames)
        {
            var actions = p.PolicyActions.OrderBy(a => a.Action, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
            {
                ["action"] = a.Action,
                ["roles"] = new JsonArray((a.RoleIds ?? new List<string>()).Select(id => roleNames.TryGetValue(id, out var n) ? n
                        : throw new WorkspaceException("UnresolvedReference", $"Role {id} is referred to by policy '{p.Name}' but does not exist.", id))
                    .Distinct().OrderBy(n => n, StringComparer.Ordinal).Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            }).ToArray();
            return new JsonObject { ["name"] = p.Name, ["policy_actions"] = new JsonArray(actions) };
        }

        public static JsonObject Webhook(PolytomicWebhook w) => new JsonObject
        {
            ["endpoint"] = w.Endpoint,
            ["disabled"] = w.Disabled,
            ["secret"] = WorkspaceJson.Placeholder(WebhookSecret),
        };

        public static JsonObject ErrorSubscribers(PolytomicErrorSubscribers list) => new JsonObject
        {
            ["emails"] = new JsonArray(list.Emails.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(e => e, StringComparer.Ordinal)
                .Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
        };

        /// <summary>The role names a policy's file states.</summary>
        public static IEnumerable<string> RoleNames(JsonObject policy) =>
            (policy["policy_actions"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
                .SelectMany(a => (a["roles"] as JsonArray ?? new JsonArray()).Select(r => (string?)r ?? "")).Distinct();

        /// <summary>The target's object that a folder's object updates: the one of its name; but an organization has one
        /// webhook, so the folder's webhook updates it whatever its endpoint.</summary>
        public static (string? Id, WorkspaceObject? Current) Existing(WorkspaceSnapshot target, WorkspaceObject o)
        {
            var id = target.IdOf(o.Kind, o.Name);
            if (id == null && o.Kind == WorkspaceKinds.Webhooks && target.Ids[o.Kind].Count == 1)
            {
                var only = target.Ids[o.Kind].First();
                if (only.Value.Count == 1) return (only.Value[0], target.Find(o.Kind, only.Key));
            }
            return (id, id == null ? null : target.Find(o.Kind, o.Name));
        }

        /// <summary>The placeholders an update cannot do without: a webhook's new endpoint is sent with its secret
        /// (Polytomic's PUT takes both, and a stored secret cannot be read back).</summary>
        public static IEnumerable<string> NeededForUpdate(WorkspaceObject o, IEnumerable<WorkspaceFieldChange> changes) =>
            o.Kind == WorkspaceKinds.Webhooks && changes.Any(c => c.Field == "endpoint") && WorkspaceJson.PlaceholderName(o.Body["secret"]) is string p
                ? new[] { p } : new string[0];

        /// <summary>Adds the optional kinds asked for to the snapshot. Roles are listed whenever policies are, so that
        /// their names resolve.</summary>
        public static async Task ReadAsync(PolytomicClient client, WorkspaceSnapshot snapshot, IReadOnlyCollection<string> kinds,
            Func<string, bool>? names, CancellationToken ct)
        {
            bool Wanted(string kind, string? name) => kinds.Contains(kind) && (names == null || names(name ?? ""));
            if (kinds.Contains(WorkspaceKinds.Roles) || kinds.Contains(WorkspaceKinds.Policies))
            {
                var roles = await client.ListRolesAsync(ct).ConfigureAwait(false);
                foreach (var r in roles)
                {
                    if (r.System) { snapshot.SystemIds[(WorkspaceKinds.Roles, r.Name ?? "")] = r.Id; continue; }
                    snapshot.AddId(WorkspaceKinds.Roles, r.Name, r.Id);
                    if (Wanted(WorkspaceKinds.Roles, r.Name)) snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.Roles, Role(r)));
                }
                if (kinds.Contains(WorkspaceKinds.Policies))
                {
                    var roleNames = roles.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Name ?? "", StringComparer.Ordinal);
                    foreach (var p in (await client.ListPoliciesAsync(ct).ConfigureAwait(false)).Where(p => !p.System))
                    {
                        snapshot.AddId(WorkspaceKinds.Policies, p.Name, p.Id);
                        if (Wanted(WorkspaceKinds.Policies, p.Name)) snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.Policies, Policy(p, roleNames)));
                    }
                }
            }
            if (kinds.Contains(WorkspaceKinds.Webhooks))
                foreach (var w in await client.ListWebhooksAsync(ct).ConfigureAwait(false))
                {
                    snapshot.AddId(WorkspaceKinds.Webhooks, w.Endpoint, w.Id);
                    if (Wanted(WorkspaceKinds.Webhooks, w.Endpoint)) snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.Webhooks, Webhook(w)));
                }
            if (kinds.Contains(WorkspaceKinds.ErrorSubscribers))
            {
                // One list, always there (maybe empty): it is updated, never created; -Name does not select it.
                var list = await client.GetErrorSubscribersAsync(ct).ConfigureAwait(false);
                snapshot.AddId(WorkspaceKinds.ErrorSubscribers, WorkspaceKinds.ErrorSubscribersName, WorkspaceKinds.ErrorSubscribersName);
                snapshot.Objects.Add(new WorkspaceObject(WorkspaceKinds.ErrorSubscribers, ErrorSubscribers(list)));
            }
        }

        /// <summary>Creates or updates one object of an optional kind; returns its id.</summary>
        public static async Task<string> WriteAsync(PolytomicClient client, WorkspacePlanItem item, bool creating, Func<string, string?> secret,
            WorkspaceNormalizer.Resolver ids, CancellationToken ct)
        {
            var o = item.Desired!;
            switch (o.Kind)
            {
                case WorkspaceKinds.Roles:
                {
                    var request = new RoleRequest { Name = o.Name };
                    return creating ? (await client.CreateRoleAsync(request, ct).ConfigureAwait(false)).Id
                        : (await client.UpdateRoleAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
                }
                case WorkspaceKinds.Policies:
                {
                    var request = new PolicyRequest
                    {
                        Name = o.Name,
                        PolicyActions = (o.Body["policy_actions"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(a => new PolicyAction
                        {
                            Action = (string?)a["action"] ?? "",
                            RoleIds = (a["roles"] as JsonArray ?? new JsonArray()).Select(r => (string?)r ?? "").Select(n => ids(WorkspaceKinds.Roles, n)
                                ?? throw new WorkspaceException("UnresolvedReference", $"Role '{n}' is referred to but is neither in the folder nor in the workspace.", n)).ToList(),
                        }).ToList(),
                    };
                    return creating ? (await client.CreatePolicyAsync(request, ct).ConfigureAwait(false)).Id
                        : (await client.UpdatePolicyAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
                }
                case WorkspaceKinds.Webhooks:
                {
                    var value = WorkspaceJson.PlaceholderName(o.Body["secret"]) is string p && (creating || item.SendSecrets) ? secret(p) : null;
                    var disabled = (bool?)o.Body["disabled"] ?? false;
                    string id;
                    if (creating)
                    {
                        // Polytomic needs the signing secret to create a webhook; the plan stops earlier without it.
                        var request = new WebhookRequest { Endpoint = o.Name, Secret = SecureStrings.FromPlain(value ?? throw new WorkspaceException(
                            "WorkspaceSecretMissing", $"Creating webhook '{o.Name}' needs the secret {WebhookSecret}.", WebhookSecret)) };
                        id = (await client.CreateWebhookAsync(request, ct).ConfigureAwait(false)).Id;
                        if (disabled) await client.SetWebhookEnabledAsync(id, false, ct).ConfigureAwait(false);
                        return id;
                    }
                    id = item.Id!;
                    if (value != null)
                        await client.UpdateWebhookAsync(id, new WebhookRequest { Endpoint = o.Name, Secret = SecureStrings.FromPlain(value) }, ct).ConfigureAwait(false);
                    if (item.Changes.Any(c => c.Field == "disabled")) await client.SetWebhookEnabledAsync(id, !disabled, ct).ConfigureAwait(false);
                    return id;
                }
                default:
                {
                    var emails = (o.Body["emails"] as JsonArray ?? new JsonArray()).Select(e => (string?)e ?? "").ToList();
                    await client.SetErrorSubscribersAsync(emails, ct).ConfigureAwait(false);
                    return WorkspaceKinds.ErrorSubscribersName;
                }
            }
        }

        /// <summary>Deletes one object of an optional kind; the error subscribers list is emptied.</summary>
        public static Task DeleteAsync(PolytomicClient client, WorkspacePlanItem item, CancellationToken ct) => item.KindKey switch
        {
            WorkspaceKinds.Roles => client.DeleteRoleAsync(item.Id!, ct),
            WorkspaceKinds.Policies => client.DeletePolicyAsync(item.Id!, ct),
            WorkspaceKinds.Webhooks => client.DeleteWebhookAsync(item.Id!, ct),
            _ => client.SetErrorSubscribersAsync(new string[0], ct),
        };
    }
}
