using System;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Workspace
{
    /// <summary>A workspace as read from Polytomic: its objects in file form and the ids behind their names.</summary>
    public sealed class WorkspaceSnapshot
    {
        public List<WorkspaceObject> Objects { get; } = new List<WorkspaceObject>();

        /// <summary>kind → name → ids (more than one id is a duplicate name).</summary>
        public Dictionary<string, Dictionary<string, List<string>>> Ids { get; } = WorkspaceKinds.All.ToDictionary(k => k,
            k => new Dictionary<string, List<string>>(StringComparer.Ordinal));

        public WorkspaceObject? Find(string kind, string name) => Objects.FirstOrDefault(o => o.Kind == kind && o.Name == name);

        public string? IdOf(string kind, string name) => Ids[kind].TryGetValue(name, out var ids) && ids.Count == 1 ? ids[0] : null;

        /// <summary>Polytomic's own objects (system roles): a reference may name them, but they are never planned.</summary>
        public Dictionary<(string Kind, string Name), string> SystemIds { get; } = new Dictionary<(string Kind, string Name), string>();

        internal void AddId(string kind, string? name, string id)
        {
            var key = name ?? "";
            if (!Ids[kind].TryGetValue(key, out var ids)) Ids[kind][key] = ids = new List<string>();
            ids.Add(id);
        }

        /// <summary>Names held by more than one object of a kind, among those the filter selects.</summary>
        public List<string> Duplicates(Func<string, bool>? selected = null) =>
            Ids.SelectMany(k => k.Value.Where(n => n.Value.Count > 1 && (selected == null || selected(n.Key)))
                .Select(n => $"{WorkspaceKinds.Display(k.Key)} '{n.Key}' ({n.Value.Count} objects)")).OrderBy(x => x, StringComparer.Ordinal).ToList();
    }
}
