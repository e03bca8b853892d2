using System;
using System.Collections.Generic;
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

    /// <summary>One object of a workspace as its file holds it: names instead of ids, no server-owned fields, secrets as
    /// placeholders.</summary>
    public sealed class WorkspaceObject
    {
        public WorkspaceObject(string kind, JsonObject body)
        {
            Kind = kind;
            Body = body;
            Name = WorkspaceKinds.NameOf(kind, body);
        }

        public string Kind { get; }
        public string Name { get; }
        public JsonObject Body { get; }

        /// <summary>The file it was read from, relative to the folder ('/'-separated); null when not read from a folder.</summary>
        public string? File { get; internal set; }

        /// <summary>The placeholders the object holds (connection secrets, a sync's encryption passphrase, a webhook's secret).</summary>
        public IEnumerable<(string Path, string Placeholder)> Placeholders() => WorkspaceJson.Placeholders(Body, "");

        public override string ToString() => WorkspaceKinds.Display(Kind) + " " + Name;
    }

    /// <summary>What the manifest of a workspace folder records.</summary>
    public sealed class WorkspaceManifest
    {
        public const int CurrentFormat = 1;
        public int FormatVersion { get; set; } = CurrentFormat;
        public string ApiVersion { get; set; } = "";
        public List<string> Kinds { get; set; } = new List<string>(WorkspaceKinds.Core);
        /// <summary>The -Name patterns of the export (null: everything); -Prune deletes only what they match.</summary>
        public List<string>? Names { get; set; }
        public string? SourceUrl { get; set; }
        public string? SourceOrganization { get; set; }
        /// <summary>The files the export wrote, relative to the folder: the only files a later export may delete.</summary>
        public List<string>? Files { get; set; }

        public JsonObject ToJson()
        {
            var o = new JsonObject
            {
                ["format_version"] = FormatVersion,
                ["api_version"] = ApiVersion,
                ["kinds"] = new JsonArray(Kinds.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
                ["source"] = new JsonObject { ["url"] = SourceUrl, ["organization"] = SourceOrganization },
            };
            if (Names != null) o["names"] = new JsonArray(Names.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
            if (Files != null) o["files"] = new JsonArray(Files.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
            return o;
        }

        public static WorkspaceManifest FromJson(JsonObject o)
        {
            var m = new WorkspaceManifest
            {
                FormatVersion = (int?)o["format_version"] ?? 0,
                ApiVersion = (string?)o["api_version"] ?? "",
                SourceUrl = (string?)o["source"]?["url"],
                SourceOrganization = (string?)o["source"]?["organization"],
            };
            // WorkspaceValidator.CheckManifest has checked the shape: kinds are known kinds, names and files strings.
            if (o["kinds"] is JsonArray kinds) m.Kinds = kinds.Select(k => (string?)k).Where(k => k != null && WorkspaceKinds.All.Contains(k)).Select(k => k!).ToList();
            if (o["names"] is JsonArray names) m.Names = names.Select(k => (string?)k ?? "").ToList();
            if (o["files"] is JsonArray files) m.Files = files.Select(k => (string?)k ?? "").ToList();
            return m;
        }
    }
}
