using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Cursor paging for list routes: opaque tokens (base64 of the list's name and an offset) that clients must
    /// only echo, and Polytomic's limit rule (capped at the maximum; zero or less means the default).</summary>
    public static class ListPages
    {
        public static (List<JsonNode> Page, string? Next) Slice(IReadOnlyList<JsonNode> all, string? token, string? limit, int max, string list)
        {
            var size = int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, max) : max;
            var offset = Offset(token, list);
            var page = all.Skip(offset).Take(size).ToList();
            var next = offset + size < all.Count ? Token(list, offset + size) : null;
            return (page, next);
        }

        public static JsonObject Pagination(string? next) =>
            new JsonObject { ["pagination"] = next == null ? new JsonObject() : new JsonObject { ["next_page_token"] = next } };

        private static string Token(string list, int offset) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(list + ":" + offset.ToString(CultureInfo.InvariantCulture)));

        private static int Offset(string? token, string list)
        {
            if (string.IsNullOrEmpty(token)) return 0;
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                if (text.StartsWith(list + ":", StringComparison.Ordinal)
                    && int.TryParse(text.Substring(list.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            }
            catch (FormatException) { }
            throw ApiError.BadRequest("invalid page_token");
        }
    }
}
