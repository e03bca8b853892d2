using System;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Sandbox
{
    /// <summary>Every bulk-sync run of a sandbox (<see cref="BulkSyncRun"/>), and how long new ones take. Runs are kept
    /// per sync; a route reaches them through the sync (found in the caller's organization), so another organization's
    /// runs stay out of sight.</summary>
    public sealed class BulkSyncRuns
    {
        /// <summary>The message of every schema of a run that fails on purpose.</summary>
        public const string FailureMessage = "sandbox: the destination refused the load ([fail] in the bulk sync's name)";

        /// <summary>Cancellation is asynchronous: "canceling" for this long, then "canceled".</summary>
        public static readonly TimeSpan CancelTakes = TimeSpan.FromSeconds(1);

        /// <summary>Sandbox time a new run stays "created", then "running" (tests shorten these, or advance the clock).</summary>
        public TimeSpan QueuedFor { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan RunsFor { get; set; } = TimeSpan.FromSeconds(4);

        private readonly object gate = new object();
        private readonly Dictionary<string, BulkSyncRun> byId = new Dictionary<string, BulkSyncRun>(StringComparer.Ordinal);
        private readonly List<BulkSyncRun> order = new List<BulkSyncRun>();

        public void Add(BulkSyncRun run)
        {
            lock (gate)
            {
                if (byId.TryGetValue(run.Id, out var old)) order.Remove(old);
                byId[run.Id] = run;
                order.Add(run);
            }
        }

        public BulkSyncRun? Get(string id) { lock (gate) return byId.TryGetValue(id, out var r) ? r : null; }

        /// <summary>A sync's runs, newest first (a copy).</summary>
        public List<BulkSyncRun> Of(string syncId)
        {
            lock (gate) return order.Where(x => x.SyncId == syncId).OrderByDescending(x => x.Created).ToList();
        }

        /// <summary>Every run of every organization, in the order they were added (a copy).</summary>
        public List<BulkSyncRun> All() { lock (gate) return new List<BulkSyncRun>(order); }

        /// <summary>Forgets a deleted sync's runs.</summary>
        public void RemoveSync(string syncId)
        {
            lock (gate)
            {
                foreach (var run in order.Where(x => x.SyncId == syncId).ToList()) { order.Remove(run); byId.Remove(run.Id); }
            }
        }
    }
}
