using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Base of the Remove cmdlets whose object others use (connections, models). The rule (README, Removing
    /// objects): -Force only skips the prompt; deleting what uses the object takes -Recurse, which deletes the syncs,
    /// then the bulk syncs, then the models, then the object, so nothing is left pointing at a deleted object.</summary>
    public abstract class DependantsCmdlet : PolytomicCmdlet
    {
        /// <summary>An object that uses the one being removed, in deletion order (syncs, bulk syncs, models).</summary>
        protected sealed class Dependant
        {
            public Dependant(string kind, string id, string? name) { Kind = kind; Id = id; Name = name; }
            public string Kind { get; }
            public string Id { get; }
            public string? Name { get; }
            public override string ToString() => Name == null ? $"{Kind} {Id}" : $"{Kind} '{Name}' ({Id})";
        }

        private static int Order(string kind) => kind == ObjectKinds.Sync ? 0 : kind == ObjectKinds.BulkSync ? 1 : 2;

        /// <summary>The syncs that read a model.</summary>
        protected List<Dependant> UsersOfModel(string modelId) =>
            Paged<Polytomic.Models.PolytomicSync>((c, token, ct) => c.ListSyncsPageAsync(null, token, null, ct))
                .Where(s => s.ModelIds.Contains(modelId, StringComparer.OrdinalIgnoreCase))
                .Select(s => new Dependant(ObjectKinds.Sync, s.Id, s.Name)).ToList();

        /// <summary>Everything a connection's deletion would leave pointing at nothing: its models, the syncs that
        /// read those models or write to the connection, and the bulk syncs from or to it.</summary>
        protected List<Dependant> UsersOfConnection(string connectionId)
        {
            bool Same(string? id) => string.Equals(id, connectionId, StringComparison.OrdinalIgnoreCase);
            var models = Await((c, ct) => c.ListModelsAsync(ct)).Where(m => Same(m.ConnectionId)).ToList();
            var modelIds = new HashSet<string>(models.Select(m => m.Id), StringComparer.OrdinalIgnoreCase);
            var result = Paged<Polytomic.Models.PolytomicSync>((c, token, ct) => c.ListSyncsPageAsync(null, token, null, ct))
                .Where(s => Same(s.TargetConnectionId) || s.ModelIds.Any(modelIds.Contains))
                .Select(s => new Dependant(ObjectKinds.Sync, s.Id, s.Name)).ToList();
            result.AddRange(Paged<Polytomic.Models.PolytomicBulkSync>((c, token, ct) => c.ListBulkSyncsPageAsync(null, token, ct))
                .Where(b => Same(b.SourceConnectionId) || Same(b.DestinationConnectionId))
                .Select(b => new Dependant(ObjectKinds.BulkSync, b.Id, b.Name)));
            result.AddRange(models.Select(m => new Dependant(ObjectKinds.Model, m.Id, m.Name)));
            return result.OrderBy(d => Order(d.Kind)).ToList();
        }

        /// <summary>One confirmation for the object and everything -Recurse deletes with it; -WhatIf lists each one.
        /// -Force skips the prompt, never -WhatIf.</summary>
        protected bool ShouldRemove(string what, IReadOnlyList<Dependant> dependants, bool force)
        {
            var caption = "Delete " + what;
            var description = dependants.Count == 0
                ? $"Delete {what}."
                : $"Delete {what} and the {dependants.Count} object(s) that use it, in this order:"
                  + string.Concat(dependants.Select(d => Environment.NewLine + "  " + d)) + Environment.NewLine + "  then " + what;
            if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
                return true;
            return ShouldProcess(description, description + Environment.NewLine + "Continue?", caption);
        }

        /// <summary>Deletes the dependants in order; one already gone is fine. Any other failure stops here, before
        /// the object itself is deleted, and is thrown to the caller.</summary>
        protected void RemoveDependants(IEnumerable<Dependant> dependants)
        {
            foreach (var d in dependants)
            {
                try
                {
                    WriteVerbose($"Deleting {d}.");
                    if (d.Kind == ObjectKinds.Sync) Await((c, ct) => c.DeleteSyncAsync(d.Id, ct));
                    else if (d.Kind == ObjectKinds.BulkSync) Await((c, ct) => c.DeleteBulkSyncAsync(d.Id, ct));
                    else Await((c, ct) => c.DeleteModelAsync(d.Id, ct));
                }
                catch (PolytomicApiException ex) when (ex.StatusCode == 404) { }
            }
            CurrentSession.Completion.Invalidate("syncs");
            CurrentSession.Completion.Invalidate("bulk_syncs");
            CurrentSession.Completion.Invalidate("models");
        }

        /// <summary>The in-use refusal: names what uses the object and the switch that deletes it all.</summary>
        protected ErrorRecord InUse(string errorId, string what, object target, IEnumerable<string> users, string command, Exception? inner = null)
        {
            var list = users.ToList();
            var message = list.Count > 0
                ? $"{what} is in use by {string.Join(", ", list)}. Remove those first, or use -Recurse to delete them with it."
                : $"{what} could not be deleted: it is in use.";
            var action = $"{command} -Recurse deletes it and everything that uses it (add -WhatIf to list them first); -Force only skips the prompt.";
            return inner == null
                ? ErrorFactory.Input(errorId, message, ErrorCategory.ResourceBusy, target, action)
                : ErrorFactory.About(target, errorId, ErrorCategory.ResourceBusy, message, action, inner);
        }
    }
}
