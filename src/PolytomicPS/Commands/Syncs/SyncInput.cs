using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Turns New-/Set-PolytomicSync's hashtables into the request shapes, refusing what cannot be sent.</summary>
    internal static class SyncInput
    {
        /// <summary>-Field: @{ source = 'Target' } pairs, or one object per field with target, source, sync_mode,
        /// override_value, encryption_enabled, new. A plain hashtable has no order: its pairs go in source-name order so
        /// the same script always sends the same body.</summary>
        public static List<SyncField> Fields(object[]? input, string modelId)
        {
            var result = new List<SyncField>();
            foreach (var raw in input ?? Array.Empty<object>())
            {
                var item = PSInput.Unwrap(raw);
                IDictionary<string, object?> d = item is IDictionary dict ? PSInput.ToDictionary(dict, "Field")
                    : item is PSObject pso ? (PSInput.ToPlain(pso, "Field", "Field") as IDictionary<string, object?>)!
                    : throw new PolytomicInputException("InvalidFieldMapping",
                        $"-Field takes hashtables (@{{ first_name = 'FirstName' }}) or objects with a target; got {item?.GetType().Name ?? "null"}.", "Field", item);
                if (d.ContainsKey("target")) { result.Add(PerField(d, modelId)); continue; }
                var pairs = item is Hashtable ? d.OrderBy(kv => kv.Key, StringComparer.Ordinal) : d.AsEnumerable();
                foreach (var kv in pairs)
                {
                    if (!(kv.Value is string target) || target.Length == 0)
                        throw new PolytomicInputException("InvalidFieldMapping",
                            $"-Field maps '{kv.Key}' to a {(kv.Value == null ? "null" : kv.Value.GetType().Name)}; map each model field to a target field name.", "Field", kv.Key);
                    result.Add(new SyncField { Source = new SyncSource { Field = kv.Key, ModelId = modelId }, Target = target });
                }
            }
            return result;
        }

        private static SyncField PerField(IDictionary<string, object?> d, string modelId)
        {
            var known = new[] { "source", "target", "override_value", "sync_mode", "encryption_enabled", "new" };
            var unknown = d.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
                throw new PolytomicInputException("InvalidFieldMapping", $"-Field has unknown key(s) {string.Join(", ", unknown)}; use {string.Join(", ", known)}.", "Field", unknown[0]);
            var field = new SyncField
            {
                Target = d["target"]?.ToString(),
                Source = Source(d.TryGetValue("source", out var s) ? s : null, modelId),
                OverrideValue = d.TryGetValue("override_value", out var o) ? o?.ToString() : null,
                SyncMode = d.TryGetValue("sync_mode", out var m) ? m?.ToString() : null,
                EncryptionEnabled = d.TryGetValue("encryption_enabled", out var e) && e != null ? Convert.ToBoolean(e) : (bool?)null,
                New = d.TryGetValue("new", out var n) && n != null ? Convert.ToBoolean(n) : (bool?)null,
            };
            if (string.IsNullOrEmpty(field.Target))
                throw new PolytomicInputException("InvalidFieldMapping", "-Field has an entry with an empty target.", "Field");
            if (field.Source == null && field.OverrideValue == null)
                throw new PolytomicInputException("InvalidFieldMapping", $"-Field entry for '{field.Target}' needs a source or an override_value.", "Field", field.Target);
            return field;
        }

        /// <summary>A source given as a field name (of the sync's model) or as @{ model_id; field }.</summary>
        public static SyncSource? Source(object? value, string modelId)
        {
            switch (value)
            {
                case null: return null;
                case string s: return new SyncSource { Field = s, ModelId = modelId };
                case IDictionary<string, object?> d:
                    return new SyncSource
                    {
                        Field = d.TryGetValue("field", out var f) ? f?.ToString() : null,
                        ModelId = d.TryGetValue("model_id", out var m) && m != null ? m.ToString() : modelId,
                    };
                default: return new SyncSource { Field = value.ToString(), ModelId = modelId };
            }
        }

        /// <summary>-Identity: exactly one @{ model_field = 'TargetField' } pair.</summary>
        public static SyncIdentity Identity(IDictionary identity, string? function, string modelId)
        {
            var d = PSInput.ToDictionary(identity, "Identity");
            if (d.Count != 1 || !(d.First().Value is string target) || target.Length == 0)
                throw new PolytomicInputException("InvalidIdentity",
                    "-Identity takes exactly one pair: @{ model_field = 'TargetField' }, e.g. @{ email = 'Email' }.", "Identity", identity);
            return new SyncIdentity { Source = new SyncSource { Field = d.First().Key, ModelId = modelId }, Target = target, Function = IdentityFunction(function) };
        }

        /// <summary>Checked case-insensitively, sent as typed: Polytomic's walkthroughs write "equality".</summary>
        public static string IdentityFunction(string? function)
        {
            if (string.IsNullOrEmpty(function)) return "Equality";
            if (SyncModes.Canonical(SyncModes.IdentityFunctions, function) == null)
                throw new PolytomicInputException("UnknownIdentityFunction",
                    $"'{function}' is not an identity function; use one of {string.Join(", ", SyncModes.IdentityFunctions)}.", "IdentityFunction", function);
            return function!;
        }

        public static string Mode(string mode) =>
            SyncModes.Canonical(SyncModes.All, mode) ?? throw new PolytomicInputException("UnknownSyncMode",
                $"'{mode}' is not a sync mode; use one of {string.Join(", ", SyncModes.All)}.", "Mode", mode);

        /// <summary>The schedule: the frequency as typed ("Manual" works as well as "manual"), plus -Schedule's time fields.</summary>
        public static SyncSchedule Schedule(string frequency, IDictionary? extra, SyncSchedule? current = null)
        {
            if (SyncModes.Canonical(SyncModes.Frequencies, frequency) == null)
                throw new PolytomicInputException("UnknownFrequency",
                    $"'{frequency}' is not a schedule frequency; use one of {string.Join(", ", SyncModes.Frequencies)} (Get-PolytomicScheduleOption describes them).", "Frequency", frequency);
            var schedule = current ?? new SyncSchedule();
            schedule.Frequency = frequency;
            foreach (var kv in PSInput.ToDictionary(extra, "Schedule"))
            {
                string? Text() => kv.Value is IDictionary<string, object?> || kv.Value is IList ? null : kv.Value?.ToString();
                switch (kv.Key.ToLowerInvariant())
                {
                    case "minute": schedule.Minute = Text(); break;
                    case "hour": schedule.Hour = Text(); break;
                    case "day_of_week": case "dayofweek": schedule.DayOfWeek = Text(); break;
                    case "day_of_month": case "dayofmonth": schedule.DayOfMonth = Text(); break;
                    case "month": schedule.Month = Text(); break;
                    case "connection_id": schedule.ConnectionId = Text(); break;
                    case "job_id": schedule.JobId = Convert.ToInt64(kv.Value); break;
                    case "run_after_success_only": schedule.RunAfterSuccessOnly = Convert.ToBoolean(kv.Value); break;
                    case "run_after": schedule.RunAfter = kv.Value as Dictionary<string, object?>; break;
                    default:
                        throw new PolytomicInputException("InvalidSchedule",
                            $"-Schedule has an unknown key '{kv.Key}'; use minute, hour, day_of_week, day_of_month, month, run_after, run_after_success_only, connection_id, job_id.", "Schedule", kv.Key);
                }
            }
            schedule.DayOfWeek = ScheduleCheck.Check("Schedule", schedule.Frequency, schedule.Minute, schedule.Hour, schedule.DayOfWeek, schedule.DayOfMonth, schedule.Month);
            return schedule;
        }

        /// <summary>-Filter: @{ field = 'plan'; function = 'Equality'; value = 'pro' } per filter.</summary>
        public static List<Dictionary<string, object?>>? Filters(object[]? input, string modelId)
        {
            if (input == null) return null;
            var result = new List<Dictionary<string, object?>>();
            foreach (var raw in input)
            {
                var d = PSInput.ToPlain(raw, "Filter", "Filter") as IDictionary<string, object?>
                    ?? throw new PolytomicInputException("InvalidFilter", "-Filter takes hashtables like @{ field = 'plan'; function = 'Equality'; value = 'pro' }.", "Filter", raw);
                var filter = new Dictionary<string, object?>(d, StringComparer.Ordinal);
                if (!filter.TryGetValue("function", out var fn) || fn == null)
                    throw new PolytomicInputException("InvalidFilter", "Each -Filter needs a function (Equality, IsNotNull, …).", "Filter", raw);
                if (filter.TryGetValue("field", out var field) && field is string name)
                    filter["field"] = new Dictionary<string, object?> { ["field"] = name, ["model_id"] = modelId };
                result.Add(filter);
            }
            return result;
        }

        public static void RequireIdentity(string mode, SyncIdentity? identity)
        {
            if (identity == null && SyncModes.NeedIdentity.Contains(mode))
                throw new PolytomicInputException("IdentityRequired",
                    $"Mode '{mode}' matches records by identity: add -Identity @{{ model_field = 'TargetField' }} (Get-PolytomicTargetField shows which fields support identity).", "Identity", mode);
        }

        public static void RequireFields(List<SyncField> fields)
        {
            if (fields.Count == 0)
                throw new PolytomicInputException("NoFieldMapping", "-Field maps no fields: map at least one model field to a target field, e.g. -Field @{ first_name = 'FirstName' }.", "Field");
        }
    }
}
