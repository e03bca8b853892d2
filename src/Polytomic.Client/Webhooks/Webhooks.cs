using System;
using System.Collections.Generic;
using System.Security;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>The organization's event webhook. The signing secret is a SecureString and never printed.</summary>
    public sealed class PolytomicWebhook
    {
        public string Id { get; set; } = "";
        public string? OrganizationId { get; set; }
        public string? Endpoint { get; set; }
        [JsonConverter(typeof(Http.SecureStringConverter))]
        public SecureString? Secret { get; set; }
        public bool Disabled { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        [JsonIgnore] public string WebhookId => Id;
        public override string ToString() => Endpoint ?? Id;
    }

    public sealed class WebhookRequest
    {
        public string? Endpoint { get; set; }
        [JsonConverter(typeof(Http.SecureStringConverter))]
        public SecureString? Secret { get; set; }
        public string? OrganizationId { get; set; }
    }

    /// <summary>Who is emailed when any sync fails (no data envelope on this route).</summary>
    public sealed class PolytomicErrorSubscribers
    {
        public List<string> Emails { get; set; } = new List<string>();
        // Filled in by the client: whose list this is, when several sessions are in use (never sent on PUT).
        /// <summary>The Polytomic host the list was read from.</summary>
        [JsonIgnore] public string? Deployment { get; set; }
        /// <summary>The organization a partner session acts in; empty for a user or organization key (its own organization).</summary>
        [JsonIgnore] public string? OrganizationId { get; set; }
        public override string ToString() => string.Join(", ", Emails);
    }
}
