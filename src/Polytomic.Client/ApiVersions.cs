using System;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic
{
    /// <summary>The API versions this client speaks (X-Polytomic-Version). Versions are dates (yyyy-MM-dd), so their
    /// order is the order of their text: every version rule is an ordered comparison (see <see cref="AtLeast"/>).</summary>
    public static class ApiVersions
    {
        public const string V2024_02_08 = "2024-02-08";
        public const string V2025_09_18 = "2025-09-18";

        /// <summary>What a bare Connect-Polytomic uses: the version Polytomic's published walkthroughs pin.</summary>
        public const string Default = V2024_02_08;

        /// <summary>Oldest first.</summary>
        public static readonly IReadOnlyList<string> Supported = new[] { V2024_02_08, V2025_09_18 };

        public static bool IsSupported(string? version) => version != null && Supported.Contains(version);

        /// <summary>Whether <paramref name="version"/> is <paramref name="minimum"/> or a later version.</summary>
        public static bool AtLeast(string version, string minimum) => string.CompareOrdinal(version, minimum) >= 0;

        /// <summary>The newest supported version before <paramref name="version"/> (null if there is none).</summary>
        public static string? Before(string version) => Supported.LastOrDefault(v => string.CompareOrdinal(v, version) < 0);
    }
}
