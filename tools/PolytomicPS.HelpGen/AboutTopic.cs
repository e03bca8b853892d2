using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PolytomicPS.HelpGen
{
    /// <summary>Turns docs/about_PolytomicPS.md into the plain-text about topic Get-Help reads: "# about_X" is the
    /// TOPIC, each "## Heading" an upper-case section, text indented four spaces and code eight.</summary>
    public static class AboutTopic
    {
        public static string FromMarkdown(string markdown)
        {
            var sb = new StringBuilder();
            var inCode = false;
            foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
            {
                var line = raw.TrimEnd();
                if (line.StartsWith("```")) { inCode = !inCode; continue; }
                if (inCode) { sb.Append(line.Length > 0 ? "        " + line : "").Append('\n'); continue; }
                if (line.StartsWith("# ")) { sb.Append("TOPIC\n    ").Append(line.Substring(2).Trim()).Append('\n'); continue; }
                if (line.StartsWith("## ")) { sb.Append(line.Substring(3).Trim().ToUpperInvariant()).Append('\n'); continue; }
                sb.Append(line.Length > 0 ? "    " + line.Replace("`", "") : "").Append('\n');
            }
            return sb.ToString().Replace("\n", Environment.NewLine);
        }
    }
}
