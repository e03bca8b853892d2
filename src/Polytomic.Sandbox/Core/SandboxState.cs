using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace Polytomic.Sandbox
{
    /// <summary>A request as the sandbox received it; tests assert on these (exact bodies, headers, counts).</summary>
    public sealed class RecordedRequest
    {
        public string Method { get; init; } = "";
        public string Path { get; init; } = "";
        public string Query { get; init; } = "";
        public string? Version { get; init; }
        public string? IdempotencyKey { get; init; }
        public string? UserAgent { get; init; }
        public string Body { get; init; } = "";
        public int Status { get; set; }
        public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
        public override string ToString() => $"{Method} {Path}{Query} -> {Status}";
    }

    /// <summary>A clock tests can move forward, so time-driven behaviour (schema cache, executions) is deterministic.</summary>
    public sealed class SandboxClock
    {
        private long offsetTicks;
        public DateTimeOffset Now => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref offsetTicks));
        public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
        public string Stamp() => Now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
    }

    /// <summary>Everything the sandbox knows. Public so in-process tests can read and steer it.</summary>
    public sealed class SandboxState
    {
        public SandboxState(SandboxOptions options)
        {
            Options = options;
            ApiKey = options.ApiKey;
            PartnerKey = options.PartnerKey;
            DeploymentKey = options.DeploymentKey;
            SchemaCacheDelay = options.SchemaCacheDelay;
            if (options.RunTime is TimeSpan run)
            {
                SyncRuns.QueuedAfter = TimeSpan.FromTicks(run.Ticks / 10);
                SyncRuns.StartsAfter = TimeSpan.FromTicks(run.Ticks / 4);
                SyncRuns.RunsFor = run;
                BulkSyncRuns.QueuedFor = TimeSpan.FromTicks(run.Ticks / 4);
                BulkSyncRuns.RunsFor = run;
            }
            if (options.ContractFolder != null) Contract = Polytomic.Sandbox.Contract.ContractCheck.Load(options.ContractFolder);
        }

        public SandboxOptions Options { get; }
        public string ApiKey { get; set; }
        public string PartnerKey { get; set; }
        public string DeploymentKey { get; set; }

        /// <summary>API keys minted through POST /api/organizations/{org}/users/{id}/keys: key → its user.</summary>
        public ConcurrentDictionary<string, (string UserId, string OrganizationId)> MintedKeys { get; } =
            new ConcurrentDictionary<string, (string, string)>(StringComparer.Ordinal);
        public TimeSpan SchemaCacheDelay { get; set; }
        public SandboxClock Clock { get; } = new SandboxClock();
        public FaultPlan Faults { get; } = new FaultPlan();

        /// <summary>When set, every JSON answer of a route is checked against Polytomic's published shapes.</summary>
        public Polytomic.Sandbox.Contract.ContractCheck? Contract { get; set; }

        /// <summary>Requests per second allowed before 429 (null: no limit), like a per-key rate limit.</summary>
        public RateLimiter RateLimit { get; } = new RateLimiter();

        public ResourceStore Connections => Store("connections");

        /// <summary>Model-sync executions, indexed per sync (Core/SyncRuns.cs); Seed makes thousands at once.</summary>
        public SyncRuns SyncRuns { get; } = new SyncRuns();

        /// <summary>Bulk-sync executions (Core/BulkSyncRun.cs), and how long new ones take (Core/BulkSyncRuns.cs).</summary>
        public BulkSyncRuns BulkSyncRuns { get; } = new BulkSyncRuns();

        /// <summary>Seeds count finished runs of a model sync (every tenth failed), ending now: 20,000 take milliseconds.</summary>
        public List<SyncRun> SeedSyncExecutions(string syncId, int count, TimeSpan? spacing = null) => SyncRuns.Seed(this, syncId, count, spacing);

        /// <summary>Stores of later areas, by name, so route modules add their own without touching this class.</summary>
        private readonly ConcurrentDictionary<string, ResourceStore> stores = new ConcurrentDictionary<string, ResourceStore>();
        public ResourceStore Store(string name) =>
            stores.GetOrAdd(name, n => Unscoped.Contains(n) ? new ResourceStore() : new ResourceStore(() => CurrentOrganization));

        /// <summary>Stores every caller sees whole: organizations, and users (their routes filter by organization_id).</summary>
        private static readonly HashSet<string> Unscoped = new HashSet<string>(StringComparer.Ordinal) { "organizations", "users" };

        /// <summary>Who sent the request being handled (set by the server once the caller is known).</summary>
        private readonly AsyncLocal<SandboxCaller?> scope = new AsyncLocal<SandboxCaller?>();

        /// <summary>The organization whose objects the current request sees; outside a request, the sandbox's own.</summary>
        public string CurrentOrganization => scope.Value?.OrganizationId ?? OrganizationId;

        internal void EnterOrganization(SandboxCaller caller) => scope.Value = caller;

        /// <summary>The organization a created object belongs to. organization_id in a body is "only used by partner
        /// callers; normal callers always create in their own organization": a user key's is ignored, an
        /// organization-scoped partner key may name only its own, a deployment key any existing one.</summary>
        public string OrganizationFor(JsonObject body)
        {
            var caller = scope.Value;
            var own = CurrentOrganization;
            var named = body["organization_id"] is JsonValue v && v.TryGetValue<string>(out var o) && o.Length > 0 ? o : null;
            if (named == null || named == own || caller == null || caller.Kind == CallerKind.User) return own;
            if (caller.Kind != CallerKind.System) throw new ApiError(403, "this organization-scoped key cannot act on other organizations", "forbidden");
            Routes.IdentityRoutes.FindOrg(this, named);
            return named;
        }

        /// <summary>Drops every object of a deleted organization, and the keys minted for it.</summary>
        public void ForgetOrganization(string organizationId)
        {
            foreach (var kv in stores)
            {
                if (Unscoped.Contains(kv.Key)) continue;
                if (kv.Key == "syncs") foreach (var sync in kv.Value.In(organizationId).All()) SyncRuns.RemoveSync((string)sync["id"]!);
                if (kv.Key == Routes.BulkSyncData.SyncStore) foreach (var sync in kv.Value.In(organizationId).All()) BulkSyncRuns.RemoveSync((string)sync["id"]!);
                kv.Value.In(organizationId).Clear();
            }
            foreach (var k in MintedKeys.Where(kv => kv.Value.OrganizationId == organizationId).Select(kv => kv.Key).ToList()) MintedKeys.TryRemove(k, out _);
        }

        public ConcurrentQueue<RecordedRequest> Requests { get; } = new ConcurrentQueue<RecordedRequest>();
        public IdempotencyCache Idempotency { get; } = new IdempotencyCache();

        public IEnumerable<RecordedRequest> RequestsTo(string method, string pathPrefix) =>
            Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

        /// <summary>The identity behind the key, for created_by/updated_by.</summary>
        public JsonObject Actor() => new JsonObject { ["id"] = UserId, ["name"] = "Sandbox User", ["type"] = "user" };

        public string UserId { get; } = "0b7a6a56-0c55-4d7b-9c1f-3d2b6f4f1a01";
        public string OrganizationId { get; } = "4c3d2e1f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

        public static string NewId() => Guid.NewGuid().ToString();

        /// <summary>The id partner callers act as.</summary>
        public string PartnerId { get; } = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    }

    public enum CallerKind { User, Partner, Organization, System }

    /// <summary>Who a request authenticated as: a user API key, a partner key (Bearer), a partner key
    /// scoped to one organization (Basic org-id:key) or a deployment key.</summary>
    public sealed class SandboxCaller
    {
        public CallerKind Kind { get; init; }
        public string OrganizationId { get; init; } = "";
        public string? UserId { get; init; }
        /// <summary>Partner keys (Bearer or org-scoped) and the system may use the partner routes.</summary>
        public bool IsPartner => Kind != CallerKind.User;
    }
}
