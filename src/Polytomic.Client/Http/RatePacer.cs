using System;
using System.Threading;

namespace Polytomic.Http
{
    /// <summary>Shares a 429's news with every call of the session (from any runspace). A whole-second Retry-After
    /// first only delays the call it answered, as Polytomic's SDKs do: the calls of the same burst go on, so a limit
    /// that counts or resets lets them through. If 429s still come once that wait has passed, the limit refills
    /// slowly: from then on no call goes out before the server's wait, and calls are spaced at the rate the server was
    /// seen to allow (the successes of the last second or so). A sub-second wait (retry-after-ms, a token bucket's time
    /// to its next token) spaces every call at once. A quiet spell without 429s ends the pacing, so the session is back
    /// at full speed soon after the limit lifts. Nothing grows per 429.</summary>
    internal sealed class RatePacer
    {
        /// <summary>How long after the last 429's wait the pacing lasts.</summary>
        public static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(1);
        private const long Bucket = TimeSpan.TicksPerSecond;

        private readonly Func<long> clock;
        private readonly object gate = new object();
        private long resumeAt;
        /// <summary>When the wait named by the spell's first 429 ends: a whole-second 429 after it means the limit has
        /// not lifted.</summary>
        private long firstWaitEnd;
        private long nextSlot;
        private long interval;
        /// <summary>The longest sub-second wait of this pacing spell: a token bucket's time to its next token is at most
        /// one token's worth, and only just under it right after a token went, so the longest wait seen is the best
        /// measure of the refill rate (a short one, taken alone, would space calls faster than the bucket refills).</summary>
        private long spellWait;
        /// <summary>When the pacing ends (ticks): written under the lock, read without it, so calls outside a pacing
        /// spell never take the lock.</summary>
        private long pacingUntil;

        // Successes per one-second bucket: the rate the server allowed lately.
        private long bucketIndex;
        private long bucketCount;
        private long bucketFirst;
        private long previousCount;
        private long previousFirst;

        public RatePacer() : this(() => DateTime.UtcNow.Ticks) { }

        /// <summary>A pacer on a given clock (UTC ticks), for tests.</summary>
        public RatePacer(Func<long> clock) { this.clock = clock; }

        public bool Pacing => clock() < Volatile.Read(ref pacingUntil);

        /// <summary>The spacing in force while pacing (zero: only the server's wait).</summary>
        public TimeSpan Interval { get { lock (gate) return TimeSpan.FromTicks(interval); } }

        /// <summary>How long the next call must wait before it goes out; zero outside a pacing spell.</summary>
        public TimeSpan Reserve()
        {
            if (!Pacing) return TimeSpan.Zero;
            lock (gate)
            {
                var now = clock();
                if (now >= pacingUntil) return TimeSpan.Zero;
                var slot = Math.Max(now, Math.Max(resumeAt, nextSlot));
                nextSlot = slot + interval;
                return TimeSpan.FromTicks(slot - now);
            }
        }

        /// <summary>A 429 that asks for <paramref name="wait"/> (its own call waits that long in the retry policy).</summary>
        public void OnRateLimited(TimeSpan wait)
        {
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            lock (gate)
            {
                var now = clock();
                var until = now + wait.Ticks;
                if (now >= pacingUntil) { nextSlot = 0; spellWait = 0; interval = 0; firstWaitEnd = until; }
                if (wait < TimeSpan.FromSeconds(1))
                {
                    // The time to a token bucket's next token: calls are spaced by the longest such wait of the spell
                    // with a small margin, or by the rate the successes show if that is slower.
                    spellWait = Math.Max(spellWait, wait.Ticks);
                    interval = Math.Min(Math.Max(spellWait * 21 / 20, AllowedInterval(now)), TimeSpan.TicksPerSecond);
                }
                else if (now < firstWaitEnd)
                {
                    // Still the first wave: only the answered call waits.
                    Volatile.Write(ref pacingUntil, Math.Max(pacingUntil, until + QuietWindow.Ticks));
                    return;
                }
                else
                {
                    interval = AllowedInterval(now);
                    if (wait.Ticks > 0 && interval > wait.Ticks) interval = wait.Ticks;
                }
                if (until > resumeAt) resumeAt = until;
                Volatile.Write(ref pacingUntil, Math.Max(pacingUntil, resumeAt + QuietWindow.Ticks));
            }
        }

        /// <summary>A success: counted towards the rate the server allows.</summary>
        public void OnSuccess()
        {
            var now = clock();
            var index = now / Bucket;
            if (Volatile.Read(ref bucketIndex) == index) { Interlocked.Increment(ref bucketCount); return; }
            lock (gate)
            {
                if (bucketIndex != index)
                {
                    var consecutive = bucketIndex == index - 1 && bucketCount > 0;
                    previousCount = consecutive ? bucketCount : 0;
                    previousFirst = consecutive ? bucketFirst : 0;
                    bucketCount = 0;
                    bucketFirst = now;
                    Volatile.Write(ref bucketIndex, index);
                }
                bucketCount++;
            }
        }

        /// <summary>The gap between calls that matches the successes seen in the current and the previous second, over
        /// the time since the first of them.</summary>
        private long AllowedInterval(long now)
        {
            var index = now / Bucket;
            long count, since;
            if (bucketIndex == index)
            {
                count = Interlocked.Read(ref bucketCount) + previousCount;
                since = previousCount > 0 ? previousFirst : bucketFirst;
            }
            else if (bucketIndex == index - 1) { count = Interlocked.Read(ref bucketCount); since = bucketFirst; }
            else return 0;
            var span = Math.Max(now - since, TimeSpan.TicksPerMillisecond);
            return count == 0 ? 0 : span / count;
        }
    }
}
