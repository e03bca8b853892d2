using System;
using System.Collections.Generic;
using System.Linq;

namespace PolytomicPS
{
    /// <summary>"Did you mean …?": the known name closest to a misspelt one (edit distance, case ignored), when it is
    /// close enough to be a likely typo.</summary>
    internal static class NearestName
    {
        public static string? Find(string typed, IEnumerable<string> known)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var name in known)
            {
                if (string.IsNullOrEmpty(name)) continue;
                var d = Distance(typed.ToLowerInvariant(), name.ToLowerInvariant());
                if (d < bestDistance) { best = name; bestDistance = d; }
            }
            // A third of the longer name, at least 2: 'pasword' finds 'password', 'xyz' finds nothing.
            return best != null && bestDistance <= Math.Max(2, Math.Max(typed.Length, best.Length) / 3) ? best : null;
        }

        /// <summary>" Did you mean 'x'?" or "".</summary>
        public static string Hint(string typed, IEnumerable<string> known) =>
            Find(typed, known) is string near ? $" Did you mean '{near}'?" : "";

        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
