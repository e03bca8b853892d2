using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Polytomic.Http
{
    /// <summary>Which outcomes are tried again and after how long: 408, 429 and 5xx (not 501, which will not change),
    /// network errors and attempt timeouts, with exponential backoff and jitter, or the server's own wait.</summary>
    internal static class RetryPolicy
    {
        /// <summary>Retries allowed for 429 answers (each waits what the server asks, capped).</summary>
        public const int RateLimitRetries = 10;

        /// <summary>The call a pipeline run belongs to (for the observer's retry line).</summary>
        public static readonly ResiliencePropertyKey<ApiRequest> Call = new ResiliencePropertyKey<ApiRequest>("polytomic.call");

        public static ResiliencePipeline<HttpResponseMessage> Build(PolytomicClientOptions options)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            if (options.MaxRetries > 0)
            {
                var rateLimitRetries = Math.Max(options.MaxRetries, RateLimitRetries);
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    // A 429 names when to come back and the pacer spaces the calls after one: rate limits get a longer
                    // (still bounded) budget than failures do, so a burst of parallel calls ends without errors.
                    MaxRetryAttempts = rateLimitRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.MaxRetryDelay,
                    ShouldHandle = args => (int?)args.Outcome.Result?.StatusCode == 429
                        ? new ValueTask<bool>(args.AttemptNumber < rateLimitRetries)
                        : args.AttemptNumber < options.MaxRetries ? IsTransientAsync(args.Outcome, args.Context.CancellationToken) : new ValueTask<bool>(false),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome.Result, options.MaxRetryDelay)),
                    OnRetry = args =>
                    {
                        var reason = args.Outcome.Result != null
                            ? $"HTTP {(int)args.Outcome.Result.StatusCode}"
                            : args.Outcome.Exception is TimeoutRejectedException
                                ? $"no answer within {options.AttemptTimeout.TotalSeconds:0.#} s"
                                : $"network error ({ErrorReader.Innermost(args.Outcome.Exception!).Message})";
                        if (args.Context.Properties.TryGetValue(Call, out var call))
                            call.Observer?.OnRetry(call.Method.Method, call.PathAndQuery, args.AttemptNumber + 1, args.RetryDelay, reason);
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }
            builder.AddTimeout(options.AttemptTimeout);
            return builder.Build();
        }

        /// <summary>Whether the retry policy may try again after this status: a success or a plain client error is final
        /// (409 may be idempotency-key contention, which the policy reads the body to decide).</summary>
        public static bool MayRetry(int status) => IsTransientStatus(status) || status == 409;

        /// <summary>Whether a status is worth trying again: 408, 429 and 5xx except 501 Not Implemented.</summary>
        public static bool IsTransientStatus(int status) => status == 408 || status == 429 || (status >= 500 && status != 501);

        internal static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken token)
        {
            if (outcome.Exception != null)
                return !token.IsCancellationRequested && (outcome.Exception is HttpRequestException
                    || outcome.Exception is IOException || outcome.Exception is TimeoutRejectedException);
            var r = outcome.Result!;
            var status = (int)r.StatusCode;
            if (IsTransientStatus(status)) return true;
            // 409 is retried only for idempotency-key contention, never for "already running".
            if (status != 409 || r.RequestMessage?.Headers.Contains("Idempotency-Key") != true || r.Content == null) return false;
            var text = await r.Content.ReadAsStringAsync().ConfigureAwait(false);
            return text.IndexOf("idempotency", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>retry-after-ms, Retry-After (seconds or HTTP date), else X-RateLimit-Reset, capped; null = use backoff.</summary>
        internal static TimeSpan? ServerDelay(HttpResponseMessage? r, TimeSpan cap)
        {
            if (r == null) return null;
            TimeSpan? wait = null;
            var ra = r.Headers.RetryAfter;
            if (r.Headers.TryGetValues("retry-after-ms", out var ms) && double.TryParse(ms.FirstOrDefault(),
                    NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
                wait = TimeSpan.FromMilliseconds(millis);
            else if (ra?.Delta != null) wait = ra.Delta;
            else if (ra?.Date != null) wait = ra.Date.Value - DateTimeOffset.UtcNow;
            else if (r.Headers.TryGetValues("X-RateLimit-Reset", out var values)
                     && long.TryParse(values.FirstOrDefault(), out var unix))
                wait = DateTimeOffset.FromUnixTimeSeconds(unix) - DateTimeOffset.UtcNow;
            if (wait == null) return null;
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            return wait > cap ? cap : wait;
        }
    }
}
