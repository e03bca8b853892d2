using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>One schema (object, table, collection, file) of a connection, from its schema cache.</summary>
    public sealed class PolytomicConnectionSchema
    {
        [JsonIgnore] public string ConnectionId { get; set; } = "";
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public List<PolytomicConnectionSchemaField>? Fields { get; set; }
        [JsonIgnore] public string SchemaId => Id;
        public override string ToString() => Id;
    }

    public sealed class PolytomicConnectionSchemaField
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? RemoteType { get; set; }
        public bool? IsPrimaryKey { get; set; }
        public Dictionary<string, object?>? Association { get; set; }
        public override string ToString() => Id;
    }
}
