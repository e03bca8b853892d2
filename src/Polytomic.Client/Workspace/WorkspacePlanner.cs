using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Polytomic.Workspace
{
    /// <summary>Compares the objects of a folder with a workspace read from Polytomic, by kind and name.</summary>
    public static class WorkspacePlanner
    {
        public const string SecretChanged = "(changed)";

        public static List<WorkspacePlanItem> Plan(WorkspaceManifest manifest, IReadOnlyList<WorkspaceObject> desired, WorkspaceSnapshot target,
            WorkspacePlanOptions options)
        {
            var map = options.ConnectionMap;
            foreach (var kv in map)
                if (target.IdOf(WorkspaceKinds.Connections, kv.Value) == null)
                    throw new WorkspaceException("ConnectionMapTargetNotFound",
                        $"-ConnectionMap points '{kv.Key}' at '{kv.Value}', but the target has no single connection of that name.", kv.Value);
            var duplicates = target.Duplicates(n => desired.Any(d => d.Name == n));
            if (duplicates.Count > 0)
                throw new WorkspaceException("DuplicateWorkspaceName",
                    "Names are the keys of a workspace, and the target holds several objects named: " + string.Join("; ", duplicates) + ".", duplicates);

            var items = new List<WorkspacePlanItem>();
            foreach (var d in WorkspaceOrder.Sort(desired))
            {
                var o = map.Count == 0 ? d : new WorkspaceObject(d.Kind, d.Type.MapConnections(d, map));
                if (o.Type is ConnectionKind && map.TryGetValue(o.Name, out var mapped))
                {
                    items.Add(new WorkspacePlanItem(WorkspaceAction.NoChange, o.Kind, o.Name)
                    {
                        Note = $"mapped to the existing connection '{mapped}'", Id = target.IdOf(o.Kind, mapped),
                    });
                    continue;
                }
                var (id, current) = o.Type.Existing(target, o);
                var placeholders = o.Placeholders().ToList();
                var item = new WorkspacePlanItem(WorkspaceAction.NoChange, o.Kind, o.Name) { Desired = o, Id = id };
                if (id == null)
                {
                    item.Action = WorkspaceAction.Create;
                    item.MissingSecrets.AddRange(placeholders.Select(p => p.Placeholder).Where(p => !options.Secrets.Contains(p)));
                    if (item.MissingSecrets.Count > 0) item.Action = WorkspaceAction.NeedsSecret;
                }
                else
                {
                    item.Changes.AddRange(WorkspaceJson.Diff(o.Body, current?.Body));
                    var needed = o.Type.NeededForUpdate(o, item.Changes).Where(p => !options.Secrets.Contains(p)).ToList();
                    var supplied = placeholders.Where(p => options.Secrets.Contains(p.Placeholder)).ToList();
                    // A stored secret cannot be read back: an unresolved placeholder keeps it; a supplied one is sent with
                    // any other change, or on its own with UpdateSecrets.
                    if (supplied.Count > 0 && (options.UpdateSecrets || item.Changes.Count > 0))
                    {
                        item.SendSecrets = true;
                        item.Changes.AddRange(supplied.Select(p => new WorkspaceFieldChange(p.Path, WorkspaceJson.SecretShown, SecretChanged)));
                    }
                    if (item.Changes.Count > 0) item.Action = WorkspaceAction.Update;
                    if (needed.Count > 0) { item.MissingSecrets.AddRange(needed); item.Action = WorkspaceAction.NeedsSecret; }
                }
                if (o.Body["sign_in"] != null && item.Action == WorkspaceAction.Create)
                    item.Note = "uses OAuth: open the AuthUrl the import reports to sign in";
                items.Add(item);
            }

            if (options.Prune)
            {
                var keep = new HashSet<(string, string)>(desired.Select(d => (d.Kind, d.Name)));
                foreach (var mapped in map.Values) keep.Add((WorkspaceKinds.Connections, mapped));
                var patterns = manifest.Names?.Select(Glob).ToList();
                // Never delete what a step updates (the webhook whose endpoint changes).
                var used = new HashSet<string>(items.Where(i => i.Id != null).Select(i => i.Id!), StringComparer.Ordinal);
                foreach (var kind in manifest.Kinds.OrderByDescending(WorkspaceKinds.Order))
                    foreach (var kv in target.Ids[kind].OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    {
                        if (keep.Contains((kind, kv.Key))) continue;
                        if (patterns != null && !patterns.Any(p => p.IsMatch(kv.Key))) continue;
                        foreach (var id in kv.Value.Where(x => !used.Contains(x))) items.Add(new WorkspacePlanItem(WorkspaceAction.Delete, kind, kv.Key) { Id = id });
                    }
            }
            return items;
        }

        /// <summary>A -Name wildcard (* and ?, case-insensitive, like PowerShell's) as a regular expression.</summary>
        public static Regex Glob(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
