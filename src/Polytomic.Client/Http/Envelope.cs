using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Polytomic.Http
{
    /// <summary>Polytomic's response wrapper: {"data": …} plus, on some routes, paging, links and a job.</summary>
    public sealed class Envelope<T>
    {
        public T? Data { get; set; }
        public Pagination? Pagination { get; set; }
        public Links? Links { get; set; }
        public Models.PolytomicJob? Job { get; set; }
    }

    public sealed class Pagination
    {
        public string? NextPageToken { get; set; }
    }

    public sealed class Links
    {
        public string? Next { get; set; }
        public string? Previous { get; set; }
    }

    /// <summary>One page of a list and the token for the next one (null at the end).</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? next) { Items = items; NextPageToken = next; }
        public IReadOnlyList<T> Items { get; }
        public string? NextPageToken { get; }
    }
}
