using System;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Http
{
    /// <summary>The guard every paged list goes through. A list ends with a PagingLoop error when a server would have it
    /// go on forever: a next-page token it gave before (recorded Polytomic lists whose single page always carries a
    /// token do this), or <see cref="MaxPagesWithNothingNew"/> pages in a row that bring nothing new under fresh tokens
    /// (empty pages, or the items of an earlier page again).</summary>
    public sealed class PageTokens
    {
        /// <summary>Pages in a row, each with a fresh token, that may bring nothing new before the list is given up.
        /// A few, not one: a server may filter a page down to nothing (runs not yet completed) and still go on.</summary>
        public const int MaxPagesWithNothingNew = 5;

        private readonly HashSet<string> followed = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<ulong> contents = new HashSet<ulong>();
        private int nothingNew;

        /// <summary>Pages read so far (the first one included).</summary>
        public int Pages { get; private set; }

        /// <summary>Notes a page and returns its next token, or throws PagingLoop when that token was followed before.</summary>
        public string? Next(string? next, string what)
        {
            Pages++;
            if (next == null || followed.Add(next)) return next;
            throw new PolytomicApiException(PolytomicErrorKind.PagingLoop,
                $"{what}: page {Pages} gave a next-page token that an earlier page had already given, so the list would repeat forever; paging stopped after {Pages} page(s).");
        }

        /// <summary>Notes a page and returns its next token; throws PagingLoop on a repeated token or when too many pages
        /// in a row brought nothing new.</summary>
        public string? Next<T>(Page<T> page, string what) => Next(page, what, null);

        /// <summary>As <see cref="Next{T}(Page{T}, string)"/>; for a page built from items (no bytes to fingerprint),
        /// <paramref name="key"/> names each item, and a page whose items were all seen before brings nothing new.</summary>
        public string? Next<T>(Page<T> page, string what, Func<T, string?>? key)
        {
            var next = Next(page.NextPageToken, what);
            if (next == null) return null;
            // Only a list that goes on pays for the fingerprint.
            var repeated = page.KnownEmpty || (page.Fingerprint is ulong f ? !contents.Add(f)
                : key != null && !page.Items.Aggregate(false, (fresh, item) => contents.Add(Hash(key(item))) || fresh));
            nothingNew = repeated ? nothingNew + 1 : 0;
            if (nothingNew >= MaxPagesWithNothingNew)
                throw new PolytomicApiException(PolytomicErrorKind.PagingLoop,
                    $"{what}: the last {nothingNew} pages brought nothing new (no items, or the items of an earlier page again) although each gave a fresh next-page token, so the list might never end; paging stopped after {Pages} page(s).");
            return next;
        }

        private static ulong Hash(string? text)
        {
            var hash = 14695981039346656037UL; // FNV-1a over the UTF-16 code units
            foreach (var c in text ?? "") hash = (hash ^ c) * 1099511628211UL;
            return hash;
        }
    }
}
