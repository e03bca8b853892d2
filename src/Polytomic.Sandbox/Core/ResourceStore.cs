using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox
{
    /// <summary>An ordered, thread-safe, in-memory table of JSON objects keyed by id.</summary>
    public sealed class ResourceStore
    {
        private readonly object gate = new object();
        private readonly Dictionary<string, JsonObject> byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        private readonly List<string> order = new List<string>();

        public JsonObject Add(JsonObject item)
        {
            var id = (string?)item["id"] ?? throw new ArgumentException("item has no id");
            lock (gate) { byId[id] = item; order.Add(id); }
            return item;
        }

        public JsonObject? Get(string id) { lock (gate) return byId.TryGetValue(id, out var v) ? v : null; }

        public void Replace(string id, JsonObject item) { lock (gate) byId[id] = item; }

        public bool Remove(string id)
        {
            lock (gate)
            {
                if (!byId.Remove(id)) return false;
                order.Remove(id);
                return true;
            }
        }

        public List<JsonObject> All() { lock (gate) return order.Select(id => byId[id]).ToList(); }

        public int Count { get { lock (gate) return byId.Count; } }

        public void Clear() { lock (gate) { byId.Clear(); order.Clear(); } }
    }
}
