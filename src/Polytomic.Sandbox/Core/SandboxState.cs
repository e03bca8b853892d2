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

        public ResourceStore Connections { get; } = new ResourceStore();

        /// <summary>Model-sync executions, indexed per sync (Core/SyncRuns.cs); Seed makes thousands at once.</summary>
        public SyncRuns SyncRuns { get; } = new SyncRuns();

        /// <summary>How bulk-sync runs move through their states (Core/BulkSyncRuns.cs).</summary>
        public BulkSyncRuns BulkSyncRuns { get; } = new BulkSyncRuns();

        /// <summary>Seeds count finished runs of a model sync (every tenth failed), ending now: 20,000 take milliseconds.</summary>
        public List<SyncRun> SeedSyncExecutions(string syncId, int count, TimeSpan? spacing = null) => SyncRuns.Seed(this, syncId, count, spacing);

        /// <summary>Stores of later areas, by name, so route modules add their own without touching this class.</summary>
        private readonly ConcurrentDictionary<string, ResourceStore> stores = new ConcurrentDictionary<string, ResourceStore>();
        public ResourceStore Store(string name) => stores.GetOrAdd(name, _ => new ResourceStore());

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
