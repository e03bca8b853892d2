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
}
