using System;
using System.Collections.Generic;

namespace Polytomic
{
    /// <summary>The API versions this client speaks (X-Polytomic-Version).</summary>
    public static class ApiVersions
    {
        public const string V2024_02_08 = "2024-02-08";
        public const string V2025_09_18 = "2025-09-18";

        /// <summary>What the seed walkthroughs pin, so it is what a bare Connect-Polytomic uses.</summary>
        public const string Default = V2024_02_08;

        public static readonly IReadOnlyList<string> Supported = new[] { V2024_02_08, V2025_09_18 };

        public static bool IsSupported(string? version) =>
            version != null && (version == V2024_02_08 || version == V2025_09_18);

        public static bool Is2025(string version) => string.CompareOrdinal(version, V2025_09_18) >= 0;
    }
}
