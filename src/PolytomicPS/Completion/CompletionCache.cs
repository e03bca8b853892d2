using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace PolytomicPS
{
    /// <summary>One thing Tab can offer: what is inserted (an id, a name, a target object), how it is listed, and a
    /// tooltip.</summary>
    internal readonly struct CompletionItem
    {
        public CompletionItem(string id, string? name, string? detail = null)
        {
            Id = id;
            Name = string.IsNullOrEmpty(name) ? id : name!;
            Detail = detail;
        }

        public string Id { get; }
        public string Name { get; }
        public string? Detail { get; }
    }

    /// <summary>Lists remembered for Tab completion for a short time (one list call per kind and lifetime, never one
    /// per keystroke), and the names of the objects this session has seen, so progress titles and -WhatIf targets can
    /// name what an id stands for without a call of their own.</summary>
    internal sealed class CompletionCache
    {
        private readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<CompletionItem> Items)> entries =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<CompletionItem>)>(StringComparer.OrdinalIgnoreCase);

        private readonly ConcurrentDictionary<string, string> names = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

        /// <summary>Most names remembered; past it the book starts again (a long session must not grow without end).</summary>
        private const int MaxNames = 20000;

        /// <summary>The kind's list, loaded at most once per lifetime; <paramref name="objects"/>: its items are objects
        /// with ids (connections, models, syncs), whose names the book keeps.
        /// A load that failed (null) is not remembered: the next Tab asks again.</summary>
        public IReadOnlyList<CompletionItem> Get(string kind, Func<IReadOnlyList<CompletionItem>?> load, bool objects = false)
        {
            if (entries.TryGetValue(kind, out var e) && DateTime.UtcNow - e.At < Lifetime) return e.Items;
            var items = load();
            if (items == null) return Array.Empty<CompletionItem>();
            entries[kind] = (DateTime.UtcNow, items);
            if (objects)
                foreach (var item in items) Remember(item.Id, item.Name, kind);
            return items;
        }

        /// <summary>Forgets a kind's list (after a cmdlet created, renamed or deleted one), and every list whose key
        /// starts with it followed by ':' (per-connection lists such as "targets:&lt;id&gt;").</summary>
        public void Invalidate(string kind)
        {
            entries.TryRemove(kind, out _);
            foreach (var key in entries.Keys)
                if (key.StartsWith(kind + ":", StringComparison.OrdinalIgnoreCase)) entries.TryRemove(key, out _);
        }

        /// <summary>Remembers an object's name and kind ("connections", "Bulk sync": any spelling of the kind).</summary>
        public void Remember(string? id, string? name, string? kind = null)
        {
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(name) || name == id) return;
            if (names.Count >= MaxNames) { names.Clear(); kinds.Clear(); }
            names[id!] = name!;
            if (kind != null) kinds[id!] = KindKey(kind);
        }

        /// <summary>The name of an object; given a kind, only if the object is known to be of that kind (so a -WhatIf
        /// for a sync never names a connection's id with the connection's name).</summary>
        public string? NameOf(string? id, string? kind = null)
        {
            if (id == null || !names.TryGetValue(id, out var n)) return null;
            return kind == null || !kinds.TryGetValue(id, out var k) || k == KindKey(kind) ? n : null;
        }

        /// <summary>The kind an id is known as ("connection", "bulksync"), or null.</summary>
        public string? KindOf(string? id) => id != null && kinds.TryGetValue(id, out var k) ? k : null;

        private readonly ConcurrentDictionary<string, string> kinds = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How the book spells a kind ("bulk sync", "bulk_syncs" → "bulksync").</summary>
        public string KindKeyOf(string kind) => KindKey(kind);

        private static string KindKey(string kind) => kind.ToLowerInvariant().Replace(" ", "").Replace("_", "").TrimEnd('s');
    }
}
