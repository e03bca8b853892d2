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

        /// <summary>Refuses a path that is not a route under /api/ once a server has decoded and normalised it:
        /// percent-escaped dots and slashes (%2e, %2f, also escaped twice), backslashes, dot segments, empty segments,
        /// control characters and absolute URLs. Servers and proxies resolve such forms after any check made on the
        /// raw text, which would send the key to a route outside the API.</summary>
        public static void RequireRoute(string? path, string parameter = "Path")
        {
            if (IsRoute(path)) return;
            throw new PolytomicInputException("InvalidRequestPath",
                $"The path must be a Polytomic route starting with /api/ (for example /api/me), without '.' or '..' segments in any spelling; '{Shorten(path ?? "")}' is not one.",
                parameter, path);
        }

        internal static bool IsRoute(string? path)
        {
            if (path == null || !path.StartsWith("/api/", StringComparison.Ordinal)) return false;
            if (path.IndexOf('?') >= 0 || path.IndexOf('#') >= 0 || path.IndexOf('\\') >= 0) return false;
            var text = path;
            // Decode until stable (a few rounds catch %252e); a path that keeps changing is refused.
            for (int round = 0; text.IndexOf('%') >= 0; round++)
            {
                if (round == 3) return false;
                var decoded = Uri.UnescapeDataString(text);
                if (decoded == text) break;
                text = decoded;
            }
            text = text.Replace('\\', '/');
            if (!text.StartsWith("/api/", StringComparison.Ordinal)) return false;
            foreach (var c in text)
                if (c < 0x20 || c == 0x7F) return false;
            var segments = text.Split('/');
            for (int i = 1; i < segments.Length; i++)
            {
                var s = segments[i];
                if (s.Length == 0 && i < segments.Length - 1) return false;
                if (s.Trim() == "." || s.Trim() == "..") return false;
            }
            return true;
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
