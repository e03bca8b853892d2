using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS
{
    /// <summary>The state file of a maintenance window: which syncs were active, and how far the suspend and the
    /// resume got. It is written whole (a temporary file, then a rename) before the first change and after each one,
    /// so a run killed at any point leaves either the previous or the next version, never half of one.</summary>
    internal sealed class SuspendState
    {
        public const int FormatVersion = 1;
        public const string Suspending = "suspending", Suspended = "suspended", Resuming = "resuming", Resumed = "resumed";

        public string Phase { get; set; } = Suspending;
        public DateTimeOffset CreatedAt { get; set; }
        public string? OrganizationId { get; set; }
        public List<PolytomicSuspendedSync> Syncs { get; } = new List<PolytomicSuspendedSync>();

        /// <summary>Refuses a path that is a link (never followed) or a folder.</summary>
        public static string CheckPath(string fullPath, string given) => StateFiles.Check(fullPath, given, "StateFile", "InvalidStateFile");

        public static SuspendState? TryLoad(string fullPath)
        {
            if (!File.Exists(fullPath)) return null;
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(fullPath, Encoding.UTF8))!.AsObject();
                if ((int?)root["version"] != FormatVersion) throw new FormatException("unknown version");
                var state = new SuspendState
                {
                    Phase = (string?)root["phase"] ?? throw new FormatException("no phase"),
                    CreatedAt = DateTimeOffset.Parse((string)root["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture),
                    OrganizationId = (string?)root["organizationId"],
                };
                if (!new[] { Suspending, Suspended, Resuming, Resumed }.Contains(state.Phase)) throw new FormatException("unknown phase");
                foreach (var n in root["syncs"]!.AsArray())
                {
                    var kind = (string?)n!["kind"];
                    if (kind != "Sync" && kind != "BulkSync") throw new FormatException("unknown kind");
                    state.Syncs.Add(new PolytomicSuspendedSync
                    {
                        Kind = kind!, Id = (string?)n["id"] ?? throw new FormatException("no id"), Name = (string?)n["name"],
                        Suspended = (bool?)n["suspended"] ?? false, Resumed = (bool?)n["resumed"] ?? false, Missing = (bool?)n["missing"] ?? false,
                        StateFile = fullPath,
                    });
                }
                return state;
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidOperationException || ex is System.Text.Json.JsonException || ex is NullReferenceException)
            {
                throw new PolytomicInputException("InvalidStateFile",
                    $"-StateFile '{fullPath}' is not a state file of Suspend-PolytomicSync ({ex.Message}); it was left as it is.", "StateFile", fullPath);
            }
        }

        /// <summary>Writes the whole file next to its final place, then renames it over the old one.</summary>
        public void Save(string fullPath)
        {
            var root = new JsonObject
            {
                ["version"] = FormatVersion, ["phase"] = Phase,
                ["createdAt"] = CreatedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture), ["organizationId"] = OrganizationId,
                ["syncs"] = new JsonArray(Syncs.Select(s => (JsonNode)new JsonObject
                {
                    ["kind"] = s.Kind, ["id"] = s.Id, ["name"] = s.Name, ["suspended"] = s.Suspended, ["resumed"] = s.Resumed, ["missing"] = s.Missing,
                }).ToArray()),
            };
            StateFiles.WriteWhole(fullPath, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
