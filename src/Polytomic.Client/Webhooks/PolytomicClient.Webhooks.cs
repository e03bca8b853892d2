using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic
{
    /// <summary>Event webhooks and global error subscribers.</summary>
    public sealed partial class PolytomicClient
    {
        public Task<List<PolytomicWebhook>> ListWebhooksAsync(CancellationToken ct = default) =>
            GetDataAsync<List<PolytomicWebhook>>(ApiPath.Build("webhooks"), null, ct);

        public Task<PolytomicWebhook> GetWebhookAsync(string id, CancellationToken ct = default) =>
            GetDataAsync<PolytomicWebhook>(Webhook(id), null, ct);

        public Task<PolytomicWebhook> CreateWebhookAsync(WebhookRequest request, CancellationToken ct = default, string? idempotencyKey = null) =>
            SendDataAsync<PolytomicWebhook>(HttpMethod.Post, ApiPath.Build("webhooks"), null, request, ct, idempotencyKey);

        /// <summary>PUT needs both endpoint and secret: callers fill in what is not changing.</summary>
        public Task<PolytomicWebhook> UpdateWebhookAsync(string id, WebhookRequest request, CancellationToken ct = default) =>
            SendDataAsync<PolytomicWebhook>(HttpMethod.Put, Webhook(id), null, request, ct);

        public Task DeleteWebhookAsync(string id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, Webhook(id), null, null, ct);

        public Task<PolytomicWebhook> SetWebhookEnabledAsync(string id, bool enabled, CancellationToken ct = default) =>
            SendDataAsync<PolytomicWebhook>(HttpMethod.Post, Webhook(id) + (enabled ? "/enable" : "/disable"), null, null, ct);

        /// <summary>This route has no data envelope.</summary>
        public async Task<PolytomicErrorSubscribers> GetErrorSubscribersAsync(CancellationToken ct = default) =>
            Whose(await SendJsonAsync<PolytomicErrorSubscribers>(HttpMethod.Get, ApiPath.Build("notifications", "global-error-subscribers"), null, null, ct).ConfigureAwait(false));

        /// <summary>Replaces the whole list (no data envelope).</summary>
        public async Task<PolytomicErrorSubscribers> SetErrorSubscribersAsync(IEnumerable<string> emails, CancellationToken ct = default) =>
            Whose(await SendJsonAsync<PolytomicErrorSubscribers>(HttpMethod.Put, ApiPath.Build("notifications", "global-error-subscribers"), null,
                new PolytomicErrorSubscribers { Emails = new List<string>(emails) }, ct).ConfigureAwait(false));

        private PolytomicErrorSubscribers Whose(PolytomicErrorSubscribers list)
        {
            list.Deployment = Options.BaseUrl.Host;
            list.OrganizationId = Options.OrganizationId;
            return list;
        }

        private static string Webhook(string id) => ApiPath.Build("webhooks", ApiPath.Id(id, "webhook id"));
    }
}
