using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Polytomic.Sandbox
{
    /// <summary>Delivers each organization's sync.* and bulk_sync.* events to its event webhook, as Polytomic does: a POST of
    /// {"type", "event"} signed with the webhook's secret in the Polytomic-Signature header (HMAC-SHA256 of the body,
    /// lowercase hex), at most once per event; a non-2xx answer is retried up to five times with exponential back-off.
    /// Only events emitted after the webhook was created are sent, and only to loopback endpoints: the sandbox never
    /// posts off the machine.</summary>
    public sealed class WebhookDeliveries : IAsyncDisposable
    {
        public const string SignatureHeader = "Polytomic-Signature";
        private const int MaxRetries = 5;

        private readonly SandboxState state;
        private readonly HttpClient http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        private readonly CancellationTokenSource stop = new CancellationTokenSource();
        private readonly Task loop;
        /// <summary>webhook id + event id → attempts so far and when the next may go (delivered: int.MaxValue).</summary>
        private readonly ConcurrentDictionary<string, (int Attempts, DateTimeOffset NextAt)> sent =
            new ConcurrentDictionary<string, (int, DateTimeOffset)>(StringComparer.Ordinal);

        public WebhookDeliveries(SandboxState state, TimeSpan? tick = null)
        {
            this.state = state;
            var every = tick ?? TimeSpan.FromMilliseconds(250);
            loop = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try { await DeliverDueAsync(stop.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
                    catch (Exception) { /* one bad tick must not end deliveries; the next tick tries again */ }
                    try { await Task.Delay(every, stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { break; }
                }
            });
        }

        /// <summary>Deliveries that reached a 2xx answer (for tests).</summary>
        public int Delivered => sent.Values.Count(v => v.Attempts == int.MaxValue);

        /// <summary>The signature Polytomic-Signature carries for this body and secret.</summary>
        public static string Sign(byte[] body, string secret)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
            return Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant();
        }

        private async Task DeliverDueAsync(CancellationToken ct)
        {
            var hooks = state.Store(Routes.WebhookRoutes.Webhooks).AllOrganizations();
            foreach (var hook in hooks)
            {
                if ((bool?)hook["disabled"] == true) continue;
                if (!Uri.TryCreate((string?)hook["endpoint"], UriKind.Absolute, out var endpoint) || !IsLoopback(endpoint)) continue;
                var org = (string?)hook["organization_id"] ?? state.OrganizationId;
                var created = DateTimeOffset.TryParse((string?)hook["created_at"], out var c) ? c : state.Clock.Now;
                // The events are read in the webhook's organization, on a flow of its own (the scope is async-local).
                var events = await Task.Run(() =>
                {
                    state.EnterOrganization(new SandboxCaller { Kind = CallerKind.User, OrganizationId = org });
                    return Routes.EventRoutes.EventsSince(state, created);
                }, ct).ConfigureAwait(false);
                foreach (var (_, e) in events)
                {
                    var key = (string)hook["id"]! + "/" + (string)e["id"]!;
                    var now = DateTimeOffset.UtcNow;
                    if (sent.TryGetValue(key, out var s) && (s.Attempts == int.MaxValue || s.Attempts > MaxRetries || s.NextAt > now)) continue;
                    var attempts = s.Attempts + 1;
                    var body = Encoding.UTF8.GetBytes(new JsonObject { ["type"] = e["type"]!.DeepClone(), ["event"] = e["event"]!.DeepClone() }.ToJsonString());
                    var ok = await PostAsync(endpoint, body, (string?)hook["secret"] ?? "", ct).ConfigureAwait(false);
                    sent[key] = ok ? (int.MaxValue, now) : (attempts, now + TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempts)));
                }
            }
        }

        private async Task<bool> PostAsync(Uri endpoint, byte[] body, string secret, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(body, secret));
            request.Headers.UserAgent.ParseAdd("Polytomic-Sandbox");
            try
            {
                using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
                return (int)response.StatusCode >= 200 && (int)response.StatusCode < 300;
            }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return false; }
        }

        private static bool IsLoopback(Uri u) =>
            u.IsLoopback || (IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

        public async ValueTask DisposeAsync()
        {
            stop.Cancel();
            try { await loop.ConfigureAwait(false); } catch (OperationCanceledException) { }
            http.Dispose();
            stop.Dispose();
        }
    }
}
