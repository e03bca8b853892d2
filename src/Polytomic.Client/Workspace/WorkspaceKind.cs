using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Polytomic.Workspace
{
    /// <summary>One kind of workspace object, described once: its names, its file's shape, how it is read from Polytomic
    /// into file form, how a file goes back into a request, what it refers to, and how it is created, updated and
    /// deleted. Every kind is registered once, in <see cref="WorkspaceKinds.Registered"/>; the reader, validator,
    /// planner, order and applier only ever go through that list.</summary>
    public abstract class WorkspaceKind
    {
        protected WorkspaceKind(string key, string display, string? plural = null, bool optional = false)
        {
            Key = key; Display = display; Plural = plural ?? display + "s"; Optional = optional;
        }

        /// <summary>The kind's folder and its name in a manifest (connections, bulk_syncs, ...).</summary>
        public string Key { get; }
        /// <summary>The singular a plan shows (Connection, BulkSync, ...).</summary>
        public string Display { get; }
        /// <summary>The -Include name (Roles, Policies, ...).</summary>
        public string Plural { get; }
        /// <summary>Written only when -Include asks for it.</summary>
        public bool Optional { get; }

        /// <summary>The field that names an object of the kind (its key in a workspace).</summary>
        public virtual string NameKey => "name";
        /// <summary>A kind with one object is one file at the folder's top (its name), not a folder of files.</summary>
        public virtual string? SingleFile => null;

        /// <summary>The key of an object of the kind.</summary>
        public virtual string NameOf(JsonObject body) => (string?)body[NameKey] ?? "";

        public override string ToString() => Key;

        // ------------------------------------------------------------------ read

        /// <summary>First pass of a read, in kind order: list what objects of later kinds refer to (their names by id).</summary>
        internal virtual Task ListAsync(WorkspaceReading reading) => Task.CompletedTask;

        /// <summary>Second pass, in kind order: add the wanted objects, in file form, to the snapshot.</summary>
        internal abstract Task ReadAsync(WorkspaceReading reading);

        // ------------------------------------------------------------------ files

        /// <summary>What the kind's file may hold: exactly the fields an export writes.</summary>
        internal abstract IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; }

        /// <summary>The checks of a file beyond its fields' shapes (nested objects, what Polytomic would take).</summary>
        internal virtual void CheckDetails(JsonObject body, Action<string, string> add) { }

        /// <summary>The placeholder a place in the file may hold (path like $.configuration.password), or null.</summary>
        internal virtual string? ExpectedPlaceholder(string name, string path) => null;

        // ------------------------------------------------------------------ compare

        /// <summary>The names of the objects this one refers to, by kind.</summary>
        internal virtual IEnumerable<(string Kind, string Name)> Dependencies(WorkspaceObject o) => new (string, string)[0];

        /// <summary>The message of a DependencyCycle when the object depends on itself; null when it does not.</summary>
        internal virtual string? SelfCycle(WorkspaceObject o) => null;

        /// <summary>The body with its connection references renamed through map (folder name → target name).</summary>
        internal virtual JsonObject MapConnections(WorkspaceObject o, IDictionary<string, string> map) => o.Body;

        /// <summary>The target's object that a folder's object updates: by default the one of its name.</summary>
        internal virtual (string? Id, WorkspaceObject? Current) Existing(WorkspaceSnapshot target, WorkspaceObject o)
        {
            var id = target.IdOf(o.Kind, o.Name);
            return (id, id == null ? null : target.Find(o.Kind, o.Name));
        }

        /// <summary>The placeholders an update cannot do without, given its changes.</summary>
        internal virtual IEnumerable<string> NeededForUpdate(WorkspaceObject o, IEnumerable<WorkspaceFieldChange> changes) => new string[0];

        // ------------------------------------------------------------------ apply

        /// <summary>The request body of an object: names back to ids. Throws WorkspaceException naming what is missing.</summary>
        internal virtual JsonObject ToRequest(WorkspaceObject o, WorkspaceNormalizer.Resolver ids) =>
            WorkspaceNormalizer.ToIds((JsonObject)WorkspaceJson.WithoutNulls(o.Body)!, ids);

        /// <summary>Creates (creating) or updates the plan item's object; returns its id.</summary>
        internal abstract Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct);

        /// <summary>Deletes the object of the id.</summary>
        internal abstract Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct);
    }
}
