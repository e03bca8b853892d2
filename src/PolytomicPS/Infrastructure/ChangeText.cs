using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polytomic.Http;
using Polytomic.Workspace;

namespace PolytomicPS
{
    /// <summary>The field-level difference between the body a Set- cmdlet would send and the object as it is, for its
    /// -WhatIf and -Confirm text ("Update sync: schedule.frequency: daily -> hourly").</summary>
    internal static class ChangeText
    {
        /// <summary>Paths never shown with their values: only as changed.</summary>
        private static readonly string[] AlwaysSecret = { "encryption_passphrase" };

        public static string Describe(string action, object before, object after, IEnumerable<string>? secretPaths = null)
        {
            var secret = new HashSet<string>(AlwaysSecret.Concat(secretPaths ?? Array.Empty<string>()), StringComparer.OrdinalIgnoreCase);
            var old = Node(before, secret);
            var changes = WorkspaceJson.Diff(Node(after, secret), old);
            var shown = changes.Select(c => secret.Contains(c.Field) ? c.Field + ": (changed)" : c.ToString()).ToList();
            foreach (var path in secret)
                if (Differs(before, after, path)) shown.Add(path + ": (changed)");
            return shown.Count == 0 ? action + " (no changes)" : action + ": " + string.Join("; ", shown);
        }

        private static JsonNode? Node(object value, HashSet<string> secret)
        {
            var node = WorkspaceJson.WithoutNulls(JsonSerializer.SerializeToNode(value, value.GetType(), PolytomicJson.Options));
            // A bulk sync body writes its schedule in the session's version's shape only when sent: show it plainly.
            if (value is Polytomic.Models.BulkSyncRequest bulk && node is JsonObject o && bulk.Schedule != null)
                o["schedule"] = WorkspaceJson.WithoutNulls(JsonSerializer.SerializeToNode(bulk.Schedule, PolytomicJson.Options));
            foreach (var path in secret) Remove(node, path);
            return node;
        }

        private static bool Differs(object before, object after, string path) =>
            !string.Equals(Text(before, path), Text(after, path), StringComparison.Ordinal);

        private static string? Text(object value, string path)
        {
            JsonNode? node = JsonSerializer.SerializeToNode(value, value.GetType(), PolytomicJson.Options);
            foreach (var part in path.Split('.')) node = (node as JsonObject)?[part];
            return node == null ? null : WorkspaceJson.ToCanonical(node);
        }

        private static void Remove(JsonNode? node, string path)
        {
            var parts = path.Split('.');
            for (int i = 0; i < parts.Length - 1; i++) node = (node as JsonObject)?[parts[i]];
            (node as JsonObject)?.Remove(parts[parts.Length - 1]);
        }
    }
}
