using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>The values a connection field may take (parameter_values), one object per field.</summary>
    public sealed class PolytomicParameterValues
    {
        public string? ConnectionId { get; set; }
        public string? ConnectionType { get; set; }
        public string Field { get; set; } = "";
        public bool AllowsCreation { get; set; }
        public List<PolytomicLabelValue> Values { get; set; } = new List<PolytomicLabelValue>();
        public override string ToString() => Field;
    }

    /// <summary>The wire shape of one parameter_values entry.</summary>
    public sealed class ParameterValuesEntry
    {
        public bool AllowsCreation { get; set; }
        public List<PolytomicLabelValue>? Values { get; set; }
    }

    public sealed class PolytomicLabelValue
    {
        public string? Label { get; set; }
        public object? Value { get; set; }
        public override string ToString() => Label ?? Value?.ToString() ?? "";
    }

    /// <summary>Body of POST /api/connection_types/{type}/parameter_values.</summary>
    public sealed class ParameterValuesRequest
    {
        public string? Field { get; set; }
        public IDictionary<string, object?>? Parameters { get; set; }
        public string? ConnectionId { get; set; }
        public string? Query { get; set; }
    }

    /// <summary>Body of POST /api/connections/connect/ (Polytomic Connect modal).</summary>
    public sealed class ConnectCardRequest
    {
        public string? Name { get; set; }
        public string? RedirectUrl { get; set; }
        public string? Type { get; set; }
        public List<string>? Whitelist { get; set; }
        public bool? Dark { get; set; }
        /// <summary>An existing connection to update through the modal.</summary>
        public string? Connection { get; set; }
        public string? OrganizationId { get; set; }
    }

    /// <summary>The Connect modal's URL and its one-time token.</summary>
    public sealed class PolytomicConnectUrl
    {
        public string? RedirectUrl { get; set; }
        public string? Token { get; set; }
        // What was asked for, filled in by the client (the API echoes none of it) so the output says what the URL is for.
        [JsonIgnore] public string? Name { get; set; }
        [JsonIgnore] public string? Type { get; set; }
        [JsonIgnore] public List<string>? AllowedTypes { get; set; }
        /// <summary>The existing connection the modal updates, if any.</summary>
        [JsonIgnore] public string? ConnectionId { get; set; }
        public override string ToString() => RedirectUrl ?? "";
    }

    /// <summary>Body of the share routes (2024-02-08 …/share, 2025-09-18 partner …/shared).</summary>
    public sealed class ShareConnectionRequest
    {
        public string? ChildOrganizationId { get; set; }
        public string? Name { get; set; }
    }

    public sealed class IdResponse
    {
        public string? Id { get; set; }
    }

    /// <summary>A target-creation property and its allowed values (…/targetobjects/properties/{property}).</summary>
    public sealed class PolytomicTargetProperty
    {
        [JsonIgnore] public string? ConnectionId { get; set; }
        public string? Id { get; set; }
        public string? Title { get; set; }
        public bool Enum { get; set; }
        public List<PolytomicLabelValue> Values { get; set; } = new List<PolytomicLabelValue>();
        public override string ToString() => Id ?? "";
    }

    /// <summary>What an enrichment connection needs (same shape as a model-sync source: drill down by requires_one_of).</summary>
    public sealed class PolytomicEnrichmentSource
    {
        [JsonIgnore] public string? ConnectionId { get; set; }
        public Dictionary<string, object?>? Configuration { get; set; }
        public Dictionary<string, object?>? Items { get; set; }
        public List<string>? RequiresOneOf { get; set; }
        public override string ToString() => RequiresOneOf == null || RequiresOneOf.Count == 0 ? "complete" : "requires " + string.Join(" or ", RequiresOneOf);
    }

    /// <summary>One valid set of input fields for an enrichment configuration.</summary>
    public sealed class PolytomicEnrichmentInputFieldSet
    {
        public string? ConnectionId { get; set; }
        /// <summary>1-based position among the valid sets Polytomic returned.</summary>
        public int Index { get; set; }
        /// <summary>The enrichment configuration these sets are valid for (as asked).</summary>
        public Dictionary<string, object?>? Configuration { get; set; }
        public List<string> Fields { get; set; } = new List<string>();
        public override string ToString() => string.Join(", ", Fields);
    }

    /// <summary>One user-defined field of a connection schema (POST …/schemas/{schema}/fields).</summary>
    public sealed class SchemaFieldInput
    {
        public string FieldId { get; set; } = "";
        public string Label { get; set; } = "";
        public string Type { get; set; } = "";
        public string? Path { get; set; }
        public object? Example { get; set; }
    }

    public sealed class SchemaFieldsRequest
    {
        public List<SchemaFieldInput> Fields { get; set; } = new List<SchemaFieldInput>();
    }

    public sealed class PrimaryKeyOverride
    {
        public string FieldId { get; set; } = "";
        public bool IsPrimaryKey { get; set; }
    }

    public sealed class PrimaryKeysRequest
    {
        public List<PrimaryKeyOverride> Fields { get; set; } = new List<PrimaryKeyOverride>();
    }

    /// <summary>One proxied call (2025-09-18). The proxy's JSON is camelCase.</summary>
    public sealed class ProxyCall
    {
        [JsonPropertyName("method")] public string Method { get; set; } = "GET";
        [JsonPropertyName("path")] public string Path { get; set; } = "/";
        [JsonPropertyName("query")] public IDictionary<string, object?>? Query { get; set; }
        [JsonPropertyName("rawQuery")] public string? RawQuery { get; set; }
        [JsonPropertyName("headers")] public IDictionary<string, string>? Headers { get; set; }
        [JsonPropertyName("body")] public object? Body { get; set; }
    }

    public sealed class ProxyRequest
    {
        [JsonPropertyName("request")] public ProxyCall Request { get; set; } = new ProxyCall();
    }

    /// <summary>What the upstream API answered through the proxy.</summary>
    public sealed class PolytomicProxyResponse
    {
        [JsonPropertyName("status")] public int Status { get; set; }
        [JsonPropertyName("headers")] public Dictionary<string, string>? Headers { get; set; }
        /// <summary>The upstream body as text (see ContentType).</summary>
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("contentType")] public string? ContentType { get; set; }
        [JsonPropertyName("latencyMs")] public long? LatencyMs { get; set; }
        /// <summary>True when the body was cut at the proxy's response limit.</summary>
        [JsonPropertyName("truncated")] public bool Truncated { get; set; }
        [JsonPropertyName("proxyCallId")] public string? ProxyCallId { get; set; }
        [JsonIgnore] public string? ConnectionId { get; set; }
        public override string ToString() => $"{Status} ({ContentType}, {LatencyMs} ms)";
    }

    /// <summary>How a connection's proxy is configured and used (GET …/proxy/info; camelCase).</summary>
    public sealed class PolytomicProxyInfo
    {
        [JsonPropertyName("connectionId")] public string? ConnectionId { get; set; }
        [JsonPropertyName("backendType")] public string? BackendType { get; set; }
        [JsonPropertyName("inheritedBase")] public Dictionary<string, object?>? InheritedBase { get; set; }
        [JsonPropertyName("mergeRules")] public Dictionary<string, object?>? MergeRules { get; set; }
        [JsonPropertyName("requestContract")] public Dictionary<string, object?>? RequestContract { get; set; }
        [JsonPropertyName("stats")] public Dictionary<string, object?>? Stats { get; set; }

        [JsonIgnore] public string? BaseUrl => InheritedBase != null && InheritedBase.TryGetValue("baseUrl", out var v) ? v as string : null;
        [JsonIgnore] public object? RateLimitPerMinute => RequestContract != null && RequestContract.TryGetValue("rateLimitPerMinute", out var v) ? v : null;

        public override string ToString() => $"{BackendType} proxy of {ConnectionId}";
    }
}

namespace Polytomic.Models
{
    /// <summary>A connection shared into a child organization (the share routes answer only the new id).</summary>
    public sealed class PolytomicSharedConnection
    {
        public string? Id { get; set; }
        public string? ParentConnectionId { get; set; }
        public string? ChildOrganizationId { get; set; }
        public string? Name { get; set; }
        public override string ToString() => Id ?? "";
    }
}
