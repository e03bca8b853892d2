using System;
using System.Text.RegularExpressions;

namespace Polytomic.Sandbox.Contract
{
    /// <summary>The reviewed places where the sandbox answers differently from the SDK-derived shapes, each with its
    /// reason. Keep it short: an entry is a known, deliberate difference, never a way to quiet a failing route.</summary>
    public static class ContractExceptions
    {
        private sealed class Entry
        {
            public string Version = "*", Method = "*", Route = "*";
            public Regex Problem = null!;
            public string Reason = "";
        }

        private static readonly Entry[] Entries =
        {
            new Entry
            {
                Version = "2024-02-08", Method = "POST", Route = "/api/connections/{id}/modelsync/target/fields",
                Problem = new Regex("no such operation"),
                Reason = "Polytomic still answers the deprecated POST form (body {\"target\": …}) on 2024-02-08, as captured "
                    + "traffic of its own walkthrough shows; the SDKs list only the GET form. The sandbox keeps it so that "
                    + "scripts written against the older docs keep working.",
            },
        };

        /// <summary>True when a problem matches a reviewed exception.</summary>
        public static bool Allows(string version, string method, string route, string problem)
        {
            foreach (var e in Entries)
            {
                if ((e.Version == "*" || e.Version == version) && (e.Method == "*" || e.Method == method)
                    && (e.Route == "*" || e.Route == route) && e.Problem.IsMatch(problem))
                    return true;
            }
            return false;
        }
    }
}
