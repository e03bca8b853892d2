using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Workspace
{
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
