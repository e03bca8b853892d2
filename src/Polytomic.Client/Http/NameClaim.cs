using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Models;

namespace Polytomic.Http
{
    /// <summary>One object per name for connections, models, syncs and bulk syncs, even when several runs create the
    /// same name at the same time. Polytomic has no locks and allows duplicate names, so a create is settled after the
    /// fact: the creator lists the kind, and of all objects with the name the earliest (created_at, then id) wins. The
    /// creator of any other copy deletes it and uses the winner. A later creator always sees an earlier one (it lists
    /// after its own create); the one corner where created_at and visibility disagree is handled in SettleAsync.
    /// Shared by the New-/Set- cmdlets and the workspace applier; docs/reliability.md states the guarantee and limits.</summary>
    public sealed class NameClaim
    {
        public static readonly NameClaim Connections = new NameClaim("connection", "Connection",
            async (c, ct) => (await c.ListConnectionsAsync(ct).ConfigureAwait(false)).Select(x => new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x)),
            (c, id, ct) => c.DeleteConnectionAsync(id, false, ct),
            async (c, id, ct) => { var x = await c.GetConnectionAsync(id, ct).ConfigureAwait(false); return new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x); });

        public static readonly NameClaim Models = new NameClaim("model", "Model",
            async (c, ct) => (await c.ListModelsAsync(ct).ConfigureAwait(false)).Select(x => new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x)),
            (c, id, ct) => c.DeleteModelAsync(id, ct),
            async (c, id, ct) => { var x = await c.GetModelAsync(id, ct).ConfigureAwait(false); return new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x); });

        public static readonly NameClaim Syncs = new NameClaim("sync", "Sync",
            async (c, ct) => (await c.ListAllAsync((t, k) => c.ListSyncsPageAsync(null, t, null, k), "Listing syncs", ct).ConfigureAwait(false)).Select(x => new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x)),
            (c, id, ct) => c.DeleteSyncAsync(id, ct),
            async (c, id, ct) => { var x = await c.GetSyncAsync(id, ct).ConfigureAwait(false); return new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x); });

        public static readonly NameClaim BulkSyncs = new NameClaim("bulk sync", "BulkSync",
            async (c, ct) => (await c.ListAllAsync((t, k) => c.ListBulkSyncsPageAsync(null, t, k), "Listing bulk syncs", ct).ConfigureAwait(false)).Select(x => new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x)),
            (c, id, ct) => c.DeleteBulkSyncAsync(id, ct),
            async (c, id, ct) => { var x = await c.GetBulkSyncAsync(id, ct).ConfigureAwait(false); return new NamedObject(x.Id, x.Name, x.CreatedAt, x.OrganizationId, x); });

        private readonly Func<PolytomicClient, CancellationToken, Task<IEnumerable<NamedObject>>> list;
        private readonly Func<PolytomicClient, string, CancellationToken, Task> delete;
        private readonly Func<PolytomicClient, string, CancellationToken, Task<NamedObject>> get;
        // One name index per session (client) and kind; it goes when the client does.
        private readonly ConditionalWeakTable<PolytomicClient, NameIndex> indexes = new ConditionalWeakTable<PolytomicClient, NameIndex>();

        private NameClaim(string kind, string errorPrefix, Func<PolytomicClient, CancellationToken, Task<IEnumerable<NamedObject>>> list,
            Func<PolytomicClient, string, CancellationToken, Task> delete, Func<PolytomicClient, string, CancellationToken, Task<NamedObject>> get)
        {
            Kind = kind; Noun = errorPrefix; ErrorId = errorPrefix + "NameExists";
            this.list = list; this.delete = delete; this.get = get;
        }

        /// <summary>The kind in words: "connection", "model", "sync", "bulk sync".</summary>
        public string Kind { get; }

        /// <summary>The kind as cmdlet nouns spell it after "Polytomic": Connection, Model, Sync, BulkSync.</summary>
        public string Noun { get; }

        /// <summary>The error id of a refused name: ConnectionNameExists, ModelNameExists, SyncNameExists, BulkSyncNameExists.</summary>
        public string ErrorId { get; }

        /// <summary>The check before a create or rename: an object named <paramref name="name"/> other than
        /// <paramref name="exceptId"/>, or null. It reads the session's name index, listing only when the session has none
        /// yet; a hit is confirmed with one GET, so a stale index never refuses a free name. A miss is not a promise:
        /// <see cref="SettleAsync"/> after the create is what guarantees one object per name.</summary>
        /// <param name="organizationId">The organization the object goes to (a partner's -OrganizationId); only objects of
        /// that organization count. Null: the session's own.</param>
        public async Task<NamedObject?> FindAsync(PolytomicClient client, string name, string? exceptId, CancellationToken ct, string? organizationId = null)
        {
            var index = indexes.GetValue(client, _ => new NameIndex());
            var known = index.Snapshot ?? await index.FreshAsync(client, list, ct).ConfigureAwait(false);
            // Earliest first: of several copies, that is the one a settle keeps.
            foreach (var hit in Earliest(Named(known, name).Where(o => o.Id != exceptId && SameOrganization(o, organizationId))))
            {
                try
                {
                    var now = await get(client, hit.Id, ct).ConfigureAwait(false);
                    if (string.Equals(now.Name, name, StringComparison.Ordinal)) return now;
                }
                catch (PolytomicApiException ex) when (ex.StatusCode == 404) { }
                index.Forget(hit.Id);
            }
            return null;
        }

        /// <summary>How long a settle waits for later copies it sees to be deleted by their creators (below).</summary>
        public static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(15);

        /// <summary>Settles a create: lists the kind (a list started after the create, shared with other creates of the
        /// session waiting at the same time) and keeps the earliest object with the name. When another object wins, the
        /// one this caller created is deleted and the winner is returned as <see cref="NameClaimResult.Winner"/>. When the
        /// created object is not in the list (e.g. made in another organization), nothing is decided.</summary>
        /// <remarks>Alone in the list, the created object is certainly first: nothing was visible before it, and any
        /// later copy lists after it and yields. Earliest but not alone, it waits (up to <paramref name="wait"/>) for the
        /// others to go: their creators see it and delete them at once. A copy that stays had listed before this one was
        /// visible, so it was alone and is the real first (created_at can lag visibility by a moment): this one yields.</remarks>
        public async Task<NameClaimResult> SettleAsync(PolytomicClient client, string name, string createdId, CancellationToken ct, TimeSpan? wait = null)
        {
            var index = indexes.GetValue(client, _ => new NameIndex());
            var deadline = Stopwatch.StartNew();
            var pause = TimeSpan.FromMilliseconds(100);
            while (true)
            {
                var known = await index.FreshAsync(client, list, ct).ConfigureAwait(false);
                var ours = known.FirstOrDefault(o => o.Id == createdId);
                if (ours == null) return new NameClaimResult(NameClaimOutcome.Unseen, null);
                // Names are unique within an organization: a list that shows several (a partner's) compares only ours.
                var copies = Named(known, name).Where(o => SameOrganization(o, ours.OrganizationId)).ToList();
                var winner = Earliest(copies).First();
                if (copies.Count == 1) return new NameClaimResult(NameClaimOutcome.Won, ours);
                if (winner.Id == createdId)
                {
                    if (deadline.Elapsed < (wait ?? SettleWait))
                    {
                        await Task.Delay(pause, ct).ConfigureAwait(false);
                        pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.TicksPerSecond));
                        continue;
                    }
                    winner = Earliest(copies.Where(o => o.Id != createdId)).First();
                }
                try { await delete(client, createdId, ct).ConfigureAwait(false); }
                catch (PolytomicApiException ex) when (ex.StatusCode == 404) { }
                index.Forget(createdId);
                return new NameClaimResult(NameClaimOutcome.Lost, winner);
            }
        }

        private static bool SameOrganization(NamedObject o, string? organizationId) =>
            organizationId == null || o.OrganizationId == null || string.Equals(o.OrganizationId, organizationId, StringComparison.Ordinal);

        private static IEnumerable<NamedObject> Earliest(IEnumerable<NamedObject> copies) =>
            copies.OrderBy(o => o.CreatedAt ?? DateTimeOffset.MaxValue).ThenBy(o => o.Id, StringComparer.Ordinal);

        private static IEnumerable<NamedObject> Named(IReadOnlyList<NamedObject> all, string name) =>
            all.Where(o => string.Equals(o.Name, name, StringComparison.Ordinal));

        /// <summary>What one session knows of one kind's names. Lists are single-flight: a caller that needs a list
        /// started after its own create joins one that is starting or queued, so creates from many runspaces of one
        /// session share their checks.</summary>
        private sealed class NameIndex
        {
            private readonly object gate = new object();
            private Task<IReadOnlyList<NamedObject>>? running;
            private long runningStarted;
            private Task<IReadOnlyList<NamedObject>>? queued;
            private volatile IReadOnlyList<NamedObject>? snapshot;

            public IReadOnlyList<NamedObject>? Snapshot => snapshot;

            public async Task<IReadOnlyList<NamedObject>> FreshAsync(PolytomicClient client, Func<PolytomicClient, CancellationToken, Task<IEnumerable<NamedObject>>> list, CancellationToken ct)
            {
                var wanted = Stopwatch.GetTimestamp();
                Task<IReadOnlyList<NamedObject>> task;
                lock (gate)
                {
                    if (running != null && !running.IsCompleted && runningStarted >= wanted) task = running;
                    else if (queued != null) task = queued;
                    else if (running == null || running.IsCompleted) task = Start(client, list);
                    else
                    {
                        var before = running;
                        task = queued = Queue(before, client, list);
                    }
                }
                // The shared list runs on its own; a caller that is stopped stops waiting for it at once.
                if (!ct.CanBeCanceled) return await task.ConfigureAwait(false);
                var stop = new TaskCompletionSource<bool>();
                using (ct.Register(() => stop.TrySetResult(true)))
                    if (await Task.WhenAny(task, stop.Task).ConfigureAwait(false) != task) ct.ThrowIfCancellationRequested();
                return await task.ConfigureAwait(false);
            }

            private async Task<IReadOnlyList<NamedObject>> Queue(Task before, PolytomicClient client, Func<PolytomicClient, CancellationToken, Task<IEnumerable<NamedObject>>> list)
            {
                try { await before.ConfigureAwait(false); } catch (Exception) { /* the queued list runs either way */ }
                Task<IReadOnlyList<NamedObject>> mine;
                lock (gate) { queued = null; mine = Start(client, list); }
                return await mine.ConfigureAwait(false);
            }

            // Called under the gate.
            private Task<IReadOnlyList<NamedObject>> Start(PolytomicClient client, Func<PolytomicClient, CancellationToken, Task<IEnumerable<NamedObject>>> list)
            {
                runningStarted = Stopwatch.GetTimestamp();
                var task = Fetch(client, list);
                running = task;
                return task;
            }

            private async Task<IReadOnlyList<NamedObject>> Fetch(PolytomicClient client, Func<PolytomicClient, CancellationToken, Task<IEnumerable<NamedObject>>> list)
            {
                await Task.Yield();
                var all = (await list(client, CancellationToken.None).ConfigureAwait(false)).ToList();
                snapshot = all;
                return all;
            }

            public void Forget(string id)
            {
                lock (gate) if (snapshot != null) snapshot = snapshot.Where(x => x.Id != id).ToList();
            }
        }
    }

    /// <summary>An object as a name check sees it: id, name, creation time and the object itself.</summary>
    public sealed class NamedObject
    {
        public NamedObject(string id, string? name, DateTimeOffset? createdAt, string? organizationId, object item)
        {
            Id = id; Name = name; CreatedAt = createdAt; OrganizationId = organizationId; Item = item;
        }
        public string Id { get; }
        public string? Name { get; }
        public DateTimeOffset? CreatedAt { get; }
        public string? OrganizationId { get; }
        /// <summary>The listed object (PolytomicConnection, PolytomicModel, PolytomicSync or PolytomicBulkSync).</summary>
        public object Item { get; }
    }

    public enum NameClaimOutcome
    {
        /// <summary>The created object is the one object with its name.</summary>
        Won,
        /// <summary>An earlier object has the name: the created one was deleted.</summary>
        Lost,
        /// <summary>The list did not show the created object (another organization), so nothing was decided.</summary>
        Unseen,
    }

    public sealed class NameClaimResult
    {
        public NameClaimResult(NameClaimOutcome outcome, NamedObject? winner) { Outcome = outcome; Winner = winner; }
        public NameClaimOutcome Outcome { get; }
        /// <summary>The object that keeps the name (null when Unseen).</summary>
        public NamedObject? Winner { get; }
    }
}
