using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Polytomic.Workspace
{
    /// <summary>One read of a workspace, shared by the kinds as they read in order: what is asked for, the snapshot
    /// they fill, the names of the objects listed so far (for references), and what an earlier kind listed for a
    /// later one.</summary>
    internal sealed class WorkspaceReading
    {
        private readonly Dictionary<string, Dictionary<string, string?>> names = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        private readonly Dictionary<string, object> listed = new Dictionary<string, object>(StringComparer.Ordinal);
        private readonly Func<string, bool>? filter;

        public WorkspaceReading(PolytomicClient client, IReadOnlyCollection<string> kinds, Func<string, bool>? filter, CancellationToken ct)
        {
            Client = client; Kinds = kinds; this.filter = filter; Ct = ct;
        }

        public PolytomicClient Client { get; }
        public IReadOnlyCollection<string> Kinds { get; }
        public CancellationToken Ct { get; }
        public WorkspaceSnapshot Snapshot { get; } = new WorkspaceSnapshot();

        public bool Asked(string kind) => Kinds.Contains(kind);

        /// <summary>Whether an object goes into the snapshot: its kind is asked for and -Name selects it.</summary>
        public bool Wanted(string kind, string? name) => Kinds.Contains(kind) && (filter == null || filter(name ?? ""));

        /// <summary>Records the name of an object by its id (the first of an id wins).</summary>
        public void Name(string kind, string id, string? name)
        {
            if (!names.TryGetValue(kind, out var byId)) names[kind] = byId = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (!byId.ContainsKey(id)) byId[id] = name;
        }

        /// <summary>The name of the object of an id (export's resolver); null when there is none.</summary>
        public string? NameOf(string kind, string id) => names.TryGetValue(kind, out var byId) && byId.TryGetValue(id, out var n) ? n : null;

        /// <summary>Keeps what a kind listed for a later step of the read.</summary>
        public void Keep<T>(string kind, List<T> items) => listed[kind] = items;

        /// <summary>What a kind listed earlier in the read; empty when it listed nothing.</summary>
        public List<T> Kept<T>(string kind) => listed.TryGetValue(kind, out var o) ? (List<T>)o : new List<T>();
    }
}
