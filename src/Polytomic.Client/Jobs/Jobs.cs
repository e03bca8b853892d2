using System;

namespace Polytomic.Models
{
    /// <summary>An asynchronous job (model creation, log export).</summary>
    public sealed class PolytomicJob
    {
        public string? JobId { get; set; }
        public string? Type { get; set; }
        public string? Status { get; set; }
        public object? Result { get; set; }
        public string? Error { get; set; }
        public override string ToString() => $"{Type}/{JobId} ({Status})";
    }

    /// <summary>A job's result: a dictionary (Result['id'] works) that reads as its values, "name: Active Users; id: …",
    /// where a plain dictionary would print its type name.</summary>
    public sealed class PolytomicJobResult : System.Collections.Generic.Dictionary<string, object?>
    {
        public PolytomicJobResult(System.Collections.Generic.IDictionary<string, object?> values) : base(values, StringComparer.OrdinalIgnoreCase) { }

        public override string ToString()
        {
            var parts = new System.Collections.Generic.List<string>();
            foreach (var key in new[] { "name", "id", "url" })
                if (TryGetValue(key, out var v) && v != null && !(v is System.Collections.IEnumerable && !(v is string))) parts.Add($"{key}: {v}");
            foreach (var kv in this)
                if (parts.Count < 4 && System.Array.IndexOf(new[] { "name", "id", "url" }, kv.Key.ToLowerInvariant()) < 0 && kv.Value != null
                    && !(kv.Value is System.Collections.IEnumerable && !(kv.Value is string)))
                    parts.Add($"{kv.Key}: {kv.Value}");
            return parts.Count == 0 ? $"{Count} value(s)" : string.Join("; ", parts);
        }
    }
}
