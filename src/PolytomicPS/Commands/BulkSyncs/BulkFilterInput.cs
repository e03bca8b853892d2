using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>-Filter of Set-PolytomicBulkSchema: @{ Field = 'email'; Function = 'IsNotNull' } (and Value) items, checked
    /// against Polytomic's filter functions and the schema's fields before any request.</summary>
    internal static class BulkFilterInput
    {
        private static readonly string[] Keys = { "field", "function", "value" };

        /// <summary>The filters as Polytomic takes them ({field_id, function, value}); fieldIds are the schema's field ids
        /// (null: the fields are not known yet, so only functions, keys and values are checked).</summary>
        public static List<Dictionary<string, object?>> Parse(object[] items, IReadOnlyCollection<string>? fieldIds, string schema)
        {
            var result = new List<Dictionary<string, object?>>();
            foreach (var item in items)
            {
                if (!(PSInput.Unwrap(item) is IDictionary table))
                    throw new PolytomicInputException("InvalidFilter",
                        $"-Filter takes hashtables such as @{{ Field = 'email'; Function = 'IsNotNull' }}, not '{item}'.", "Filter", item);
                var d = PSInput.ToDictionary(table, "Filter");
                var unknown = d.Keys.FirstOrDefault(k => !Keys.Contains(k.Replace("_id", ""), StringComparer.OrdinalIgnoreCase));
                if (unknown != null)
                    throw new PolytomicInputException("InvalidFilter", $"-Filter has an unknown key '{unknown}'; use Field, Function and Value.", "Filter", unknown);
                string? Get(string key) => d.FirstOrDefault(kv => string.Equals(kv.Key.Replace("_id", ""), key, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
                var function = Get("function");
                var canonical = SyncModes.Canonical(SyncModes.FilterFunctions, function);
                if (canonical == null)
                    throw new PolytomicInputException("UnknownFilterFunction",
                        $"-Filter: '{function}' is not a filter function; use one of {string.Join(", ", SyncModes.FilterFunctions)}.", "Filter", function);
                var field = Get("field");
                if (string.IsNullOrEmpty(field))
                    throw new PolytomicInputException("InvalidFilter", $"-Filter needs the Field it tests, e.g. @{{ Field = 'email'; Function = '{canonical}' }}.", "Filter", item);
                // Without the schema's fields (the check before any request), only the shape is checked.
                var id = fieldIds == null ? field : fieldIds.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
                if (id == null)
                    throw new PolytomicInputException("UnknownBulkField",
                        $"-Filter: schema {schema} has no field '{field}'. It has: {string.Join(", ", fieldIds!.Take(25))}.", "Filter", field);
                var hasValue = d.Keys.Any(k => string.Equals(k, "value", StringComparison.OrdinalIgnoreCase));
                var valueless = SyncModes.ValuelessFilterFunctions.Contains(canonical);
                if (valueless && hasValue)
                    throw new PolytomicInputException("InvalidFilter", $"-Filter: {canonical} compares with nothing; leave Value out.", "Filter", item);
                if (!valueless && !hasValue)
                    throw new PolytomicInputException("InvalidFilter", $"-Filter: {canonical} needs a Value, e.g. @{{ Field = '{id}'; Function = '{canonical}'; Value = '…' }}.", "Filter", item);
                var filter = new Dictionary<string, object?> { ["field_id"] = id, ["function"] = canonical };
                if (hasValue) filter["value"] = d.First(kv => string.Equals(kv.Key, "value", StringComparison.OrdinalIgnoreCase)).Value;
                result.Add(filter);
            }
            return result;
        }
    }
}
