using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;

namespace Polytomic.Workspace
{
    /// <summary>Applies a plan in dependency order: connections, models, syncs, bulk syncs, roles, policies, the webhook
    /// and the error subscribers, then deletions in reverse; each step is written or deleted by its kind's
    /// <see cref="WorkspaceKind"/>.
    /// A failed step marks what depends on it Skipped and the rest goes on; what was applied is recorded on each item,
    /// and a new plan after a failure picks up from there (applied objects then compare as NoChange).</summary>
    public sealed class WorkspaceApplier
    {
        private readonly PolytomicClient client;
        private readonly WorkspaceSnapshot target;
        private readonly Func<string, string?> secret;
        private readonly IDictionary<string, string> connectionMap;
        private readonly Dictionary<(string, string), string> created = new Dictionary<(string, string), string>();
        private readonly HashSet<(string, string)> failed = new HashSet<(string, string)>();

        /// <param name="secret">The value of a placeholder (-Secret), asked for only when it is about to be sent.</param>
        public WorkspaceApplier(PolytomicClient client, WorkspaceSnapshot target, Func<string, string?> secret, IDictionary<string, string>? connectionMap = null)
        {
            this.client = client; this.target = target; this.secret = secret;
            this.connectionMap = connectionMap ?? new Dictionary<string, string>();
        }

        internal PolytomicClient Client => client;
        internal WorkspaceSnapshot Target => target;
        /// <summary>The value of a placeholder, asked for only when it is about to be sent; null when not given.</summary>
        internal string? Secret(string placeholder) => secret(placeholder);

        /// <summary>How long a model or bulk sync create waits for a new connection's schema cache.</summary>
        public TimeSpan SchemaCacheTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>Applies one step (Create, Update or Delete); its Result and Error say how it went.</summary>
        public async Task ApplyAsync(WorkspacePlanItem item, CancellationToken ct)
        {
            if (item.Action == WorkspaceAction.NoChange) { item.Result = "Unchanged"; return; }
            if (item.Action == WorkspaceAction.NeedsSecret) { Fail(item, "Skipped", "a secret is missing: " + string.Join(", ", item.MissingSecrets)); return; }
            var blocked = item.Desired == null ? default
                : item.Desired.Type.Dependencies(item.Desired).FirstOrDefault(d => failed.Contains((d.Kind, d.Name)));
            if (blocked.Name != null)
            {
                Fail(item, "Skipped", $"{WorkspaceKinds.Display(blocked.Kind)} '{blocked.Name}' it depends on was not applied");
                return;
            }
            try
            {
                if (item.Action == WorkspaceAction.Delete) await WorkspaceKinds.Of(item.KindKey).DeleteAsync(client, item.Id!, ct).ConfigureAwait(false);
                else
                {
                    item.Id = await item.Desired!.Type.WriteAsync(this, item, item.Action == WorkspaceAction.Create, ct).ConfigureAwait(false);
                    created[(item.KindKey, item.Name)] = item.Id;
                }
                item.Result = "Applied";
            }
            // A read-only session refuses every step alike: the import stops at the first instead of failing each one.
            catch (PolytomicApiException ex) when (ex.Kind != PolytomicErrorKind.ReadOnly) { Fail(item, "Failed", ex.Message); }
            catch (WorkspaceException ex) { Fail(item, "Failed", ex.Message); }
        }

        private void Fail(WorkspacePlanItem item, string result, string error)
        {
            item.Result = result;
            item.Error = error;
            failed.Add((item.KindKey, item.Name));
        }

        /// <summary>The id of an object by kind and name: created by this import, mapped (-ConnectionMap), in the target, or
        /// one of Polytomic's own (system roles).</summary>
        internal string? IdOf(string kind, string name)
        {
            if (created.TryGetValue((kind, name), out var id)) return id;
            if (WorkspaceKinds.Of(kind) is ConnectionKind && connectionMap.TryGetValue(name, out var mapped)) name = mapped;
            return target.IdOf(kind, name) ?? (target.SystemIds.TryGetValue((kind, name), out var system) ? system : null);
        }

        /// <summary>A create under the one rule for names (NameClaim): when another run has made the object by now, its
        /// id is used; otherwise the object is created, settled, and only the copy that keeps the name is activated. So
        /// two imports of one folder at the same time leave every object once, and a duplicate sync never runs.</summary>
        internal async Task<string> CreateOnceAsync(NameClaim claim, WorkspacePlanItem item, Func<Task<string>> create, Func<string, Task>? activate, CancellationToken ct)
        {
            var existing = await claim.FindAsync(client, item.Name, null, ct).ConfigureAwait(false);
            if (existing != null)
            {
                item.Note = $"another run created this {claim.Kind} meanwhile (id {existing.Id}); it is used";
                return existing.Id;
            }
            var id = await create().ConfigureAwait(false);
            var settled = await claim.SettleAsync(client, item.Name, id, ct).ConfigureAwait(false);
            if (settled.Outcome == NameClaimOutcome.Lost)
            {
                item.Note = $"another run created this {claim.Kind} at the same time (id {settled.Winner!.Id}); this run's copy was deleted and that one is used";
                return settled.Winner.Id;
            }
            if (activate != null) await activate(id).ConfigureAwait(false);
            return id;
        }

        /// <summary>A request body read as the request type.</summary>
        internal static T Read<T>(JsonNode node)
        {
            // WorkspaceValidator has checked every file's shape; should one still not read, the step fails, not the import.
            try
            {
                return node.Deserialize<T>(PolytomicJson.Options)
                    ?? throw new WorkspaceException("InvalidWorkspaceFile", $"The file could not be read as a {typeof(T).Name}.");
            }
            catch (JsonException ex) { throw new WorkspaceException("InvalidWorkspaceFile", $"The file could not be read as a {typeof(T).Name} at {ex.Path}."); }
        }
    }
}
