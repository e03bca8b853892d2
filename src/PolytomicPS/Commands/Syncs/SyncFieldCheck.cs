using System;
using System.Collections.Generic;
using System.Linq;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Refuses a model field or target field name that does not exist, with the nearest existing name, before
    /// the sync is sent: Polytomic would otherwise store a mapping that never syncs. Names are checked only where they
    /// are known (the model's fields, the target object's fields); a list that cannot be read, or is empty, checks nothing.</summary>
    internal static class SyncFieldCheck
    {
        public static void Check(SyncRequest request, Func<PolytomicModel> model, Func<IReadOnlyList<PolytomicTargetField>> target)
        {
            var mappings = (request.Fields ?? new List<SyncField>()).Select(f => (Parameter: "Field", Source: f.Source?.Field, Target: f.Target, New: f.New == true)).ToList();
            if (request.Identity != null)
                mappings.Insert(0, ("Identity", request.Identity.Source?.Field, request.Identity.Target, false));
            mappings.AddRange((request.OverrideFields ?? new List<SyncField>()).Select(f => (Parameter: "OverrideField", Source: f.Source?.Field, Target: f.Target, New: f.New == true)));
            mappings.AddRange((request.Overrides ?? new List<Dictionary<string, object?>>()).Select(o =>
                (Parameter: "Override", Source: o.TryGetValue("field", out var f) && f is Dictionary<string, object?> fd && fd.TryGetValue("field", out var n) ? n?.ToString() : null,
                 Target: (string?)null, New: false)));
            if (mappings.Count == 0) return;

            var modelFields = Known(() => model().FieldNames.ToList());
            var targetFields = Known(() => target().SelectMany(f => new[] { f.Id, f.Name }).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList());
            foreach (var m in mappings)
            {
                if (modelFields != null && m.Source != null && !modelFields.Contains(m.Source, StringComparer.OrdinalIgnoreCase))
                    throw new PolytomicInputException("UnknownModelField",
                        $"-{m.Parameter} maps '{m.Source}', which is not a field of the model.{NearestName.Hint(m.Source, modelFields)} " +
                        "Get-PolytomicModel -Id <model> | Select-Object -ExpandProperty Fields lists them (Tab completes them).", m.Parameter, m.Source);
                if (targetFields != null && !m.New && m.Target != null && !targetFields.Contains(m.Target, StringComparer.OrdinalIgnoreCase))
                    throw new PolytomicInputException("UnknownTargetField",
                        $"-{m.Parameter} maps to '{m.Target}', which is not a field of the target object.{NearestName.Hint(m.Target, targetFields)} " +
                        "Get-PolytomicTargetField -ConnectionId <target> -Object <object> lists them (Tab completes them).", m.Parameter, m.Target);
            }
        }

        private static List<string>? Known(Func<List<string>> read)
        {
            try
            {
                var names = read();
                return names.Count == 0 ? null : names;
            }
            catch (PolytomicApiException) { return null; }
            catch (PolytomicInputException) { return null; }
        }
    }
}
