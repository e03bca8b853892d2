using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>A connection to a warehouse, CRM, file store or API.</summary>
    public sealed class PolytomicConnection
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }

        /// <summary>The connection type id (snowflake, salesforce, …).</summary>
        [JsonIgnore] public string? Type => TypeInfo?.Id;

        [JsonPropertyName("type")] public ConnectionTypeRef? TypeInfo { get; set; }
        [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] // keeps the case-insensitive dictionary
        public Dictionary<string, object?> Configuration { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public string? Status { get; set; }
        public string? StatusError { get; set; }
        public string? OrganizationId { get; set; }
        public string? ParentConnectionId { get; set; }
        public List<string>? Policies { get; set; }
        public bool? Saved { get; set; }
        public string? HealthcheckInterval { get; set; }
        [JsonPropertyName("api_calls_last_24_hours")] public long? ApiCallsLast24Hours { get; set; }
        /// <summary>For OAuth types: the URL to open to finish authentication.</summary>
        public string? AuthUrl { get; set; }
        public string? AuthCode { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public PolytomicActor? CreatedBy { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public PolytomicActor? UpdatedBy { get; set; }

        /// <summary>Lets a connection bind to -ConnectionId parameters by property name.</summary>
        [JsonIgnore] public string ConnectionId => Id;

        public override string ToString() => Name ?? Id;
    }

    public sealed class ConnectionTypeRef
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? LogoUrl { get; set; }
        public List<string>? Operations { get; set; }
        public override string ToString() => Id ?? "";
    }

    /// <summary>A connection type from the catalogue (GET /api/connection_types).</summary>
    public sealed class PolytomicConnectionType
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? LogoUrl { get; set; }
        public bool UseOauth { get; set; }
        public ConnectionCapabilities? Capabilities { get; set; }
        public override string ToString() => Id;
    }

    public sealed class ConnectionCapabilities
    {
        public bool Source { get; set; }
        public bool Destination { get; set; }
        public bool Enrichment { get; set; }
        public bool Orchestration { get; set; }

        public override string ToString()
        {
            var parts = new List<string>();
            if (Source) parts.Add("source");
            if (Destination) parts.Add("destination");
            if (Enrichment) parts.Add("enrichment");
            if (Orchestration) parts.Add("orchestration");
            return string.Join(", ", parts);
        }
    }

    /// <summary>A connection type's configuration schema, read from its JSON Schema.</summary>
    public sealed class PolytomicConnectionTypeSchema
    {
        public string Type { get; set; } = "";
        public List<PolytomicConnectionTypeField> Fields { get; set; } = new List<PolytomicConnectionTypeField>();
        public IEnumerable<string> Required { get { foreach (var f in Fields) if (f.Required) yield return f.Name; } }

        /// <summary>The names of the fields the type marks secret, compared case-insensitively (a method, so that
        /// PowerShell's views of the schema do not show it).</summary>
        public HashSet<string> SecretFields() => new HashSet<string>(Fields.Where(f => f.Secret).Select(f => f.Name), StringComparer.OrdinalIgnoreCase);

        public override string ToString() => Type;
    }

    public sealed class PolytomicConnectionTypeField
    {
        public string ConnectionType { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Title { get; set; }
        public string? FieldType { get; set; }
        public bool Required { get; set; }
        public bool Secret { get; set; }
        public object? Default { get; set; }
        public string? Description { get; set; }
        public override string ToString() => Name;
    }

    /// <summary>The schema cache of a connection (GET …/schemas/status).</summary>
    public sealed class PolytomicSchemaStatus
    {
        [JsonIgnore] public string ConnectionId { get; set; } = "";
        /// <summary>"refreshing" while Polytomic reads the source's schemas, then e.g. "cached".</summary>
        [JsonConverter(typeof(Http.ScalarAsStringConverter))]
        public string? CacheStatus { get; set; }
        public DateTimeOffset? LastRefreshStarted { get; set; }
        public DateTimeOffset? LastRefreshFinished { get; set; }

        /// <summary>True once the cache holds schemas: not refreshing, and a refresh has finished after it started.</summary>
        [JsonIgnore]
        public bool IsReady =>
            !string.IsNullOrEmpty(CacheStatus)
            && Array.IndexOf(NotReady, CacheStatus!.ToLowerInvariant()) < 0
            && (LastRefreshStarted == null || LastRefreshFinished == null || LastRefreshFinished >= LastRefreshStarted);

        // Seed 004 describes the flag as becoming true; the SDK types it as a string: accept both.
        private static readonly string[] NotReady = { "refreshing", "pending", "queued", "false", "none" };

        public override string ToString() => CacheStatus ?? "";
    }

    /// <summary>Body of POST/PUT /api/connections.</summary>
    public sealed class ConnectionRequest
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public IDictionary<string, object?> Configuration { get; set; } = new Dictionary<string, object?>();
        public string? RedirectUrl { get; set; }
        public string? OrganizationId { get; set; }
        public List<string>? Policies { get; set; }
        public string? HealthcheckInterval { get; set; }
        public bool? Validate { get; set; }
        public bool? Reconnect { get; set; }
    }

    /// <summary>Body of POST /api/connections/test.</summary>
    public sealed class TestConnectionRequest
    {
        public string? Type { get; set; }
        public IDictionary<string, object?> Configuration { get; set; } = new Dictionary<string, object?>();
        public string? ConnectionId { get; set; }
    }

    /// <summary>The outcome of Test-PolytomicConnection.</summary>
    public sealed class PolytomicConnectionTestResult
    {
        public string? ConnectionId { get; set; }
        public string? Type { get; set; }
        public bool Success { get; set; }
        public string? Message { get; set; }
        public override string ToString() => Success ? "Success" : "Failed: " + Message;
    }
}
