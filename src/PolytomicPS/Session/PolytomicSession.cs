using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS
{
    /// <summary>A connection to one Polytomic account: base URL, API version, credentials and the one HttpClient of
    /// this session. The key is held only inside the client; nothing public exposes it.</summary>
    public sealed class PolytomicSession : IDisposable
    {
        private readonly SharedCache<PolytomicConnectionTypeSchema> typeSchemas;

        internal PolytomicSession(PolytomicClientOptions options, string keyHint)
        {
            Client = new PolytomicClient(options);
            MaskedKey = keyHint;
            ConnectedAt = DateTimeOffset.Now;
            typeSchemas = new SharedCache<PolytomicConnectionTypeSchema>(Client.GetConnectionTypeSchemaAsync, StringComparer.OrdinalIgnoreCase);
            Client.Trace.ErrorIdOf = ErrorFactory.AttemptErrorId;
            // Only schemas already read: the trace never sends a request of its own, and an unknown type masks everything.
            Client.Trace.BodyMasker = (method, path, body) => Polytomic.Http.TraceMask.Mask(body, type =>
                typeSchemas.TryGetCompleted(type, out var schema) ? schema.SecretFields() : null);
            SessionStore.Add(this);
        }

        public Uri BaseUrl => Client.Options.BaseUrl;
        public string ApiVersion => Client.ApiVersion;
        public PolytomicAuthMode AuthMode => Client.Options.AuthMode;
        /// <summary>The organization the session acts in: the one it was scoped to (-OrganizationId), else the key's own
        /// once the session has read it (Connect-Polytomic -Verbose, Get-PolytomicIdentity); null until then.</summary>
        public string? OrganizationId => Client.Options.OrganizationId ?? learnedOrganizationId;
        /// <summary>The organization's name, once the session has read who its key belongs to.</summary>
        public string? OrganizationName { get; private set; }
        /// <summary>Which organization the session points at, for its view: name and id when known.</summary>
        public string Organization =>
            OrganizationName != null ? $"{OrganizationName} ({OrganizationId})" : OrganizationId ?? (AuthMode == PolytomicAuthMode.PartnerKey ? "(partner: all)" : "(the key's own)");
        /// <summary>True while this session is the runspace's default (Connect-Polytomic without -NoDefault).</summary>
        public bool IsDefault => ReferenceEquals(SessionStore.Current, this);
        /// <summary>The last characters of the key, enough to tell two keys apart.</summary>
        public string MaskedKey { get; }
        public DateTimeOffset ConnectedAt { get; }
        /// <summary>The profile this session was made from (Connect-Polytomic -Profile), or null.</summary>
        public string? ProfileName { get; internal set; }
        /// <summary>True when the session refuses every change (Connect-Polytomic -ReadOnly, or a read-only profile).</summary>
        public bool ReadOnly => Client.Options.ReadOnly;
        /// <summary>The file each attempt is appended to (-TracePath, POLYTOMICPS_TRACE_PATH), or null.</summary>
        public string? TracePath => Client.Trace.Path;
        public bool IsDisposed { get; private set; }

        internal PolytomicClient Client { get; }

        private string? learnedOrganizationId;

        /// <summary>Remembers the organization /api/me named, for the view and Connect-Polytomic's note.</summary>
        internal void Learn(PolytomicIdentity me)
        {
            if (me.OrganizationId == null || (Client.Options.OrganizationId != null && me.OrganizationId != Client.Options.OrganizationId)) return;
            learnedOrganizationId = me.OrganizationId;
            OrganizationName = me.OrganizationName;
        }

        /// <summary>Short-lived lists used by argument completers, so Tab never costs a call per keystroke.</summary>
        internal CompletionCache Completion { get; } = new CompletionCache();

        /// <summary>Connection-type schemas rarely change: read each once per session. The caller's token ends its
        /// wait at once; a failed read is not kept.</summary>
        internal Task<PolytomicConnectionTypeSchema> GetTypeSchemaAsync(string type, CancellationToken ct) =>
            typeSchemas.GetAsync(type, ct);

        internal static string Mask(string key) =>
            key.Length >= 16 ? "********" + key.Substring(key.Length - 4) : "********";

        public void Dispose()
        {
            IsDisposed = true;
            typeSchemas.Dispose();
            Client.Dispose();
        }

        public override string ToString() => $"Polytomic {BaseUrl} ({ApiVersion}, key {MaskedKey}, organization {Organization})";
    }
}
