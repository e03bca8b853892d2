using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>-Name with wildcards: matches objects by name, remembers which patterns matched, and reports a plain
    /// name (no wildcard) that matched nothing as a not-found error, as Get-Item would.</summary>
    internal sealed class NameFilter
    {
        private readonly List<(string Text, WildcardPattern Pattern, bool Found)> patterns;

        /// <summary>Checks every pattern at once (an invalid one is an InvalidWildcardPattern error): build the filter
        /// before any request.</summary>
        public NameFilter(IEnumerable<string>? names, string parameter = "Name")
        {
            patterns = (names ?? Array.Empty<string>())
                .Select(n => (n, Wildcards.Get(n, parameter), false)).ToList();
        }

        /// <summary>True when no -Name was given.</summary>
        public bool IsEmpty => patterns.Count == 0;

        public bool Matches(string? name)
        {
            if (IsEmpty) return true;
            var hit = false;
            for (int i = 0; i < patterns.Count; i++)
            {
                if (!patterns[i].Pattern.IsMatch(name ?? "")) continue;
                patterns[i] = (patterns[i].Text, patterns[i].Pattern, true);
                hit = true;
            }
            return hit;
        }

        /// <summary>Not-found errors for the plain names that matched nothing.</summary>
        public IEnumerable<ErrorRecord> Missing(string errorId, string what) =>
            patterns.Where(p => !p.Found && !WildcardPattern.ContainsWildcardCharacters(p.Text))
                .Select(p => ErrorFactory.NotFound(errorId, what, p.Text));
    }
}
