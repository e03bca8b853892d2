using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polytomic.Http
{
    /// <summary>Polytomic's response wrapper: {"data": …} plus, on some routes, links and a job. A list's pagination
    /// is read by <see cref="Page{T}.Read"/> itself, before the items.</summary>
    public sealed class Envelope<T>
    {
        public T? Data { get; set; }
        public Links? Links { get; set; }
        public Models.PolytomicJob? Job { get; set; }
    }

    public sealed class Links
    {
        public string? Next { get; set; }
        public string? Previous { get; set; }
    }

    /// <summary>One page of a list and the token for the next one (null at the end).</summary>
    public sealed class Page<T>
    {
        private static readonly byte[] PaginationName = System.Text.Encoding.UTF8.GetBytes("\"pagination\"");

        private Func<IReadOnlyList<T>>? materialize;
        private IReadOnlyList<T>? items;
        private readonly int? count;
        // The bytes that hold the page's items (for Fingerprint); none for a page built from items.
        private byte[]? body;
        private int itemsStart, itemsLength;

        public Page(IReadOnlyList<T> items, string? next) { this.items = items; count = items.Count; NextPageToken = next; }

        private Page(int? count, string? next, Func<IReadOnlyList<T>> materialize)
        {
            this.count = count; NextPageToken = next; this.materialize = materialize;
        }

        /// <summary>The items; a page read by <see cref="Read"/> converts them on first use, on the reader's thread.</summary>
        public IReadOnlyList<T> Items
        {
            get
            {
                if (items == null) { items = materialize!(); materialize = null; }
                return items;
            }
        }

        /// <summary>The number of items (converting them, unless the page's scan already counted them).</summary>
        public int Count => count ?? Items.Count;

        public string? NextPageToken { get; }

        /// <summary>Whether the page is known to hold no item (without converting them).</summary>
        public bool KnownEmpty => count == 0 || (items != null && items.Count == 0);

        /// <summary>A hash of the bytes that hold the items (null for a page built from items): two pages with the same
        /// fingerprint brought the same items. Computed on first use, only by a list that goes on.</summary>
        public ulong? Fingerprint
        {
            get
            {
                if (body == null) return null;
                var hash = 14695981039346656037UL; // FNV-1a
                for (int i = itemsStart, end = itemsStart + itemsLength; i < end; i++) hash = (hash ^ body[i]) * 1099511628211UL;
                return hash;
            }
        }

        private Page<T> Over(byte[] bytes, int start, int length)
        {
            body = bytes; itemsStart = start; itemsLength = length;
            return this;
        }

        /// <summary>Reads a list envelope ({"data": [...], "pagination": {"next_page_token": ...}}) so that the next token is
        /// known before the items are converted (the slow part): the caller can ask for the next page meanwhile. Polytomic
        /// puts pagination last, where it is found without reading the items; otherwise one pass tokenizes them to find
        /// it (and counts them). <paramref name="each"/> maps every item when it is converted.</summary>
        public static Page<T> Read(ApiResponse response, string method, string path, bool paged, Func<T, T>? each = null)
        {
            var body = response.Body;
            if (TryTrailingToken(body, out var trailing, out var itemsEnd))
                return new Page<T>(null, paged ? trailing : null, () => Convert(ReadEnvelope(body)?.Data)).Over(body, 0, itemsEnd);
            int start = -1, length = 0, count = 0;
            string? next = null;
            try
            {
                var reader = new Utf8JsonReader(body);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not a JSON object");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isData = reader.ValueTextEquals("data");
                    var isPagination = !isData && reader.ValueTextEquals("pagination");
                    reader.Read();
                    if (isData && reader.TokenType == JsonTokenType.StartArray)
                    {
                        start = (int)reader.TokenStartIndex;
                        var depth = reader.CurrentDepth;
                        while (reader.Read() && reader.CurrentDepth > depth)
                        {
                            if (reader.CurrentDepth == depth + 1 && reader.TokenType != JsonTokenType.EndObject && reader.TokenType != JsonTokenType.EndArray) count++;
                        }
                        length = (int)reader.BytesConsumed - start;
                    }
                    else if (isPagination && reader.TokenType == JsonTokenType.StartObject) next = ReadNextToken(ref reader);
                    else reader.Skip();
                }
            }
            catch (JsonException ex)
            {
                throw Invalid(ex);
            }
            if (!paged) next = null;
            if (start < 0) return new Page<T>(Array.Empty<T>(), next);
            return new Page<T>(count, next, () =>
            {
                try { return Convert(JsonSerializer.Deserialize<List<T>>(new ReadOnlySpan<byte>(body, start, length), PolytomicJson.Options)); }
                catch (JsonException ex) { throw Invalid(ex); }
            }).Over(body, start, length);

            Envelope<List<T>>? ReadEnvelope(byte[] json)
            {
                try { return JsonSerializer.Deserialize<Envelope<List<T>>>(json, PolytomicJson.Options); }
                catch (JsonException ex) { throw Invalid(ex); }
            }

            IReadOnlyList<T> Convert(List<T>? list)
            {
                list ??= new List<T>();
                if (each != null) for (int i = 0; i < list.Count; i++) list[i] = each(list[i]);
                return list;
            }

            PolytomicApiException Invalid(JsonException ex) => new PolytomicApiException(PolytomicErrorKind.InvalidResponse,
                $"{method} {path} returned a body that is not the expected JSON: {ex.Message}", response.StatusCode, method: method, path: path, inner: ex);
        }

        /// <summary>The next token when "pagination" is the envelope's last property (or absent altogether), read from
        /// the end of the body without touching the items. The bytes "pagination" followed by a colon can only be a
        /// property name (a quote inside a JSON string is escaped), and only the envelope's own last property is followed
        /// by nothing but the envelope's closing brace; anything else is left to the full scan.</summary>
        private static bool TryTrailingToken(byte[] body, out string? next, out int itemsEnd)
        {
            next = null;
            var span = new ReadOnlySpan<byte>(body);
            var end = span.Length;
            itemsEnd = end;
            while (end > 0 && IsSpace(span[end - 1])) end--;
            if (end == 0 || span[end - 1] != (byte)'}' || span[0] != (byte)'{') return false;
            var at = span.Slice(0, end).LastIndexOf(PaginationName);
            if (at < 0) return true; // no pagination anywhere: the list has no next page
            itemsEnd = at; // what comes before the pagination holds the items
            var i = at + PaginationName.Length;
            while (i < end && IsSpace(span[i])) i++;
            if (i >= end || span[i] != (byte)':') return false;
            i++;
            while (i < end && IsSpace(span[i])) i++;
            // The value, then only the envelope's closing brace.
            var tail = span.Slice(i, end - 1 - i);
            try
            {
                var reader = new Utf8JsonReader(tail);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
                next = ReadNextToken(ref reader);
                if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0) return false;
                var rest = tail.Slice((int)reader.BytesConsumed);
                foreach (var b in rest) if (!IsSpace(b)) return false;
            }
            catch (JsonException)
            {
                return false;
            }
            return true;
        }

        /// <summary>From a pagination object's start to its end: next_page_token, or null when absent or empty.</summary>
        private static string? ReadNextToken(ref Utf8JsonReader reader)
        {
            string? next = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isToken = reader.ValueTextEquals("next_page_token");
                reader.Read();
                if (isToken && reader.TokenType == JsonTokenType.String) next = reader.GetString();
                else reader.Skip();
            }
            return string.IsNullOrEmpty(next) ? null : next;
        }

        private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t';
    }
}
