using System;
using System.Collections.Generic;
using System.Linq;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>-Enricher's lookups: the connection by id or name, and the input field sets it takes (null when it does
    /// not enrich).</summary>
    internal static class ModelEnricherLookup
    {
        public static string? Connection(PolytomicCmdlet cmdlet, string name)
        {
            if (Guid.TryParse(name, out _)) return name;
            var hits = cmdlet.AwaitCall((c, ct) => c.ListConnectionsAsync(ct)).Where(x => x.Name == name).ToList();
            if (hits.Count > 1)
                throw new PolytomicInputException("AmbiguousConnectionName", $"-Enricher: {hits.Count} connections are named '{name}'; give the id instead.", "Enricher", name);
            return hits.FirstOrDefault()?.Id;
        }

        public static List<PolytomicEnrichmentInputFieldSet>? Inputs(PolytomicCmdlet cmdlet, string id, IDictionary<string, object?> configuration)
        {
            try { return cmdlet.AwaitCall((c, ct) => c.GetEnrichmentInputFieldsAsync(id, configuration, ct)); }
            catch (PolytomicApiException ex) when (ex.StatusCode == 404) { return null; }
            catch (PolytomicApiException ex) when (ex.StatusCode == 400)
            {
                throw new PolytomicInputException("InvalidEnricher", "-Enricher: Polytomic refuses this configuration: " + ex.Message, "Enricher", configuration);
            }
        }
    }
}
