using System;
using System.Collections.Generic;

namespace Polytomic.Http
{
    /// <summary>The next-page tokens one list has followed. A server that hands back a token it gave before would be
    /// followed without end (recorded Polytomic lists whose single page always carries a token do this), so a repeat
    /// ends the list with a PagingLoop error.</summary>
    public sealed class PageTokens
    {
        private readonly HashSet<string> followed = new HashSet<string>(StringComparer.Ordinal);

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
    }
}
