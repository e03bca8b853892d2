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

        public static readonly string[] All = { Connections, Models, Syncs, BulkSyncs };

        /// <summary>The singular a plan shows (Connection, Model, Sync, BulkSync).</summary>
        public static string Display(string kind) => kind switch
        {
            Connections => "Connection",
            Models => "Model",
            Syncs => "Sync",
            BulkSyncs => "BulkSync",
            _ => kind,
        };

        public static int Order(string kind) => Array.IndexOf(All, kind);

        public static string? Parse(string text)
        {
            foreach (var k in All)
                if (string.Equals(k, text, StringComparison.OrdinalIgnoreCase) || string.Equals(Display(k), text, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(Display(k) + "s", text, StringComparison.OrdinalIgnoreCase))
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
            Name = (string?)body["name"] ?? "";
        }

        public string Kind { get; }
        public string Name { get; }
        public JsonObject Body { get; }

        /// <summary>The placeholders the object holds (connection secrets, a sync's encryption passphrase).</summary>
        public IEnumerable<(string Path, string Placeholder)> Placeholders() => WorkspaceJson.Placeholders(Body, "");

        public override string ToString() => WorkspaceKinds.Display(Kind) + " " + Name;
    }

    /// <summary>What the manifest of a workspace folder records.</summary>
    public sealed class WorkspaceManifest
    {
        public const int CurrentFormat = 1;
        public int FormatVersion { get; set; } = CurrentFormat;
        public string ApiVersion { get; set; } = "";
        public List<string> Kinds { get; set; } = new List<string>(WorkspaceKinds.All);
        /// <summary>The -Name patterns of the export (null: everything); -Prune deletes only what they match.</summary>
        public List<string>? Names { get; set; }
        public string? SourceUrl { get; set; }
        public string? SourceOrganization { get; set; }

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
            if (o["kinds"] is JsonArray kinds) m.Kinds = kinds.Select(k => (string?)k).Where(k => k != null && WorkspaceKinds.All.Contains(k)).Select(k => k!).ToList();
            if (o["names"] is JsonArray names) m.Names = names.Select(k => (string?)k ?? "").ToList();
            return m;
        }
    }
}
