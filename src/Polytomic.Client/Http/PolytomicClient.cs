using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Polytomic
{
    /// <summary>The typed Polytomic client. <see cref="SendAsync"/> is the one HTTP choke point: every call of every
    /// area (see the PolytomicClient.*.cs partial files) goes through it.</summary>
    public sealed partial class PolytomicClient : IDisposable
    {
        private static readonly AsyncLocal<Http.IRequestObserver?> observer = new AsyncLocal<Http.IRequestObserver?>();
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");
        private static readonly ResiliencePropertyKey<string> RequestLabel = new ResiliencePropertyKey<string>("polytomic.request");

        /// <summary>HttpClient.Send, the synchronous send of .NET 5+ (absent from netstandard2.0 and .NET Framework, so
        /// found once by reflection; null on Windows PowerShell 5.1, which keeps the async path).</summary>
        private static readonly Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? SendSync =
            typeof(HttpClient).GetMethod("Send", new[] { typeof(HttpRequestMessage), typeof(HttpCompletionOption), typeof(CancellationToken) }) is MethodInfo m
                ? (Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>)Delegate.CreateDelegate(
                    typeof(Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>), m)
                : null;

        [ThreadStatic] private static bool callerBlocks;

        private readonly HttpClient http;
        private readonly AuthenticationHeaderValue authorization;
        private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
        private readonly string baseUrl;
        private readonly bool canSendSync;

        /// <summary>Pacing after a 429: for a while after the server asks to slow down, every call of the session (from
        /// any runspace) takes the next free slot, one server-given interval apart, so a rate limit is met by an even
        /// stream of requests instead of a storm of retries that all wake at once.</summary>
        private readonly object pacing = new object();
        private DateTime nextSlot;
        /// <summary>When the pacing window ends, in UTC ticks: written under the lock, read without it, so calls outside
        /// a window skip the lock.</summary>
        private long pacingUntilTicks;
        private TimeSpan pacingInterval;
        private static readonly TimeSpan PacingWindow = TimeSpan.FromSeconds(2);

        static PolytomicClient()
        {
            // Windows PowerShell 5.1 (.NET Framework) may not offer TLS 1.2 by default: add it, never replace the
            // process's other protocols. .NET Core negotiates with the OS and needs nothing.
            if (IsNetFramework) ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        private static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>.NET Core reads HTTPS_PROXY/NO_PROXY itself; .NET Framework only knows the system proxy, so the
        /// variables are honoured here for Windows PowerShell 5.1.</summary>
        internal static IWebProxy? EnvironmentProxy()
        {
            if (!IsNetFramework) return null;
            var value = Environment.GetEnvironmentVariable("HTTPS_PROXY") ?? Environment.GetEnvironmentVariable("https_proxy");
            if (string.IsNullOrEmpty(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri)) return null;
            var bypass = (Environment.GetEnvironmentVariable("NO_PROXY") ?? Environment.GetEnvironmentVariable("no_proxy") ?? "")
                .Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(h => "^(.*\\.)?" + System.Text.RegularExpressions.Regex.Escape(h.Trim().TrimStart('.')) + "$").ToArray();
            return new WebProxy(uri, true, bypass);
        }

        public PolytomicClient(PolytomicClientOptions options, HttpMessageHandler? handler = null)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.ApiKey == null || options.ApiKey.Length == 0)
                throw new ArgumentException("An API key is required.", nameof(options));
            if (!ApiVersions.IsSupported(options.ApiVersion))
                throw new ArgumentException($"API version '{options.ApiVersion}' is not supported; use one of {string.Join(", ", ApiVersions.Supported)}.", nameof(options));
            ValidateBaseUrl(options.BaseUrl);

            baseUrl = options.BaseUrl.GetLeftPart(UriPartial.Authority) + options.BaseUrl.AbsolutePath.TrimEnd('/');
            authorization = BuildAuthorization(options);
            // A caller's own handler may not implement the synchronous Send.
            canSendSync = handler == null && SendSync != null;
            handler ??= new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                Proxy = options.Proxy ?? EnvironmentProxy(),
                UseProxy = true,
            };
            // Per-attempt timeouts come from the pipeline; the HttpClient's own would fire across retries.
            http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            // Raw values (validated here once): a parsed header value is formatted again for every request.
            var ua = UserAgent(options.UserAgentComment);
            using (var check = new HttpRequestMessage()) check.Headers.UserAgent.ParseAdd(ua);
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ua);
            http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
            pipeline = BuildPipeline(options);
        }

        public PolytomicClientOptions Options { get; }
        public string ApiVersion => Options.ApiVersion;
        public bool Is2025 => ApiVersions.Is2025(Options.ApiVersion);

        /// <summary>The observer of calls made on this async flow (set by the cmdlet that makes them).</summary>
        public static Http.IRequestObserver? Observer { get => observer.Value; set => observer.Value = value; }

        public static string ModuleVersion { get; } =
            typeof(PolytomicClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? typeof(PolytomicClient).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        public static string UserAgent(string? comment) =>
            $"PolytomicPS/{ModuleVersion}" + (string.IsNullOrEmpty(comment) ? "" : $" ({comment})");

        /// <summary>Refuses plain http except on loopback: the key would cross the network in clear text.</summary>
        public static void ValidateBaseUrl(Uri? url)
        {
            if (url == null || !url.IsAbsoluteUri)
                throw new ArgumentException("The base URL must be an absolute http(s) URL.");
            if (url.Scheme == Uri.UriSchemeHttps) return;
            if (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback) return;
            throw new ArgumentException(url.Scheme == Uri.UriSchemeHttp
                ? $"Plain http is only allowed for loopback addresses; use https for '{url.Host}'."
                : $"The base URL scheme '{url.Scheme}' is not supported; use https.");
        }

        /// <summary>Runs a call whose caller blocks until it ends (a cmdlet on its pipeline thread). Its sends then run
        /// synchronously on the caller's thread where the runtime allows: no thread-pool hop and no spinning waiter
        /// competing for the CPU, which made a blocked call cost 1.4x an awaited one. Anything the call awaits for real
        /// (a retry delay) continues on the async path as before.</summary>
        public static T RunBlocking<T>(Func<Task<T>> start)
        {
            Task<T> task;
            var outer = callerBlocks;
            callerBlocks = true;
            try { task = start(); }
            finally { callerBlocks = outer; }
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Sends one API call: the URL, headers, Idempotency-Key, retries, timeouts and error mapping all live
        /// here. Returns the raw response body (null for an empty one).</summary>
        public async Task<ApiResponse> SendAsync(HttpMethod method, string path,
            IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null,
            CancellationToken cancellationToken = default, string? idempotencyKey = null)
        {
            var pathAndQuery = path + Http.ApiPath.Query(query);
            var url = baseUrl + pathAndQuery;
            byte[]? payload = body == null ? null
                : body is byte[] raw ? raw
                : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Http.PolytomicJson.Options);
            // One key per logical call, so that a retry after a lost response cannot create a second object.
            if (method == HttpMethod.Post) idempotencyKey ??= Guid.NewGuid().ToString("N");
            var obs = Observer;
            int attempt = 0;
            var stopwatch = obs == null ? null : new Stopwatch();

            HttpResponseMessage response;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestLabel, method.Method + " " + pathAndQuery);
            try
            {
                response = await pipeline.ExecuteAsync(async ctx =>
                {
                    var token = ctx.CancellationToken;
                    attempt++;
                    // Read per attempt: only the attempts that run on the blocked caller's own thread send synchronously.
                    var sync = callerBlocks && canSendSync;
                    var hold = ReserveSlot();
                    if (hold > TimeSpan.Zero)
                    {
                        if (!sync) await Task.Delay(hold, token).ConfigureAwait(false);
                        else if (token.WaitHandle.WaitOne(hold)) token.ThrowIfCancellationRequested();
                    }
                    using var request = new HttpRequestMessage(method, url);
                    request.Headers.Authorization = authorization;
                    request.Headers.TryAddWithoutValidation("X-Polytomic-Version", Options.ApiVersion);
                    if (idempotencyKey != null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
                    if (payload != null)
                    {
                        request.Content = new ByteArrayContent(payload);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    }
                    obs?.OnSending(method.Method, pathAndQuery, attempt);
                    stopwatch?.Restart();
                    var r = sync ? SendSync!(http, request, HttpCompletionOption.ResponseContentRead, token)
                        : await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                    obs?.OnResponse(method.Method, pathAndQuery, (int)r.StatusCode, stopwatch!.Elapsed);
                    if ((int)r.StatusCode == 429) HoldOff(ServerDelay(r, Options.MaxRetryDelay) ?? Options.RetryBaseDelay);
                    else if (r.IsSuccessStatusCode) SpeedUp();
                    return r;
                }, context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (TimeoutRejectedException ex)
            {
                throw new PolytomicApiException(PolytomicErrorKind.Timeout,
                    $"{method.Method} {path} timed out after {attempt} attempt(s) of {Options.AttemptTimeout.TotalSeconds:0.#} s each.",
                    method: method.Method, path: path, attempts: attempt, inner: ex);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is OperationCanceledException)
            {
                throw new PolytomicApiException(PolytomicErrorKind.Transport,
                    $"{method.Method} {path} failed after {attempt} attempt(s): {Innermost(ex).Message}",
                    method: method.Method, path: path, attempts: attempt, inner: ex);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            using (response)
            {
                var bytes = response.Content == null ? Array.Empty<byte>()
                    : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    throw ErrorFromResponse(method.Method, path, response, bytes, attempt);
                return new ApiResponse((int)response.StatusCode, bytes, response.Headers.Location, response.Content?.Headers.ContentType?.MediaType);
            }
        }

        /// <summary>Sends a call and reads its JSON body as T (the whole body, not only data).</summary>
        public async Task<T> SendJsonAsync<T>(HttpMethod method, string path,
            IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null,
            CancellationToken cancellationToken = default)
        {
            var response = await SendAsync(method, path, query, body, cancellationToken).ConfigureAwait(false);
            return response.Read<T>(method.Method, path);
        }

        /// <summary>Sends a call and returns the envelope's data.</summary>
        public async Task<T> SendDataAsync<T>(HttpMethod method, string path,
            IEnumerable<KeyValuePair<string, string?>>? query = null, object? body = null,
            CancellationToken cancellationToken = default)
        {
            // Straight from SendAsync (not through SendJsonAsync): one async step less on every call.
            var response = await SendAsync(method, path, query, body, cancellationToken).ConfigureAwait(false);
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

        public static HttpMethod PatchMethod => Patch;

        /// <summary>Fails a call that does not exist in this session's API version, naming the version.</summary>
        public void RequireVersion(string operation, string version)
        {
            if (Options.ApiVersion == version) return;
            throw new PolytomicApiException(PolytomicErrorKind.UnsupportedInVersion,
                $"{operation} is only available in API version {version}; this session uses {Options.ApiVersion}. " +
                $"Connect with -ApiVersion {version} to use it.");
        }

        public void Dispose() => http.Dispose();

        public override string ToString() => $"PolytomicClient {baseUrl} ({Options.ApiVersion})";

        private static AuthenticationHeaderValue BuildAuthorization(PolytomicClientOptions options)
        {
            var key = SecureStrings.ToPlain(options.ApiKey!);
            if (options.AuthMode == PolytomicAuthMode.OrganizationPartnerKey)
            {
                if (string.IsNullOrEmpty(options.OrganizationId))
                    throw new ArgumentException("An organization id is required with an organization-scoped partner key.");
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.OrganizationId + ":" + key));
                return new AuthenticationHeaderValue("Basic", basic);
            }
            if (options.AuthMode == PolytomicAuthMode.DeploymentKey)
            {
                var pair = string.IsNullOrEmpty(options.OrganizationId) ? key + ":" : options.OrganizationId + ":" + key;
                return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            }
            return new AuthenticationHeaderValue("Bearer", key);
        }

        private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(PolytomicClientOptions options)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            if (options.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    // A 429 names when to come back, and the session paces itself after one: rate limits get a longer
                    // (still bounded) budget than failures do, so a burst of parallel calls ends without errors.
                    MaxRetryAttempts = Math.Max(options.MaxRetries, RateLimitRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.MaxRetryDelay,
                    ShouldHandle = args => (int?)args.Outcome.Result?.StatusCode == 429
                        ? new ValueTask<bool>(args.AttemptNumber < Math.Max(options.MaxRetries, RateLimitRetries))
                        : args.AttemptNumber < options.MaxRetries ? IsTransientAsync(args.Outcome, args.Context.CancellationToken) : new ValueTask<bool>(false),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome.Result, options.MaxRetryDelay)),
                    OnRetry = args =>
                    {
                        var reason = args.Outcome.Result != null
                            ? $"HTTP {(int)args.Outcome.Result.StatusCode}"
                            : args.Outcome.Exception is TimeoutRejectedException
                                ? $"no answer within {options.AttemptTimeout.TotalSeconds:0.#} s"
                                : $"network error ({Innermost(args.Outcome.Exception!).Message})";
                        var label = args.Context.Properties.GetValue(RequestLabel, "");
                        var space = label.IndexOf(' ');
                        Observer?.OnRetry(space > 0 ? label.Substring(0, space) : label, space > 0 ? label.Substring(space + 1) : "",
                            args.AttemptNumber + 1, args.RetryDelay, reason);
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }
            builder.AddTimeout(options.AttemptTimeout);
            return builder.Build();
        }

        /// <summary>Retries allowed for 429 answers (each waits what the server asks, capped).</summary>
        public const int RateLimitRetries = 10;

        private static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken token)
        {
            if (outcome.Exception != null)
                return !token.IsCancellationRequested && (outcome.Exception is HttpRequestException
                    || outcome.Exception is IOException || outcome.Exception is TimeoutRejectedException);
            var r = outcome.Result!;
            var status = (int)r.StatusCode;
            if (status == 408 || status == 429 || status >= 500) return true;
            // 409 is retried only for idempotency-key contention, never for "already running".
            if (status != 409 || r.RequestMessage?.Headers.Contains("Idempotency-Key") != true || r.Content == null) return false;
            var text = await r.Content.ReadAsStringAsync().ConfigureAwait(false);
            return text.IndexOf("idempotency", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private void HoldOff(TimeSpan wait)
        {
            lock (pacing)
            {
                var now = DateTime.UtcNow;
                // The server's wait for the next token approaches its interval between requests; a 429 while already
                // pacing means the pace is still a little too fast.
                var floor = wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait;
                var slower = TimeSpan.FromTicks(pacingInterval.Ticks * 11 / 10);
                pacingInterval = now.Ticks < pacingUntilTicks && slower > floor ? slower : floor;
                Volatile.Write(ref pacingUntilTicks, (now + PacingWindow + wait).Ticks);
                if (nextSlot < now + wait) nextSlot = now + wait;
            }
        }

        /// <summary>Each success while pacing shortens the interval a little, so the pace settles near the server's limit.</summary>
        private void SpeedUp()
        {
            if (!Pacing) return;
            lock (pacing)
            {
                if (Pacing) pacingInterval = TimeSpan.FromTicks(pacingInterval.Ticks * 99 / 100);
            }
        }

        private bool Pacing => DateTime.UtcNow.Ticks < Volatile.Read(ref pacingUntilTicks);

        private TimeSpan ReserveSlot()
        {
            if (!Pacing) return TimeSpan.Zero;
            lock (pacing)
            {
                var now = DateTime.UtcNow;
                if (now.Ticks >= pacingUntilTicks) return TimeSpan.Zero;
                var slot = nextSlot > now ? nextSlot : now;
                nextSlot = slot + pacingInterval;
                return slot - now;
            }
        }

        /// <summary>retry-after-ms, Retry-After (seconds or HTTP date), else X-RateLimit-Reset, capped; null = use backoff.</summary>
        internal static TimeSpan? ServerDelay(HttpResponseMessage? r, TimeSpan cap)
        {
            if (r == null) return null;
            TimeSpan? wait = null;
            var ra = r.Headers.RetryAfter;
            if (r.Headers.TryGetValues("retry-after-ms", out var ms) && double.TryParse(ms.FirstOrDefault(),
                    System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var millis))
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

        private static PolytomicApiException ErrorFromResponse(string method, string path, HttpResponseMessage r, byte[] body, int attempts)
        {
            var status = (int)r.StatusCode;
            string? apiMessage = null, key = null;
            IReadOnlyDictionary<string, object?>? metadata = null;
            try
            {
                if (body.Length > 0 && (body[0] == (byte)'{' || char.IsWhiteSpace((char)body[0])))
                {
                    using var doc = JsonDocument.Parse(body);
                    var root = doc.RootElement;
                    if (root.ValueKind == JsonValueKind.Object)
                    {
                        apiMessage = StringProp(root, "message");
                        key = StringProp(root, "key");
                        if (root.TryGetProperty("error", out var err))
                            apiMessage ??= err.ValueKind == JsonValueKind.Object ? StringProp(err, "message") : err.ValueKind == JsonValueKind.String ? err.GetString() : null;
                        if (root.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object)
                            metadata = Http.PolytomicJson.ToPlain(md) as IReadOnlyDictionary<string, object?>;
                        else if (root.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object)
                            metadata = Http.PolytomicJson.ToPlain(ctx) as IReadOnlyDictionary<string, object?>;
                    }
                }
            }
            catch (JsonException) { /* not JSON: described below */ }

            var reason = r.ReasonPhrase ?? ((HttpStatusCode)status).ToString();
            var detail = apiMessage;
            if (string.IsNullOrWhiteSpace(detail))
                detail = body.Length == 0 ? "no error details were returned"
                    : $"the response was not Polytomic's JSON error ({r.Content?.Headers.ContentType?.MediaType ?? "unknown content type"})";
            return new PolytomicApiException(PolytomicErrorKind.Http,
                $"{method} {path} failed with {status} {reason}: {detail}", status, apiMessage, key, metadata, method, path, attempts);
        }

        private static string? StringProp(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }
    }

    /// <summary>A successful response, body unread.</summary>
    public sealed class ApiResponse
    {
        public ApiResponse(int status, byte[] body, Uri? location, string? contentType)
        {
            StatusCode = status; Body = body; Location = location; ContentType = contentType;
        }

        public int StatusCode { get; }
        public byte[] Body { get; }
        public Uri? Location { get; }
        public string? ContentType { get; }

        public T Read<T>(string method, string path)
        {
            try
            {
                if (Body.Length == 0) throw new JsonException("empty body");
                return JsonSerializer.Deserialize<T>(Body, Http.PolytomicJson.Options)
                       ?? throw new JsonException("null body");
            }
            catch (JsonException ex)
            {
                throw new PolytomicApiException(PolytomicErrorKind.InvalidResponse,
                    $"{method} {path} returned a body that is not the expected JSON: {ex.Message}",
                    StatusCode, method: method, path: path, inner: ex);
            }
        }
    }

    /// <summary>SecureString helpers: the plain text lives only as long as the caller needs it.</summary>
    public static class SecureStrings
    {
        public static string ToPlain(System.Security.SecureString s)
        {
            var ptr = Marshal.SecureStringToGlobalAllocUnicode(s);
            try { return Marshal.PtrToStringUni(ptr) ?? string.Empty; }
            finally { Marshal.ZeroFreeGlobalAllocUnicode(ptr); }
        }

        public static System.Security.SecureString FromPlain(string s)
        {
            var secure = new System.Security.SecureString();
            foreach (var c in s) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
