using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>The configuration shapes of models (seeds 000, 002, 003, 004).</summary>
    internal static class ModelConfig
    {
        public static IDictionary<string, object?> From(string set, string table, string query, string database, string collection, string file, IDictionary? configuration)
        {
            switch (set)
            {
                case NewPolytomicModelCommand.ByTable: return new Dictionary<string, object?> { ["table"] = table };
                case NewPolytomicModelCommand.ByQuery: return new Dictionary<string, object?> { ["query"] = query };
                case NewPolytomicModelCommand.ByCollection: return new Dictionary<string, object?> { ["database"] = database, ["collection"] = collection };
                case NewPolytomicModelCommand.ByFile: return new Dictionary<string, object?> { ["model_from"] = "single_file", ["key"] = file };
            }
            var config = PSInput.ToDictionary(configuration, "Configuration");
            if (config.Count == 0)
                throw new PolytomicInputException("EmptyModelConfiguration",
                    "-Configuration is empty: use -Table, -Query, -Database/-Collection or -File, or pipe a choice from Get-PolytomicSource.", "Configuration");
            return config;
        }

        public static List<string>? List(string[]? values) => values == null ? null : values.ToList();

        /// <summary>Labels come back as objects; requests take their names.</summary>
        public static List<string>? LabelNames(List<object?>? labels) =>
            labels?.Select(l => l is IDictionary<string, object?> d ? (d.TryGetValue("name", out var n) ? n?.ToString() : null) : l?.ToString())
                .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
    }
}
