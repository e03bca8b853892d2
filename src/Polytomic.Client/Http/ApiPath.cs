using System;
using System.Collections.Generic;
using System.Text;

namespace Polytomic.Http
{
    /// <summary>Builds request paths and query strings so that nothing a user typed can change the route.</summary>
    public static class ApiPath
    {
        /// <summary>Joins "/api" and escaped segments. Literal route parts are passed as they are.</summary>
        public static string Build(params string[] parts)
        {
            var sb = new StringBuilder("/api");
            foreach (var p in parts) sb.Append('/').Append(p);
            return sb.ToString();
        }

        /// <summary>Escapes one user-supplied path segment (an id, a schema name, a file name).</summary>
        public static string Segment(string? value, string what = "id")
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new PolytomicInputException("InvalidId", $"The {what} must not be empty.", what, value);
            // '.' and '..' survive escaping but would be resolved as relative path steps.
            if (value == "." || value == "..")
                throw new PolytomicInputException("InvalidId", $"The {what} '{value}' is not a valid path segment.", what, value);
            return Uri.EscapeDataString(value);
        }

        /// <summary>An object id: Polytomic ids are UUIDs, so anything else is refused before a request is made.</summary>
        public static string Id(string? value, string what = "id")
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text))
                throw new PolytomicInputException("InvalidId", $"The {what} must not be empty.", what, value);
            if (!Guid.TryParseExact(text, "D", out _))
                throw new PolytomicInputException("InvalidId",
                    $"The {what} '{Shorten(text!)}' is not a Polytomic id (a UUID such as 248df4b7-aa70-47b8-a036-33ac447e668d).", what, value);
            return text!;
        }

        private static string Shorten(string s) => s.Length <= 80 ? s : s.Substring(0, 77) + "...";

        public static string Query(IEnumerable<KeyValuePair<string, string?>>? query)
        {
            if (query == null) return string.Empty;
            var sb = new StringBuilder();
            foreach (var kv in query)
            {
                if (kv.Value == null) continue;
                sb.Append(sb.Length == 0 ? '?' : '&')
                  .Append(Uri.EscapeDataString(kv.Key)).Append('=').Append(Uri.EscapeDataString(kv.Value));
            }
            return sb.ToString();
        }
    }
}
