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
        public override string ToString() => string.Join(", ", Emails);
    }
}
