using System;
using System.Collections.Generic;

namespace Polytomic.Models
{
    /// <summary>A query run on a connection and one page of its results.</summary>
    public sealed class PolytomicQueryResult
    {
        public string Id { get; set; } = "";
        /// <summary>created, running, done or failed.</summary>
        public string? Status { get; set; }
        public List<string>? Fields { get; set; }
        public List<Dictionary<string, object?>>? Results { get; set; }
        public long? Count { get; set; }
        public DateTimeOffset? Expires { get; set; }
        public string? Error { get; set; }

        public bool IsFinished => Status == "done" || Status == "failed";
        public override string ToString() => $"{Id} ({Status})";
    }
}
