using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS
{
    /// <summary>Where Receive-PolytomicEvent stopped: the time of the last event it emitted, the ids emitted at exactly
    /// that time (several events can share a millisecond), the types it reads, and when it last read.</summary>
    internal sealed class EventCheckpoint
    {
        public const int FormatVersion = 1;
        public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

        public DateTimeOffset? After { get; private set; }
        public HashSet<string> IdsAtAfter { get; } = new HashSet<string>(StringComparer.Ordinal);
        public string[] Types { get; private set; } = Array.Empty<string>();
        public DateTimeOffset? ReadAt { get; set; }

        public static EventCheckpoint New(IEnumerable<string> types) =>
            new EventCheckpoint { Types = types.OrderBy(t => t, StringComparer.Ordinal).ToArray() };

        /// <summary>Whether the event is past the checkpoint (later, or at its time and not yet emitted).</summary>
        public bool IsNew(PolytomicEvent e)
        {
            if (After == null) return true;
            var at = e.CreatedAt ?? throw new InvalidOperationException($"Event {e.Id} has no created_at, so it cannot be placed after the checkpoint.");
            return at > After || (at == After && !IdsAtAfter.Contains(e.Id));
        }

        /// <summary>Moves past an emitted event (events come oldest first).</summary>
        public void Advance(PolytomicEvent e)
        {
            var at = e.CreatedAt!.Value;
            if (After != at) { After = at; IdsAtAfter.Clear(); }
            IdsAtAfter.Add(e.Id);
        }

        /// <summary>The last read is older than Polytomic keeps events: some may be gone.</summary>
        public bool MayHaveLost(DateTimeOffset now) => (ReadAt ?? After) is DateTimeOffset last && now - last > Retention;

        public static EventCheckpoint? TryLoad(string fullPath)
        {
            if (!File.Exists(fullPath)) return null;
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(fullPath, Encoding.UTF8))!.AsObject();
                if ((int?)root["version"] != FormatVersion) throw new FormatException("unknown version");
                var c = new EventCheckpoint
                {
                    After = Time(root["after"]), ReadAt = Time(root["readAt"]),
                    Types = (root["types"] as JsonArray ?? throw new FormatException("no types")).Select(t => (string)t!).ToArray(),
                };
                foreach (var id in root["idsAtAfter"] as JsonArray ?? throw new FormatException("no idsAtAfter")) c.IdsAtAfter.Add((string)id!);
                return c;
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidOperationException || ex is System.Text.Json.JsonException || ex is NullReferenceException)
            {
                throw new PolytomicInputException("InvalidCheckpoint",
                    $"-CheckpointPath '{fullPath}' is not a checkpoint of Receive-PolytomicEvent ({ex.Message}); it was left as it is.", "CheckpointPath", fullPath);
            }
        }

        public void Save(string fullPath) => StateFiles.WriteWhole(fullPath, new JsonObject
        {
            ["version"] = FormatVersion,
            ["after"] = After?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["idsAtAfter"] = new JsonArray(IdsAtAfter.OrderBy(i => i, StringComparer.Ordinal).Select(i => (JsonNode)i).ToArray()),
            ["types"] = new JsonArray(Types.Select(t => (JsonNode)t).ToArray()),
            ["readAt"] = ReadAt?.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
        }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        private static DateTimeOffset? Time(JsonNode? n) =>
            n == null ? (DateTimeOffset?)null
                : DateTimeOffset.Parse((string)n!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
