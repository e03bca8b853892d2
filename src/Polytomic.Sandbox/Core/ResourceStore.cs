using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox
{
    /// <summary>An ordered, thread-safe, in-memory table of JSON objects keyed by id, each kept in one organization.
    /// A scoped store shows only the objects of the organization in scope (the request's caller, else the sandbox's
    /// own): another organization's object is not found, as Polytomic answers. An object that carries organization_id
    /// is kept in that organization; any other in the one in scope. An unscoped store (organizations, users) shows all.</summary>
    public sealed class ResourceStore
    {
        private sealed class Table
        {
            public readonly object Gate = new object();
            public readonly Dictionary<string, (JsonObject Item, string? Org)> ById = new Dictionary<string, (JsonObject, string?)>(StringComparer.Ordinal);
            public readonly List<string> Order = new List<string>();
        }

        private readonly Table table;
        private readonly Func<string?> scope;

        /// <summary>An unscoped store: every object is visible.</summary>
        public ResourceStore() : this(new Table(), () => null) { }

        /// <summary>A store scoped to whatever organization <paramref name="scope"/> names at each call.</summary>
        public ResourceStore(Func<string?> scope) : this(new Table(), scope) { }

        private ResourceStore(Table table, Func<string?> scope) { this.table = table; this.scope = scope; }

        /// <summary>The same objects, seen from one organization (partner routes that name an organization).</summary>
        public ResourceStore In(string organizationId) => new ResourceStore(table, () => organizationId);

        private static bool Visible((JsonObject Item, string? Org) entry, string? org) => org == null || entry.Org == null || entry.Org == org;

        private string? OrgFor(JsonObject item, string? org) =>
            org == null ? null : (item["organization_id"] is JsonValue v && v.TryGetValue<string>(out var o) && o.Length > 0 ? o : org);

        public JsonObject Add(JsonObject item)
        {
            var id = (string?)item["id"] ?? throw new ArgumentException("item has no id");
            var org = OrgFor(item, scope());
            lock (table.Gate)
            {
                if (!table.ById.ContainsKey(id)) table.Order.Add(id);
                table.ById[id] = (item, org);
            }
            return item;
        }

        public JsonObject? Get(string id)
        {
            var org = scope();
            lock (table.Gate) return table.ById.TryGetValue(id, out var e) && Visible(e, org) ? e.Item : null;
        }

        /// <summary>Replaces an object, which stays in its organization.</summary>
        public void Replace(string id, JsonObject item)
        {
            var org = scope();
            lock (table.Gate)
            {
                if (table.ById.TryGetValue(id, out var e))
                {
                    if (Visible(e, org)) table.ById[id] = (item, e.Org);
                    return;
                }
                table.ById[id] = (item, OrgFor(item, org));
                table.Order.Add(id);
            }
        }

        public bool Remove(string id)
        {
            var org = scope();
            lock (table.Gate)
            {
                if (!table.ById.TryGetValue(id, out var e) || !Visible(e, org)) return false;
                table.ById.Remove(id);
                table.Order.Remove(id);
                return true;
            }
        }

        public List<JsonObject> All()
        {
            var org = scope();
            lock (table.Gate) return table.Order.Select(id => table.ById[id]).Where(e => Visible(e, org)).Select(e => e.Item).ToList();
        }

        /// <summary>Every organization's objects: for the partner routes that look across organizations.</summary>
        public List<JsonObject> AllOrganizations() { lock (table.Gate) return table.Order.Select(id => table.ById[id].Item).ToList(); }

        /// <summary>An object of any organization, with the organization it is kept in.</summary>
        public (JsonObject Item, string? OrganizationId)? GetInAnyOrganization(string id)
        {
            lock (table.Gate) return table.ById.TryGetValue(id, out var e) ? e : ((JsonObject, string?)?)null;
        }

        public int Count { get { var org = scope(); lock (table.Gate) return table.ById.Values.Count(e => Visible(e, org)); } }

        /// <summary>Removes what is visible: in a scoped store, the organization's objects only.</summary>
        public void Clear()
        {
            var org = scope();
            lock (table.Gate)
            {
                var gone = table.Order.Where(id => Visible(table.ById[id], org)).ToList();
                foreach (var id in gone) table.ById.Remove(id);
                table.Order.RemoveAll(id => !table.ById.ContainsKey(id));
            }
        }
    }
}
