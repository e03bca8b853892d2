using System;
using System.Collections.Generic;
using System.Linq;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS
{
    /// <summary>Checks a configuration against its connection type's schema before anything is sent.</summary>
    internal static class ConnectionConfiguration
    {
        /// <summary>Required fields that are absent and have no default.</summary>
        public static List<string> Missing(PolytomicConnectionTypeSchema schema, IDictionary<string, object?> config) =>
            schema.Fields.Where(f => f.Required && f.Default == null && !HasValue(config, f.Name)).Select(f => f.Name).ToList();

        /// <summary>Keys the schema does not know: most likely typos.</summary>
        public static List<string> Unknown(PolytomicConnectionTypeSchema schema, IDictionary<string, object?> config) =>
            schema.Fields.Count == 0 ? new List<string>()
                : config.Keys.Where(k => !schema.Fields.Any(f => string.Equals(f.Name, k, StringComparison.OrdinalIgnoreCase))).ToList();

        private static bool HasValue(IDictionary<string, object?> config, string name) =>
            config.TryGetValue(name, out var v) && v != null && !(v is string s && s.Length == 0);

        /// <summary>A key one or two letters from a field the schema lists is a typo: stored as it is, the field would
        /// stay unset, so it is refused with the nearest name. Keys far from every listed field may be ones the schema
        /// omits, so they only warn (in Check).</summary>
        public static void CheckTypos(PolytomicConnectionTypeSchema schema, string type, IEnumerable<string> unknown)
        {
            foreach (var key in unknown)
                if (NearestName.Find(key, schema.Fields.Select(f => f.Name)) is string near)
                    throw new PolytomicInputException("UnknownConfigurationKey",
                        $"The {type} configuration has no field '{key}'. Did you mean '{near}'? Get-PolytomicConnectionType -Type {type} lists every field.",
                        "Configuration", key);
        }

        public static void Check(PolytomicConnectionTypeSchema schema, string type, IDictionary<string, object?> config, Action<string> warn)
        {
            var unknown = Unknown(schema, config);
            CheckTypos(schema, type, unknown);
            var missing = Missing(schema, config);
            if (missing.Count > 0)
                throw new PolytomicInputException("MissingRequiredConfiguration",
                    $"The {type} configuration is missing required field(s): {string.Join(", ", missing)}. " +
                    $"Get-PolytomicConnectionType -Type {type} lists every field.", "Configuration", type);
            if (unknown.Count > 0)
                warn($"The {type} configuration has field(s) its schema does not list: {string.Join(", ", unknown)}.");
        }
    }
}
