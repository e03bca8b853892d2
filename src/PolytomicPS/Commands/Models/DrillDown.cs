using System;
using System.Collections.Generic;
using System.Linq;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Turns one level of a requires_one_of drill-down into the choices it offers.</summary>
    internal static class DrillDown
    {
        /// <summary>Every listed item of every key; at the top level also the keys asked for that take free text
        /// (a query).</summary>
        public static IEnumerable<PolytomicSourceOption> SourceOptions(string connectionId, ConnectionMeta meta, IDictionary<string, object?> chosen)
        {
            foreach (var kv in meta.Items)
            {
                if (!kv.Value.HasItems || kv.Value.Items == null) continue;
                foreach (var item in kv.Value.Items)
                {
                    var value = item?.ToString();
                    if (value == null) continue;
                    var config = new Dictionary<string, object?>(chosen, StringComparer.OrdinalIgnoreCase) { [kv.Key] = value };
                    yield return new PolytomicSourceOption
                    {
                        ConnectionId = connectionId, Key = kv.Key, Value = value,
                        RequiresOneOf = kv.Value.RequiresOneOf ?? new List<string>(), ModelConfiguration = config,
                    };
                }
            }
            if (chosen.Count > 0) yield break;
            foreach (var key in meta.RequiresOneOf ?? new List<string>())
            {
                if (meta.Items.TryGetValue(key, out var item) && item.HasItems) continue;
                yield return new PolytomicSourceOption
                {
                    ConnectionId = connectionId, Key = key, Value = null,
                    ModelConfiguration = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase),
                };
            }
        }

        public static IEnumerable<PolytomicTargetOption> TargetOptions(string connectionId, ConnectionMeta meta)
        {
            foreach (var kv in meta.Items)
            {
                if (!kv.Value.HasItems || kv.Value.Items == null) continue;
                foreach (var item in kv.Value.Items.Where(i => i != null))
                    yield return new PolytomicTargetOption
                    {
                        ConnectionId = connectionId, Key = kv.Key, Value = item!.ToString(),
                        RequiresOneOf = kv.Value.RequiresOneOf ?? new List<string>(),
                    };
            }
        }
    }
}
