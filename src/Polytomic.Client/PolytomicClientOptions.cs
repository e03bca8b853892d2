using System;
using System.Net;
using System.Security;

namespace Polytomic
{
    /// <summary>How a client authenticates.</summary>
    public enum PolytomicAuthMode
    {
        /// <summary>Bearer user/organization API key.</summary>
        ApiKey,
        /// <summary>Bearer partner key (organization and user endpoints).</summary>
        PartnerKey,
        /// <summary>Basic organization-id:partner-key, scoped to one organization.</summary>
        OrganizationPartnerKey,
        /// <summary>Basic deployment key (self-hosted Polytomic): "key:" or, with an organization id, "org-id:key".</summary>
        DeploymentKey,
    }

    /// <summary>Everything a <see cref="PolytomicClient"/> needs. The key is kept as a SecureString and never printed.</summary>
    public sealed class PolytomicClientOptions
    {
        public const string DefaultBaseUrl = "https://app.polytomic.com";

        public Uri BaseUrl { get; set; } = new Uri(DefaultBaseUrl);
        public SecureString? ApiKey { get; set; }
        public PolytomicAuthMode AuthMode { get; set; } = PolytomicAuthMode.ApiKey;
        public string? OrganizationId { get; set; }
        public string ApiVersion { get; set; } = ApiVersions.Default;

        /// <summary>Appended to the User-Agent, e.g. "Core" or "Desktop".</summary>
        public string? UserAgentComment { get; set; }

        /// <summary>Timeout of one attempt; retries each get a fresh one.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Retries after the first attempt (Polytomic's SDKs use 2; runbooks prefer a little more).</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>First back-off delay; doubles per retry, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Cap on any single wait, including a server's Retry-After.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        public IWebProxy? Proxy { get; set; }

        /// <summary>Refuses, before anything is sent, every call that could change something (see Http.ReadOnlyRoutes).</summary>
        public bool ReadOnly { get; set; }

        /// <summary>Where each attempt is recorded: the in-memory history and, when it has a path, the trace file.
        /// Null: a new history with no file.</summary>
        public Http.RequestTrace? Trace { get; set; }

        public override string ToString() => $"{BaseUrl} ({ApiVersion})";
    }
}
