using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Workspace
{
    /// <summary>The kinds of object a workspace folder holds, in the order they are created (each may name objects of
    /// the kinds before it). <see cref="Registered"/> is the one list of kinds: a new kind is one
    /// <see cref="WorkspaceKind"/> subclass added there.</summary>
    public static class WorkspaceKinds
    {
        public const string Connections = "connections";
        public const string Models = "models";
        public const string Syncs = "syncs";
        public const string BulkSyncs = "bulk_syncs";
        public const string Roles = "roles";
        public const string Policies = "policies";
        public const string Webhooks = "webhooks";
        /// <summary>The organization's one list of global error subscribers: one file, error_subscribers.json.</summary>
        public const string ErrorSubscribers = "error_subscribers";

        /// <summary>The name of the one error subscribers object (its list has none).</summary>
        public const string ErrorSubscribersName = "global";

        /// <summary>Every kind, once, in creation order.</summary>
        public static readonly IReadOnlyList<WorkspaceKind> Registered = new WorkspaceKind[]
        {
            new ConnectionKind(), new ModelKind(), new SyncKind(), new BulkSyncKind(),
            new RoleKind(), new PolicyKind(), new WebhookKind(), new ErrorSubscribersKind(),
        };

        private static readonly Dictionary<string, WorkspaceKind> ByKey = Registered.ToDictionary(k => k.Key, StringComparer.Ordinal);

        /// <summary>What every export writes.</summary>
        public static readonly string[] Core = Registered.Where(k => !k.Optional).Select(k => k.Key).ToArray();

        public static readonly string[] All = Registered.Select(k => k.Key).ToArray();

        /// <summary>The registered kind of a key; throws for a key that is not a kind.</summary>
        public static WorkspaceKind Of(string kind) =>
            ByKey.TryGetValue(kind, out var k) ? k : throw new ArgumentException($"'{kind}' is not a workspace kind.", nameof(kind));

        /// <summary>The singular a plan shows (Connection, Model, Sync, BulkSync, Role, Policy, Webhook, ErrorSubscribers).</summary>
        public static string Display(string kind) => ByKey.TryGetValue(kind, out var k) ? k.Display : kind;

        /// <summary>The key of an object of a kind: its name; a webhook (one per organization, unnamed) is known by its
        /// endpoint, and the error subscribers list is the one object of its kind.</summary>
        public static string NameOf(string kind, JsonObject body) => ByKey.TryGetValue(kind, out var k) ? k.NameOf(body) : (string?)body["name"] ?? "";

        public static int Order(string kind) => Array.IndexOf(All, kind);

        public static string? Parse(string text)
        {
            foreach (var k in Registered)
                if (string.Equals(k.Key, text, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Display, text, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(k.Plural, text, StringComparison.OrdinalIgnoreCase))
                    return k.Key;
            return null;
        }
    }
}
