using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Workspace
{
    /// <summary>The kinds of object a workspace folder holds, in the order they are created (each may name objects of
    /// the kinds before it).</summary>
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

        /// <summary>What every export writes.</summary>
        public static readonly string[] Core = { Connections, Models, Syncs, BulkSyncs };

        /// <summary>What an export writes only when asked (-Include).</summary>
        public static readonly string[] Optional = { Roles, Policies, Webhooks, ErrorSubscribers };

        public static readonly string[] All = Core.Concat(Optional).ToArray();

        /// <summary>The singular a plan shows (Connection, Model, Sync, BulkSync, Role, Policy, Webhook, ErrorSubscribers).</summary>
        public static string Display(string kind) => kind switch
        {
            Connections => "Connection",
            Models => "Model",
            Syncs => "Sync",
            BulkSyncs => "BulkSync",
            Roles => "Role",
            Policies => "Policy",
            Webhooks => "Webhook",
            ErrorSubscribers => "ErrorSubscribers",
            _ => kind,
        };

        /// <summary>The -Include name of a kind (Policies, Roles, Webhooks, ErrorSubscribers).</summary>
        public static string Plural(string kind) => kind switch
        {
            Policies => "Policies",
            ErrorSubscribers => "ErrorSubscribers",
            _ => Display(kind) + "s",
        };

        /// <summary>The key of an object of a kind: its name; a webhook (one per organization, unnamed) is known by its
        /// endpoint, and the error subscribers list is the one object of its kind.</summary>
        public static string NameOf(string kind, JsonObject body) => kind switch
        {
            Webhooks => (string?)body["endpoint"] ?? "",
            ErrorSubscribers => ErrorSubscribersName,
            _ => (string?)body["name"] ?? "",
        };

        public static int Order(string kind) => Array.IndexOf(All, kind);

        public static string? Parse(string text)
        {
            foreach (var k in All)
                if (string.Equals(k, text, StringComparison.OrdinalIgnoreCase) || string.Equals(Display(k), text, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(Plural(k), text, StringComparison.OrdinalIgnoreCase))
                    return k;
            return null;
        }
    }
}
