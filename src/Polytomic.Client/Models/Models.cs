using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>A model: a view over a source (table, query, collection, file) whose fields syncs map.</summary>
    public sealed class PolytomicModel
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        /// <summary>The source connection's type (snowflake, mysql, …).</summary>
        public string? Type { get; set; }
        public string? ConnectionId { get; set; }
        [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] // keeps the case-insensitive dictionary
        public Dictionary<string, object?> Configuration { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public List<PolytomicModelField> Fields { get; set; } = new List<PolytomicModelField>();
        public string? Identifier { get; set; }
        public List<string>? TrackingColumns { get; set; }
        /// <summary>Labels as Polytomic returns them (objects in the SDK types, names in requests).</summary>
        public List<object?>? Labels { get; set; }
        public List<object?>? Relations { get; set; }
        public object? Enricher { get; set; }
        public List<string>? Policies { get; set; }
        public long? Version { get; set; }
        public string? OrganizationId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public PolytomicActor? CreatedBy { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public PolytomicActor? UpdatedBy { get; set; }

        /// <summary>Lets a model bind to -ModelId parameters by property name.</summary>
        [JsonIgnore] public string ModelId => Id;

        /// <summary>The name of the model's connection, for the table view; set by the module when it knows it.</summary>
        [JsonIgnore] public string? ConnectionName { get; set; }

        /// <summary>The field names, for display and for mapping.</summary>
        [JsonIgnore] public IEnumerable<string> FieldNames { get { foreach (var f in Fields) if (f.Name != null) yield return f.Name; } }

        public override string ToString() => Name ?? Id;
    }

    /// <summary>A field of a model or of a source (GET …/modelsync/source/fields).</summary>
    public sealed class PolytomicModelField
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Label { get; set; }
        public string? Type { get; set; }
        public string? RemoteType { get; set; }
        public string? Description { get; set; }
        public object? Example { get; set; }
        public bool? Unique { get; set; }
        public bool? UserAdded { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        /// <summary>The connection the field was read from (set for source fields).</summary>
        [JsonIgnore] public string? ConnectionId { get; set; }
        public override string ToString() => Name ?? Id ?? "";
    }

    /// <summary>Body of POST /api/models and PUT /api/models/{id} (property order = the seeds' key order).</summary>
    public sealed class ModelRequest
    {
        public string? Name { get; set; }
        public IDictionary<string, object?> Configuration { get; set; } = new Dictionary<string, object?>();
        public string? ConnectionId { get; set; }
        public List<string>? Fields { get; set; }
        public List<Dictionary<string, object?>>? AdditionalFields { get; set; }
        public string? Identifier { get; set; }
        public List<string>? TrackingColumns { get; set; }
        public List<string>? Labels { get; set; }
        public List<object?>? Relations { get; set; }
        public object? Enricher { get; set; }
        public List<string>? Policies { get; set; }
        public string? OrganizationId { get; set; }
        /// <summary>Update only: re-read the source's fields.</summary>
        public bool? Refresh { get; set; }
    }

    /// <summary>GET /api/models/{id}/sample.</summary>
    public sealed class ModelSample
    {
        /// <summary>Each record keyed by the model (or enricher) id it came from.</summary>
        public List<Dictionary<string, object?>> Records { get; set; } = new List<Dictionary<string, object?>>();
        public List<string>? Warnings { get; set; }
    }

    /// <summary>A level of a drill-down (GET …/modelsync/source, 2024-02-08 …/modelsync/target).</summary>
    public sealed class ConnectionMeta
    {
        public Dictionary<string, ConnectionMetaConfiguration>? Configuration { get; set; }
        public Dictionary<string, ConnectionMetaItem> Items { get; set; } = new Dictionary<string, ConnectionMetaItem>();
        public List<string>? RequiresOneOf { get; set; }
    }

    public sealed class ConnectionMetaConfiguration
    {
        public string? Type { get; set; }
        public List<object?>? Items { get; set; }
    }

    public sealed class ConnectionMetaItem
    {
        public bool HasItems { get; set; }
        public List<object?>? Items { get; set; }
        public List<string>? RequiresOneOf { get; set; }
    }

    /// <summary>One choice offered by the source drill-down: a key (table, schema, collection, query…), a value
    /// (null for free text such as a query) and the parameters that lead to it.</summary>
    public sealed class PolytomicSourceOption
    {
        public string ConnectionId { get; set; } = "";
        public string Key { get; set; } = "";
        public string? Value { get; set; }
        /// <summary>The keys to choose next below this value; empty at a leaf.</summary>
        public List<string> RequiresOneOf { get; set; } = new List<string>();
        public bool IsLeaf => RequiresOneOf.Count == 0;
        /// <summary>The parameters chosen so far including this one: a model's configuration at a leaf, and what
        /// -Parameter takes to drill further.</summary>
        [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] // keeps the case-insensitive dictionary
        public Dictionary<string, object?> ModelConfiguration { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public override string ToString() => Value == null ? Key + " (free text)" : Key + "=" + Value;
    }

    /// <summary>One choice of the 2024-02-08 target drill-down (…/modelsync/target?type=&amp;search=).</summary>
    public sealed class PolytomicTargetOption
    {
        public string ConnectionId { get; set; } = "";
        public string Key { get; set; } = "";
        public string? Value { get; set; }
        public List<string> RequiresOneOf { get; set; } = new List<string>();
        public bool IsLeaf => RequiresOneOf.Count == 0;
        /// <summary>At a leaf, the target object id a sync's -Object takes.</summary>
        public string? TargetObject => IsLeaf ? Value : null;
        public override string ToString() => Key + "=" + Value;
    }

    /// <summary>A sync target object (GET …/modelsync/targetobjects).</summary>
    public sealed class PolytomicTargetObject
    {
        [JsonIgnore] public string ConnectionId { get; set; } = "";
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public List<PolytomicSupportedMode> Modes { get; set; } = new List<PolytomicSupportedMode>();
        /// <summary>Binds to -Object of Get-PolytomicTargetField and New-PolytomicSync.</summary>
        [JsonIgnore] public string TargetObject => Id;
        public override string ToString() => Name ?? Id;
    }

    public sealed class PolytomicSupportedMode
    {
        public string? Id { get; set; }
        public bool RequiresIdentity { get; set; }
        public bool SupportsPerFieldMode { get; set; }
        public bool SupportsTargetFilters { get; set; }
        public override string ToString() => Id ?? "";
    }

    public sealed class TargetObjectList
    {
        public List<PolytomicTargetObject> Data { get; set; } = new List<PolytomicTargetObject>();
        public Dictionary<string, object?>? TargetCreation { get; set; }
    }

    /// <summary>GET …/modelsync/target/fields: a target object's fields, modes and properties.</summary>
    public sealed class TargetFieldsResponse
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? RefreshedAt { get; set; }
        public List<PolytomicTargetField> Fields { get; set; } = new List<PolytomicTargetField>();
        public List<PolytomicTargetMode> Modes { get; set; } = new List<PolytomicTargetMode>();
        public Dictionary<string, object?>? Properties { get; set; }
    }

    /// <summary>A field of a sync target object, with the identity functions it supports.</summary>
    public sealed class PolytomicTargetField
    {
        [JsonIgnore] public string ConnectionId { get; set; } = "";
        [JsonIgnore] public string TargetObject { get; set; } = "";
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? SourceType { get; set; }
        public string? Description { get; set; }
        public bool Required { get; set; }
        public bool Createable { get; set; }
        public bool Updateable { get; set; }
        public bool Filterable { get; set; }
        public bool Encryptable { get; set; }
        public bool Association { get; set; }
        public bool SupportsIdentity { get; set; }
        public List<IdentityFunction> IdentityFunctions { get; set; } = new List<IdentityFunction>();
        public override string ToString() => Id;
    }

    public sealed class IdentityFunction
    {
        public string? Id { get; set; }
        public string? Label { get; set; }
        public override string ToString() => Id ?? "";
    }

    /// <summary>A sync mode a target object supports (from …/target/fields).</summary>
    public sealed class PolytomicTargetMode
    {
        [JsonIgnore] public string ConnectionId { get; set; } = "";
        [JsonIgnore] public string TargetObject { get; set; } = "";
        public string? Mode { get; set; }
        public string? Label { get; set; }
        public string? Description { get; set; }
        public bool RequiresIdentity { get; set; }
        public bool SupportsFieldSyncMode { get; set; }
        public bool SupportsTargetFilters { get; set; }
        public override string ToString() => Mode ?? "";
    }
}
