using System;

namespace Polytomic.Models
{
    /// <summary>Who created or changed an object (OutputActor).</summary>
    public sealed class PolytomicActor
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Type { get; set; }
        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
