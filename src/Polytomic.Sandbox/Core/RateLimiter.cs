using System;
using System.Diagnostics;

namespace Polytomic.Sandbox
{
    /// <summary>A token bucket: PerSecond requests a second, bursts up to one second's worth. Off while PerSecond is null.</summary>
    public sealed class RateLimiter
    {
        private readonly object gate = new object();
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double tokens;
        private double last;
        private int? perSecond;

        public int? PerSecond
        {
            get { lock (gate) return perSecond; }
            set { lock (gate) { perSecond = value; tokens = value ?? 0; last = clock.Elapsed.TotalSeconds; Rejected = 0; } }
        }

        /// <summary>How many requests were refused with 429 since the limit was set.</summary>
        public int Rejected { get; private set; }

        /// <summary>Takes a token, or says how long until one is free.</summary>
        public TimeSpan? TryTake()
        {
            lock (gate)
            {
                if (perSecond is not int rate) return null;
                var now = clock.Elapsed.TotalSeconds;
                tokens = Math.Min(rate, tokens + (now - last) * rate);
                last = now;
                if (tokens >= 1) { tokens -= 1; return null; }
                Rejected++;
                return TimeSpan.FromSeconds((1 - tokens) / rate);
            }
        }
    }
}
