using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Polytomic
{
    /// <summary>One wait between attempts of a call the schema cache was not ready for.</summary>
    public sealed class SchemaCacheWait
    {
        public SchemaCacheWait(int attempt, TimeSpan elapsed, TimeSpan delay, TimeSpan timeout, string? message)
        {
            Attempt = attempt; Elapsed = elapsed; Delay = delay; Timeout = timeout; Message = message;
        }

        public int Attempt { get; }
        public TimeSpan Elapsed { get; }
        public TimeSpan Delay { get; }
        public TimeSpan Timeout { get; }
        public string? Message { get; }
    }

    public sealed partial class PolytomicClient
    {
        private static readonly TimeSpan SchemaCacheFirstDelay = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan SchemaCacheMaxDelay = TimeSpan.FromSeconds(5);

        /// <summary>Polytomic's answers while a new connection's schemas are still being cached:
        /// 422, or 400 naming missing schemas or a cache refresh.</summary>
        public static bool IsSchemaCacheNotReady(PolytomicApiException ex)
        {
            if (ex.Kind != PolytomicErrorKind.Http) return false;
            if (ex.StatusCode == 422) return true;
            if (ex.StatusCode != 400) return false;
            var m = ex.ApiMessage ?? "";
            return m.IndexOf("No schemas found", StringComparison.OrdinalIgnoreCase) >= 0
                || m.IndexOf("did not provide any schemas", StringComparison.OrdinalIgnoreCase) >= 0
                || m.IndexOf("cache refresh in progress", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>Runs a call again while the schema cache is not ready, backing off (0.5 s doubling to 5 s), until it
        /// succeeds, fails otherwise, or the timeout passes (then a SchemaCacheNotReady error).
        /// Each attempt must be a NEW logical call (call SendAsync again, never replay its key): Polytomic's idempotency
        /// cache replays the first outcome of a key, this error included, and the failed attempt created nothing, so a
        /// fresh key cannot duplicate anything.</summary>
        public async Task<T> RetryWhileSchemasCacheAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan timeout,
            Action<SchemaCacheWait>? onWait = null, CancellationToken ct = default)
        {
            var clock = Stopwatch.StartNew();
            var delay = SchemaCacheFirstDelay;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await call(ct).ConfigureAwait(false);
                }
                catch (PolytomicApiException ex) when (IsSchemaCacheNotReady(ex))
                {
                    var left = timeout - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                        throw new PolytomicApiException(PolytomicErrorKind.SchemaCacheNotReady,
                            $"Polytomic had still not cached the connection's schemas after {clock.Elapsed.TotalSeconds:0.#} s ({attempt} attempt(s)); " +
                            $"the last answer was {ex.StatusCode}: {ex.ApiMessage}",
                            ex.StatusCode, ex.ApiMessage, ex.Key, ex.Metadata, ex.Method, ex.Path, attempt, ex);
                    var wait = delay < left ? delay : left;
                    onWait?.Invoke(new SchemaCacheWait(attempt, clock.Elapsed, wait, timeout, ex.ApiMessage));
                    await Task.Delay(wait, ct).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, SchemaCacheMaxDelay.Ticks));
                }
            }
        }
    }
}
