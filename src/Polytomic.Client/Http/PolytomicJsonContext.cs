using System.Collections.Generic;
using System.Text.Json.Serialization;
using Polytomic.Models;

namespace Polytomic.Http
{
    /// <summary>Compile-time JSON metadata for what a cold runbook reads first, connections: building it by reflection
    /// was most of the first call's own cost (BENCHMARKS.md, real pwsh cold start). Every other type keeps the
    /// reflection-built metadata; both follow <see cref="PolytomicJson.Options"/> (its naming, converters and
    /// number handling apply at run time).</summary>
    [JsonSerializable(typeof(Envelope<PolytomicConnection>))]
    [JsonSerializable(typeof(Envelope<List<PolytomicConnection>>))]
    internal partial class PolytomicJsonContext : JsonSerializerContext
    {
    }
}
