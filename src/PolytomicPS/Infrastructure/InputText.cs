using System.Collections;
using System.Collections.Generic;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Text that cannot be sent as it is. A lone UTF-16 surrogate (half of a pair) has no UTF-8 form: the
    /// encoder would send U+FFFD in its place, a silently different name or value.</summary>
    internal static class InputText
    {
        /// <summary>The text unchanged, or an InvalidUnicode input error. The message names where, never the value
        /// (it may be a secret).</summary>
        public static string Check(string text, string parameter, string where)
        {
            var at = LoneSurrogate(text);
            if (at >= 0)
                throw new PolytomicInputException("InvalidUnicode",
                    $"-{parameter} {where} holds a lone UTF-16 surrogate at character {at + 1} (half of a character pair), which cannot be sent: Polytomic would receive U+FFFD instead.",
                    parameter, parameter);
            return text;
        }

        /// <summary>Checks every bound string and string-array parameter of a cmdlet before it sends anything.</summary>
        public static void CheckBound(IDictionary<string, object> bound)
        {
            foreach (var kv in bound)
            {
                switch (PSInput.Unwrap(kv.Value))
                {
                    case string s: Check(s, kv.Key, "value"); break;
                    case IEnumerable list when !(list is IDictionary):
                        foreach (var item in list)
                            if (PSInput.Unwrap(item) is string t) Check(t, kv.Key, "value");
                        break;
                }
            }
        }

        /// <summary>The index of the first unpaired surrogate, or -1.</summary>
        public static int LoneSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                    return i;
                }
                if (char.IsLowSurrogate(c)) return i;
            }
            return -1;
        }
    }
}
