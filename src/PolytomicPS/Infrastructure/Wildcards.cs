using System.Management.Automation;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Wildcard patterns checked when they are given: WildcardPattern parses lazily, so an invalid one
    /// ('abc[') would otherwise fail only at its first match, after the list had been fetched.</summary>
    internal static class Wildcards
    {
        /// <summary>The pattern, or an InvalidWildcardPattern input error naming the parameter.</summary>
        public static WildcardPattern Get(string text, string parameter)
        {
            var pattern = WildcardPattern.Get(text, WildcardOptions.IgnoreCase);
            try
            {
                pattern.IsMatch("");
            }
            catch (WildcardPatternException)
            {
                throw new PolytomicInputException("InvalidWildcardPattern",
                    $"-{parameter} '{text}' is not a valid wildcard pattern (an unclosed '[' or a trailing '`'). Escape literal brackets as `[ and `].",
                    parameter, text);
            }
            return pattern;
        }

        /// <summary>For Tab: the word as a pattern when it is a valid one, else as literal text.</summary>
        public static WildcardPattern Prefix(string word)
        {
            var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase);
            try
            {
                pattern.IsMatch("");
                return pattern;
            }
            catch (WildcardPatternException)
            {
                return WildcardPattern.Get(WildcardPattern.Escape(word) + "*", WildcardOptions.IgnoreCase);
            }
        }
    }
}
