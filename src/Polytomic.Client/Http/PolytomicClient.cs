using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;
using Polytomic.Http;

namespace Polytomic
{
    /// <summary>The typed Polytomic client. <see cref="SendAsync"/> is the one HTTP choke point: every call of every
    /// area (the PolytomicClient partials in the area folders) goes through it. Its parts live in Http/: RequestBuilder,
    /// RetryPolicy, RatePacer, AttemptLog, ErrorReader and ApiResponse.</summary>
    public sealed partial class PolytomicClient : IDisposable
    {
        private static readonly AsyncLocal<IRequestObserver?> observer = new AsyncLocal<IRequestObserver?>();

        private readonly HttpClient http;
        private readonly RequestBuilder requests;
        /// <summary>Built on the first retry (<see cref="Pipeline"/>): a call answered at once never needs it.</summary>
        private ResiliencePipeline<HttpResponseMessage>? pipeline;
        private readonly RatePacer pacer = new RatePacer();
        private readonly RequestTrace trace;

        public PolytomicClient(PolytomicClientOptions options, HttpMessageHandler? handler = null)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.ApiKey == null || options.ApiKey.Length == 0)
                throw new ArgumentException("An API key is required.", nameof(options));
            if (!ApiVersions.IsSupported(options.ApiVersion))
                throw new ArgumentException($"API version '{options.ApiVersion}' is not supported; use one of {string.Join(", ", ApiVersions.Supported)}.", nameof(options));
            requests = new RequestBuilder(options);
            trace = options.Trace ?? new RequestTrace();
            // Per-attempt timeouts come from the first attempt and the retry pipeline; the HttpClient's own would fire across retries.
            http = new HttpClient(handler ?? Transport.CreateHandler(options.Proxy), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            // Raw values (validated here once): a parsed header value is formatted again for every request.
            var ua = UserAgent(options.UserAgentComment);
            using (var check = new HttpRequestMessage()) check.Headers.UserAgent.ParseAdd(ua);
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ua);
            http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
        }

        public PolytomicClientOptions Options { get; }

        /// <summary>This client's record of attempts: the recent ones in memory, and the trace file if it has one.</summary>
        public RequestTrace Trace => trace;

        /// <summary>Whether any call of this client has needed the retry pipeline (for tests).</summary>
        internal bool RetryPipelineBuilt => Volatile.Read(ref pipeline) != null;

        private ResiliencePipeline<HttpResponseMessage> Pipeline =>
            LazyInitializer.EnsureInitialized(ref pipeline, () => RetryPolicy.Build(Options))!;
        public string ApiVersion => Options.ApiVersion;
        public bool Is2025 => ApiVersions.AtLeast(Options.ApiVersion, ApiVersions.V2025_09_18);

        /// <summary>The observer of calls made on this async flow (set by the cmdlet that makes them).</summary>
        public static IRequestObserver? Observer { get => observer.Value; set => observer.Value = value; }

        public static string ModuleVersion { get; } =
            typeof(PolytomicClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? typeof(PolytomicClient).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        public static string UserAgent(string? comment) =>
            $"PolytomicPS/{ModuleVersion}" + (string.IsNullOrEmpty(comment) ? "" : $" ({comment})");

        /// <summary>Refuses plain http except on loopback: the key would cross the network in clear text.</summary>
        public static void ValidateBaseUrl(Uri? url) => RequestBuilder.ValidateBaseUrl(url);

        /// <summary>Sends one API call through the choke point: the request is built once, each attempt is paced, sent
        /// and logged under the retry policy, and the answer becomes an <see cref="ApiResponse"/> or a
        /// <see cref="PolytomicApiException"/>. A POST carries <paramref name="idempotencyKey"/>, or a new key.</summary>
        public async Task<ApiResponse> SendAsync(HttpMethod method, string path,
            IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null,
            CancellationToken cancellationToken = default, string? idempotencyKey = null)
        {
            var call = requests.Prepare(method, path, query, body, idempotencyKey, Observer);
            if (Options.ReadOnly && !ReadOnlyRoutes.Allows(call.Method.Method, call.Path))
            {
                var refusal = ReadOnlyRoutes.Refusal(call.Method, call.Path);
                trace.Record(call, 0, null, TimeSpan.Zero, refusal);
                throw refusal;
            }
            var log = new AttemptLog();
            HttpResponseMessage response;
            try
            {
                // The first attempt goes out directly: most calls end there, and never pay for the retry pipeline.
                var first = await FirstAttemptAsync(call, log, cancellationToken).ConfigureAwait(false);
                response = first.Result != null && !RetryPolicy.MayRetry((int)first.Result.StatusCode)
                    ? first.Result
                    : await RetryAsync(call, log, first, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ErrorReader.IsFailure(ex))
            {
                throw ErrorReader.FromFailure(call, log, ex, Options.AttemptTimeout);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (log.DeleteFoundGone(method, status)) return ApiResponse.NoContent();
                var bytes = response.Content == null ? Array.Empty<byte>()
                    : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw ErrorReader.FromResponse(call, log, response, bytes);
                return new ApiResponse(status, bytes, response.Headers.Location, response.Content?.Headers.ContentType?.MediaType);
            }
        }

        /// <summary>One attempt: wait for the pacer, send, tell the pacer and the log what came back.</summary>
        private async ValueTask<HttpResponseMessage> AttemptAsync(ApiRequest call, AttemptLog log, CancellationToken token,
            CancellationToken callerToken)
        {
            log.Start();
            var hold = pacer.Reserve();
            if (hold > TimeSpan.Zero) await Task.Delay(hold, token).ConfigureAwait(false);
            using var request = requests.Build(call);
            var obs = call.Observer;
            obs?.OnSending(call.Method.Method, call.PathAndQuery, log.Count);
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage r;
            try
            {
                r = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (log.Failed(ex, callerToken.IsCancellationRequested) || Traced(call, log.Count, started, ex, callerToken.IsCancellationRequested))
            {
                throw;
            }
            var status = (int)r.StatusCode;
            var elapsed = Since(started);
            trace.Record(call, log.Count, status, elapsed, null);
            obs?.OnResponse(call.Method.Method, call.PathAndQuery, status, elapsed);
            log.Answered(status);
            if (status == 429) pacer.OnRateLimited(RetryPolicy.ServerDelay(r, Options.MaxRetryDelay) ?? Options.RetryBaseDelay);
            else if (r.IsSuccessStatusCode) pacer.OnSuccess();
            return r;
        }

        private static TimeSpan Since(long started) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

        /// <summary>Records an attempt that got no answer; always false, for use in an exception filter.</summary>
        private bool Traced(ApiRequest call, int attempt, long started, Exception ex, bool stopped)
        {
            trace.Record(call, attempt, null, Since(started), ex, stopped ? "PipelineStopped" : null);
            return false;
        }

        /// <summary>The first attempt under its own timeout (what the pipeline's timeout would do): its response, or the
        /// failure the retry policy will judge.</summary>
        private async Task<Outcome<HttpResponseMessage>> FirstAttemptAsync(ApiRequest call, AttemptLog log, CancellationToken callerToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            timeout.CancelAfter(Options.AttemptTimeout);
            try
            {
                return Outcome.FromResult(await AttemptAsync(call, log, timeout.Token, callerToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!callerToken.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                    $"The attempt did not complete within {Options.AttemptTimeout.TotalSeconds:0.#} s.", Options.AttemptTimeout));
            }
            catch (Exception ex) when (!callerToken.IsCancellationRequested && ErrorReader.IsFailure(ex))
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }

        /// <summary>The retry pipeline, from the first attempt's outcome on: the pipeline judges that outcome as its own
        /// first attempt (replayed, not sent again), then sends the retries it decides on.</summary>
        private async Task<HttpResponseMessage> RetryAsync(ApiRequest call, AttemptLog log, Outcome<HttpResponseMessage> first,
            CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RetryPolicy.Call, call);
            var replay = new StrongBox<Outcome<HttpResponseMessage>?>(first);
            try
            {
                return await Pipeline.ExecuteAsync(
                    (ctx, state) =>
                    {
                        if (state.replay.Value is Outcome<HttpResponseMessage> o)
                        {
                            state.replay.Value = null;
                            o.ThrowIfException();
                            return new ValueTask<HttpResponseMessage>(o.Result!);
                        }
                        return state.client.AttemptAsync(state.call, state.log, ctx.CancellationToken, state.cancellationToken);
                    },
                    context, (client: this, call, log, cancellationToken, replay)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>Sends a call and reads its JSON body as T (the whole body, not only data).</summary>
        public async Task<T> SendJsonAsync<T>(HttpMethod method, string path,
            IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null,
            CancellationToken cancellationToken = default, string? idempotencyKey = null)
        {
            var response = await SendAsync(method, path, query, body, cancellationToken, idempotencyKey).ConfigureAwait(false);
            return response.Read<T>(method.Method, path);
        }

        /// <summary>Sends a call and returns the envelope's data.</summary>
        public async Task<T> SendDataAsync<T>(HttpMethod method, string path,
            IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null,
            CancellationToken cancellationToken = default, string? idempotencyKey = null)
        {
            // Straight from SendAsync (not through SendJsonAsync): one async step less on every call.
            var response = await SendAsync(method, path, query, body, cancellationToken, idempotencyKey).ConfigureAwait(false);
            var envelope = response.Read<Http.Envelope<T>>(method.Method, path);
            if (envelope.Data == null)
                throw new PolytomicApiException(PolytomicErrorKind.InvalidResponse,
                    $"{method.Method} {path} returned no data.", method: method.Method, path: path);
            return envelope.Data;
        }

        /// <summary>Gets one page of a list (see <see cref="Http.Page{T}.Read"/>): its next token is known before its
        /// items are converted. <paramref name="paged"/> false ignores any token (a list this API version does not page).</summary>
        public async Task<Http.Page<T>> GetPageAsync<T>(string path, IEnumerable<KeyValuePair<string, string?>>? query,
            bool paged, Func<T, T>? each, CancellationToken ct)
        {
            var response = await SendAsync(HttpMethod.Get, path, query, null, ct).ConfigureAwait(false);
            return Http.Page<T>.Read(response, "GET", path, paged, each);
        }

        public Task<T> GetDataAsync<T>(string path, IEnumerable<KeyValuePair<string, string?>>? query = null, CancellationToken ct = default) =>
            SendDataAsync<T>(HttpMethod.Get, path, query, null, ct);

        public static HttpMethod PatchMethod { get; } = new HttpMethod("PATCH");

        /// <summary>Fails, before anything is sent, a call this session's API version does not have: one added in
        /// <paramref name="since"/>, or one removed in <paramref name="removedIn"/>.</summary>
        public void RequireVersion(string operation, string? since = null, string? removedIn = null)
        {
            var version = Options.ApiVersion;
            if (since != null && !ApiVersions.AtLeast(version, since))
                throw new PolytomicApiException(PolytomicErrorKind.UnsupportedInVersion,
                    $"{operation} is only available from API version {since}; this session uses {version}. Connect with API version {since} to use it.");
            if (removedIn != null && ApiVersions.AtLeast(version, removedIn))
            {
                var older = ApiVersions.Before(removedIn);
                throw new PolytomicApiException(PolytomicErrorKind.UnsupportedInVersion,
                    $"{operation} was removed in API version {removedIn}; this session uses {version}." +
                    (older == null ? "" : $" Connect with API version {older} to use it."));
            }
        }

        public void Dispose() => http.Dispose();

        public override string ToString() => $"PolytomicClient {requests.BaseUrl} ({Options.ApiVersion})";
    }
}
