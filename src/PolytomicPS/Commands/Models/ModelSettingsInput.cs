using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>-Relation and -AdditionalField of New-/Set-PolytomicModel: PowerShell-shaped values checked and turned into
    /// Polytomic's relations and additional_fields.</summary>
    internal static class ModelSettingsInput
    {
        /// <summary>One relation as the user wrote it: From a field of this model, To 'Model.field' (the model by name or id).</summary>
        public sealed class Relation
        {
            public string From = "";
            public string To = "";
        }

        public static List<Relation> ParseRelations(object[] items)
        {
            var result = new List<Relation>();
            foreach (var item in items)
            {
                if (!(PSInput.Unwrap(item) is IDictionary table))
                    throw new PolytomicInputException("InvalidRelation",
                        $"-Relation takes hashtables such as @{{ From = 'user_id'; To = 'Accounts.id' }}, not '{item}'.", "Relation", item);
                var d = PSInput.ToDictionary(table, "Relation");
                var unknown = d.Keys.FirstOrDefault(k => !string.Equals(k, "From", StringComparison.OrdinalIgnoreCase) && !string.Equals(k, "To", StringComparison.OrdinalIgnoreCase));
                if (unknown != null)
                    throw new PolytomicInputException("InvalidRelation", $"-Relation has an unknown key '{unknown}'; use From and To.", "Relation", unknown);
                string? Get(string key) => d.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
                var from = Get("From");
                var to = Get("To");
                if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to) || to!.IndexOf('.') <= 0 || to.EndsWith(".", StringComparison.Ordinal))
                    throw new PolytomicInputException("InvalidRelation",
                        "-Relation needs From (a field of this model) and To ('Model.field', the model by name or id), e.g. @{ From = 'user_id'; To = 'Accounts.id' }.", "Relation", item);
                result.Add(new Relation { From = from!, To = to });
            }
            return result;
        }

        /// <summary>Resolves each relation's model and field and checks From against this model's fields (null: not known
        /// before the create, so Polytomic checks it). Returns Polytomic's relations [{from, to: {model_id, field}}].</summary>
        public static List<object?> ResolveRelations(List<Relation> relations, IReadOnlyCollection<string>? ownFields,
            Func<Func<PolytomicClient, CancellationToken, Task<List<PolytomicModel>>>, List<PolytomicModel>> listModels,
            Func<string, PolytomicModel> getModel)
        {
            var result = new List<object?>();
            List<PolytomicModel>? models = null;
            foreach (var r in relations)
            {
                if (ownFields != null && !ownFields.Contains(r.From, StringComparer.OrdinalIgnoreCase))
                    throw new PolytomicInputException("UnknownModelField",
                        $"-Relation: the model has no field '{r.From}' to join from. It has: {string.Join(", ", ownFields.Take(25))}.", "Relation", r.From);
                // 'Model.field': the model is the longest prefix before a '.' that names a model (names may hold dots).
                PolytomicModel? target = null;
                string field = "";
                for (var dot = r.To.LastIndexOf('.'); dot > 0 && target == null; dot = r.To.LastIndexOf('.', dot - 1))
                {
                    var name = r.To.Substring(0, dot);
                    if (Guid.TryParse(name, out _)) { target = getModel(name); field = r.To.Substring(dot + 1); break; }
                    models ??= listModels((c, ct) => c.ListModelsAsync(ct));
                    var matches = models.Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (matches.Count > 1)
                        throw new PolytomicInputException("AmbiguousModelName",
                            $"-Relation: {matches.Count} models are named '{name}'; give the model's id instead ('{matches[0].Id}.{r.To.Substring(dot + 1)}').", "Relation", r.To);
                    if (matches.Count == 1) { target = getModel(matches[0].Id); field = r.To.Substring(dot + 1); }
                    if (dot == 0) break;
                }
                if (target == null)
                    throw new PolytomicInputException("UnknownRelationModel",
                        $"-Relation: no model is named '{r.To.Substring(0, r.To.LastIndexOf('.'))}' (To is 'Model.field').", "Relation", r.To);
                // Model fields are matched by name, as the user sees them; Polytomic joins on the field's name.
                var toField = target.FieldNames.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
                if (toField == null)
                    throw new PolytomicInputException("UnknownModelField",
                        $"-Relation: model '{target.Name}' has no field '{field}'. It has: {string.Join(", ", target.FieldNames.Take(25))}.", "Relation", r.To);
                var from = ownFields?.First(f => string.Equals(f, r.From, StringComparison.OrdinalIgnoreCase)) ?? r.From;
                result.Add(new Dictionary<string, object?> { ["from"] = from, ["to"] = new Dictionary<string, object?> { ["model_id"] = target.Id, ["field"] = toField } });
            }
            return result;
        }

        private static readonly string[] AdditionalKeys = { "name", "type", "label", "example" };

        /// <summary>-AdditionalField: @{ Name = 'score'; Type = 'number'; Label = 'Score' } items → Polytomic's additional_fields.</summary>
        public static List<Dictionary<string, object?>> ParseAdditionalFields(object[] items)
        {
            var result = new List<Dictionary<string, object?>>();
            foreach (var item in items)
            {
                var plain = PSInput.Unwrap(item);
                if (plain is string s) plain = new Hashtable { ["name"] = s };
                if (!(plain is IDictionary table))
                    throw new PolytomicInputException("InvalidAdditionalField",
                        $"-AdditionalField takes names or hashtables such as @{{ Name = 'score'; Type = 'number'; Label = 'Score' }}, not '{item}'.", "AdditionalField", item);
                var d = PSInput.ToDictionary(table, "AdditionalField");
                var unknown = d.Keys.FirstOrDefault(k => !AdditionalKeys.Contains(k, StringComparer.OrdinalIgnoreCase));
                if (unknown != null)
                    throw new PolytomicInputException("InvalidAdditionalField", $"-AdditionalField has an unknown key '{unknown}'; use Name, Type, Label and Example.", "AdditionalField", unknown);
                var field = d.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value);
                if (!(field.TryGetValue("name", out var n) && n is string name && name.Trim().Length > 0))
                    throw new PolytomicInputException("InvalidAdditionalField", "-AdditionalField needs a Name.", "AdditionalField", item);
                if (result.Any(f => string.Equals((string?)f["name"], name, StringComparison.OrdinalIgnoreCase)))
                    throw new PolytomicInputException("InvalidAdditionalField", $"-AdditionalField names '{name}' twice.", "AdditionalField", name);
                if (!field.ContainsKey("type")) field["type"] = "string";
                result.Add(field);
            }
            return result;
        }

        /// <summary>The model's own user-added fields, as additional_fields (an update that does not send them drops them).</summary>
        public static List<Dictionary<string, object?>>? CurrentAdditionalFields(PolytomicModel model)
        {
            var added = model.Fields.Where(f => f.UserAdded == true && f.Name != null).Select(f =>
            {
                var d = new Dictionary<string, object?> { ["name"] = f.Name, ["type"] = f.Type };
                if (!string.IsNullOrEmpty(f.Label) && f.Label != f.Name) d["label"] = f.Label;
                return d;
            }).ToList();
            return added.Count == 0 ? null : added;
        }
    }
}
