using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The one place list routes page: the `limit` rule and the page tokens. Polytomic's tokens are opaque, so
    /// the sandbox's are too: base64 of "list:position", where the position is an offset for offset lists or a key
    /// for keyset lists (runs, so runs started while a client pages cause neither duplicates nor gaps). A token of
    /// another list, or one a client edited, is a 400. A route that parses `limit` or builds a token itself fails
    /// SandboxShapeTests.</summary>
    public static class ListPages
    {
        public const string InvalidToken = "invalid page_token";

        /// <summary>The request's `limit`: capped at max; missing, unreadable, zero or less means the default (Polytomic
        /// documents "≤0 → default"; a bad limit is never an error).</summary>
        public static int Limit(SandboxRequest r, int def, int max) =>
            int.TryParse(r.Query("limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, max) : def;

        /// <summary>One page of an offset list, from `page_token` and `limit`, with the next page's token (null on the last page).</summary>
        public static (List<T> Page, string? Next) Slice<T>(IReadOnlyList<T> all, SandboxRequest r, string list, int def, int max) =>
            Slice(all, r.Query("page_token"), list, Limit(r, def, max));

        /// <summary>One page of size items of an offset list, from a token of that list.</summary>
        public static (List<T> Page, string? Next) Slice<T>(IReadOnlyList<T> all, string? token, string list, int size, string invalid = InvalidToken)
        {
            var offset = Offset(token, list, invalid);
            var page = all.Skip(offset).Take(size).ToList();
            return (page, offset + size < all.Count ? Token(list, offset + size) : null);
        }

        /// <summary>The offset a token of the list carries (0 without a token).</summary>
        public static int Offset(string? token, string list, string invalid = InvalidToken)
        {
            var position = Position(token, list, invalid);
            if (position == null) return 0;
            return int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw ApiError.BadRequest(invalid);
        }

        /// <summary>The token of a position in a list: an offset.</summary>
        public static string Token(string list, int offset) => Token(list, offset.ToString(CultureInfo.InvariantCulture));

        /// <summary>The token of a position in a list: a key (keyset lists).</summary>
        public static string Token(string list, string position) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(list + ":" + position));

        /// <summary>The position a token of the list carries; null without a token; a token of another list, or no
        /// token at all, is a 400 with the given message.</summary>
        public static string? Position(string? token, string list, string invalid = InvalidToken)
        {
            if (string.IsNullOrEmpty(token)) return null;
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                if (text.StartsWith(list + ":", StringComparison.Ordinal) && text.Length > list.Length + 1) return text.Substring(list.Length + 1);
            }
            catch (FormatException) { }
            throw ApiError.BadRequest(invalid);
        }

        /// <summary>The envelope's pagination: {"next_page_token": …} while more remain, {} on the last page; with
        /// nullOnLast the last page says "next_page_token": null (GET /api/syncs has always answered so).</summary>
        public static JsonObject Pagination(string? next, bool nullOnLast = false) =>
            new JsonObject
            {
                ["pagination"] = next == null && !nullOnLast ? new JsonObject() : new JsonObject { ["next_page_token"] = next },
            };
    }
}
