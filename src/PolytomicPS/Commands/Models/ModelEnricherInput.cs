using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>-Enricher of New-/Set-PolytomicModel: @{ Connection = 'Enrichment'; Configuration = @{ endpoint = 'person' };
    /// Mappings = @{ email = 'email' } } (enricher input field = model field), checked against what the enrichment
    /// connection takes before the model is written.</summary>
    internal static class ModelEnricherInput
    {
        private static readonly string[] Keys = { "connection", "configuration", "mappings", "fields", "enricherid" };

        /// <summary>Polytomic's enricher object, or null for an empty hashtable (no enrichment).</summary>
        public static Dictionary<string, object?>? Build(IDictionary input, IReadOnlyCollection<string>? modelFields,
            Func<string, string?> connectionId, Func<string, IDictionary<string, object?>, List<PolytomicEnrichmentInputFieldSet>?> inputSets)
        {
            var d = PSInput.ToDictionary(input, "Enricher");
            if (d.Count == 0) return null;
            object? Get(string key) => d.FirstOrDefault(kv => string.Equals(kv.Key.Replace("_", ""), key, StringComparison.OrdinalIgnoreCase)).Value;
            var unknown = d.Keys.FirstOrDefault(k => !Keys.Contains(k.Replace("_", "").ToLowerInvariant()));
            if (unknown != null)
                throw new PolytomicInputException("InvalidEnricher", $"-Enricher has an unknown key '{unknown}'; use Connection, Configuration, Mappings, Fields and EnricherId.", "Enricher", unknown);
            var connection = PSInput.Unwrap(Get("connection"));
            var name = connection == null ? null
                : connection is string s ? s : System.Management.Automation.PSObject.AsPSObject(connection).Properties["Id"]?.Value?.ToString() ?? connection.ToString();
            if (string.IsNullOrEmpty(name))
                throw new PolytomicInputException("InvalidEnricher", "-Enricher needs the enrichment Connection (a name, an id or a connection object).", "Enricher");
            var id = connectionId(name!) ?? throw new PolytomicInputException("UnknownEnricher", $"-Enricher: no connection is named '{name}'.", "Enricher", name);
            var configuration = Get("configuration") is IDictionary c ? PSInput.ToDictionary(c, "Enricher") : new Dictionary<string, object?>();
            var mappings = Get("mappings") is IDictionary m ? PSInput.ToDictionary(m, "Enricher") : new Dictionary<string, object?>();
            // The input field sets the connection takes for this configuration; null: the connection does not enrich.
            var sets = inputSets(id, configuration)
                ?? throw new PolytomicInputException("UnknownEnricher", $"-Enricher: connection '{name}' is not an enrichment source.", "Enricher", name);
            if (sets.Count > 0 && !sets.Any(set => set.Fields.All(f => mappings.ContainsKey(f))))
                throw new PolytomicInputException("InvalidEnricher",
                    "-Enricher: Mappings must give a model field for every input of one of these sets: " +
                    string.Join("; ", sets.Select(set => string.Join(", ", set.Fields))) + ", e.g. Mappings = @{ " + sets[0].Fields[0] + " = 'email' }.", "Enricher", mappings.Keys.ToList());
            foreach (var kv in mappings)
                if (modelFields != null && !modelFields.Contains(kv.Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase))
                    throw new PolytomicInputException("UnknownModelField",
                        $"-Enricher maps '{kv.Key}' to '{kv.Value}', which is not a field of the model. It has: {string.Join(", ", modelFields.Take(25))}.", "Enricher", kv.Value);
            var result = new Dictionary<string, object?>
            {
                ["connection_id"] = id, ["configuration"] = configuration,
                ["mappings"] = mappings.ToDictionary(kv => kv.Key, kv => (object?)(modelFields?.First(f => string.Equals(f, kv.Value?.ToString(), StringComparison.OrdinalIgnoreCase)) ?? kv.Value?.ToString())),
            };
            if (Get("enricherid") is object enricherId) result["enricher_id"] = enricherId.ToString();
            if (Get("fields") is object fields)
                result["fields"] = (fields is IEnumerable e && !(fields is string) ? e.Cast<object?>() : new[] { fields })
                    .Select(f => (object?)new Dictionary<string, object?> { ["name"] = PSInput.Unwrap(f)?.ToString() }).ToList();
            return result;
        }
    }
}
