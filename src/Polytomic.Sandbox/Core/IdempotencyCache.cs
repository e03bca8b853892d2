using System;
using System.Collections.Concurrent;

namespace Polytomic.Sandbox
{
    /// <summary>Idempotency-Key outcomes: the first request decides; replays get the same outcome;
    /// a request while the first is in flight gets 409.</summary>
    public sealed class IdempotencyCache
    {
        public sealed class Outcome
        {
            public int Status { get; init; }
            public byte[] Body { get; init; } = Array.Empty<byte>();
            public string? ContentType { get; init; }
            public string Fingerprint { get; init; } = "";
        }

        private sealed class Entry { public Outcome? Outcome; }

        private readonly ConcurrentDictionary<string, Entry> entries = new ConcurrentDictionary<string, Entry>();

        public int Replays;

        /// <summary>Claims a key. Returns (true, null) to go ahead, (false, outcome) to replay, (false, null) if in flight.</summary>
        public (bool Proceed, Outcome? Replay) Claim(string key)
        {
            var mine = new Entry();
            var existing = entries.GetOrAdd(key, mine);
            if (ReferenceEquals(existing, mine)) return (true, null);
            var outcome = existing.Outcome;
            if (outcome != null) System.Threading.Interlocked.Increment(ref Replays);
            return (false, outcome);
        }

        public void Complete(string key, Outcome outcome)
        {
            if (entries.TryGetValue(key, out var e)) e.Outcome = outcome;
        }

        /// <summary>A request that never produced an outcome (connection lost before handling) frees its key.</summary>
        public void Release(string key) => entries.TryRemove(key, out _);

        public void Clear() => entries.Clear();
    }
}
