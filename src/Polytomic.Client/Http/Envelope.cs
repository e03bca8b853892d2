using System;
using System.Collections.Generic;
using System.Text.Json;
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
        private Func<IReadOnlyList<T>>? materialize;
        private IReadOnlyList<T>? items;

        public Page(IReadOnlyList<T> items, string? next) { this.items = items; Count = items.Count; NextPageToken = next; }

        private Page(int count, string? next, Func<IReadOnlyList<T>> materialize)
        {
            Count = count; NextPageToken = next; this.materialize = materialize;
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

        public int Count { get; }
        public string? NextPageToken { get; }

        /// <summary>Reads a list envelope ({"data": [...], "pagination": {"next_page_token": ...}}) in one pass that only
        /// tokenizes the items, to learn their count and the next token at once: the caller can ask for the next page
        /// while this one's items are still being converted (the slow part) and written. <paramref name="each"/> maps
        /// every item when it is converted.</summary>
        public static Page<T> Read(ApiResponse response, string method, string path, bool paged, Func<T, T>? each = null)
        {
            var body = response.Body;
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
                    else if (isPagination && reader.TokenType == JsonTokenType.StartObject)
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var isToken = reader.ValueTextEquals("next_page_token");
                            reader.Read();
                            if (isToken && reader.TokenType == JsonTokenType.String) next = reader.GetString();
                            else reader.Skip();
                        }
                    }
                    else reader.Skip();
                }
            }
            catch (JsonException ex)
            {
                throw Invalid(ex);
            }
            if (!paged || string.IsNullOrEmpty(next)) next = null;
            if (start < 0) return new Page<T>(Array.Empty<T>(), next);
            return new Page<T>(count, next, () =>
            {
                List<T>? list;
                try { list = JsonSerializer.Deserialize<List<T>>(new ReadOnlySpan<byte>(body, start, length), PolytomicJson.Options); }
                catch (JsonException ex) { throw Invalid(ex); }
                list ??= new List<T>();
                if (each != null) for (int i = 0; i < list.Count; i++) list[i] = each(list[i]);
                return list;
            });

            PolytomicApiException Invalid(JsonException ex) => new PolytomicApiException(PolytomicErrorKind.InvalidResponse,
                $"{method} {path} returned a body that is not the expected JSON: {ex.Message}", response.StatusCode, method: method, path: path, inner: ex);
        }
    }
}
