using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Polytomic.Http
{
    /// <summary>What a read-only session may send: GET, HEAD and OPTIONS, and the few POSTs that only read. Checked in
    /// the choke point, so every cmdlet (and Invoke-PolytomicRequest) meets the same rule; anything not listed is a change.</summary>
    public static class ReadOnlyRoutes
    {
        /// <summary>POST routes that read without changing anything ("*" is one path segment). Shown in
        /// Connect-Polytomic's help: keep the two lists the same.</summary>
        public static IReadOnlyList<string> ReadingPosts { get; } = new[]
        {
            "/api/connections/*/query",                       // Invoke-PolytomicQuery: runs a query, stores nothing
            "/api/connection_types/*/parameter_values",       // Get-PolytomicConnectionParameterValue -Type: a lookup
            "/api/enrichment/*/inputfields",                  // Get-PolytomicEnrichmentInputField: a lookup
            "/api/model-preview",                             // a model's fields before it exists
            "/api/connections/test",                          // Test-PolytomicConnection -Configuration: checks, saves nothing
            "/api/bulk/syncs/*/executions/*/logs/export",     // Get-PolytomicBulkSyncLog -Export: a download link of logs
        };

        /// <summary>Whether a read-only session may send this call.</summary>
        public static bool Allows(string method, string path)
        {
            if (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)
                || string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase)) return true;
            if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)) return false;
            var parts = path.TrimEnd('/').Split('/');
            foreach (var pattern in ReadingPosts)
            {
                var want = pattern.Split('/');
                if (want.Length != parts.Length) continue;
                var match = true;
                for (int i = 0; i < want.Length && match; i++)
                    match = want[i] == "*" ? parts[i].Length > 0 : string.Equals(want[i], parts[i], StringComparison.Ordinal);
                if (match) return true;
            }
            return false;
        }

        internal static PolytomicApiException Refusal(HttpMethod method, string path) =>
            new PolytomicApiException(PolytomicErrorKind.ReadOnly,
                $"This session is read-only: {method.Method} {path} would change Polytomic, so nothing was sent.",
                method: method.Method, path: path, attempts: 0);
    }
}
