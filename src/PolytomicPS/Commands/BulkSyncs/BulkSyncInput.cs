using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Parameter values shared by the bulk-sync cmdlets, and how they become request parts.</summary>
    internal static class BulkSyncInput
    {
        public const string Frequencies = "manual,continuous,hourly,daily,weekly,custom,builder,runafter,dbtcloud";

        private static readonly string[] ScheduleKeys = { "frequency", "minute", "hour", "day_of_week", "day_of_month", "month" };

        /// <summary>-Schedule (a hashtable of frequency, minute, hour, day_of_week, day_of_month, month; camelCase keys
        /// accepted too) with -Frequency over it; null when neither was given.</summary>
        public static BulkScheduleRequest? Schedule(string? frequency, IDictionary? schedule, string parameter = "Schedule")
        {
            if (frequency == null && schedule == null) return null;
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var kv in PSInput.ToDictionary(schedule, parameter))
            {
                var key = Snake(kv.Key);
                if (Array.IndexOf(ScheduleKeys, key) < 0)
                    throw new PolytomicInputException("InvalidSchedule",
                        $"-{parameter} has an unknown key '{kv.Key}'; use {string.Join(", ", ScheduleKeys)}.", parameter, kv.Key);
                // Polytomic's schedule values are strings ("hour": "05").
                values[key] = kv.Value == null ? null : Convert.ToString(kv.Value, CultureInfo.InvariantCulture);
            }
            if (frequency != null) values["frequency"] = frequency;
            values.TryGetValue("frequency", out var f);
            if (string.IsNullOrEmpty(f))
                throw new PolytomicInputException("InvalidSchedule", $"-{parameter} needs a frequency" + (parameter == "Schedule" ? " (or pass -Frequency)." : "."), parameter);
            if (Array.IndexOf(Frequencies.Split(','), f) < 0)
                throw new PolytomicInputException("InvalidSchedule", (parameter == "Schedule" ? "" : $"-{parameter}: ") + $"'{f}' is not a schedule frequency; use one of {Frequencies.Replace(",", ", ")}.", parameter, f);
            string? V(string k) => values.TryGetValue(k, out var v) ? v : null;
            return new BulkScheduleRequest
            {
                Frequency = f, Minute = V("minute"), Hour = V("hour"), DayOfMonth = V("day_of_month"), Month = V("month"),
                DayOfWeek = ScheduleCheck.Check(parameter, f, V("minute"), V("hour"), V("day_of_week"), V("day_of_month"), V("month")),
            };
        }

        /// <summary>Values of automatically_add_new_fields and automatically_add_new_objects, as Polytomic spells them.</summary>
        public static readonly string[] Discover = { "all", "onlyIncremental", "onlyNonIncremental", "none" };

        /// <summary>Values of normalize_names, as Polytomic spells them.</summary>
        public static readonly string[] Normalize = { "enabled", "disabled", "legacy" };

        /// <summary>The value as Polytomic spells it: ValidateSet lets any case through, and Polytomic's enums are case-sensitive.</summary>
        public static string? Spelled(string? value, string[] allowed) =>
            value == null ? null : allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) ?? value;

        /// <summary>-DataCutoff as Polytomic's RFC 3339 timestamp in UTC (a DateTime without a zone is local time).</summary>
        public static string? Timestamp(DateTime? value) =>
            value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static readonly string[] SelectiveModes = { "none", "incrementalFields", "nonincrementalFields" };

        /// <summary>-AdditionalSchedule: one hashtable per schedule, the keys of -Schedule plus selective_mode (none,
        /// incrementalFields or nonincrementalFields), resync_mode and schemas (schema ids this schedule runs).</summary>
        public static List<BulkScheduleRequest> AdditionalSchedules(object[] items)
        {
            var result = new List<BulkScheduleRequest>();
            foreach (var item in items)
            {
                if (!(PSInput.Unwrap(item) is IDictionary table))
                    throw new PolytomicInputException("InvalidSchedule",
                        $"-AdditionalSchedule takes hashtables such as @{{ frequency = 'daily'; hour = '02'; minute = '00'; selective_mode = 'incrementalFields' }}, not '{item}'.", "AdditionalSchedule", item);
                var timing = new Hashtable();
                string? selective = null, resync = null;
                List<string>? schemas = null;
                foreach (var kv in PSInput.ToDictionary(table, "AdditionalSchedule"))
                {
                    switch (Snake(kv.Key))
                    {
                        case "selective_mode":
                            selective = SelectiveModes.FirstOrDefault(m => string.Equals(m, kv.Value?.ToString(), StringComparison.OrdinalIgnoreCase))
                                ?? throw new PolytomicInputException("InvalidSchedule",
                                    $"-AdditionalSchedule: selective_mode '{kv.Value}' is not one of {string.Join(", ", SelectiveModes)}.", "AdditionalSchedule", kv.Value);
                            break;
                        case "resync_mode": resync = kv.Value?.ToString(); break;
                        case "schemas":
                            schemas = (kv.Value is IEnumerable e && !(kv.Value is string) ? e.Cast<object?>() : new[] { kv.Value })
                                .Select(x => x?.ToString() ?? "").Where(x => x.Length > 0).ToList();
                            break;
                        default: timing[kv.Key] = kv.Value; break;
                    }
                }
                var schedule = Schedule(null, timing, "AdditionalSchedule")!;
                schedule.SelectiveMode = selective;
                schedule.ResyncMode = resync;
                schedule.Schemas = schemas;
                result.Add(schedule);
            }
            return result;
        }

        private static string Snake(string key) =>
            string.Concat(key.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

        /// <summary>Checks a destination configuration against the destination's options before anything is created.</summary>
        public static void CheckDestination(PolytomicBulkDestination destination, IDictionary<string, object?> config, string? mode, Action<string> warn)
        {
            var missing = destination.RequiredOptions.Where(o => !config.TryGetValue(o, out var v) || v == null || (v is string s && s.Length == 0)).ToList();
            if (missing.Count > 0)
                throw new PolytomicInputException("MissingDestinationOption",
                    $"The destination needs option(s) {string.Join(", ", missing)} in -DestinationConfiguration, e.g. @{{ {missing[0]} = '...' }}. " +
                    "Get-PolytomicBulkDestination lists every option.", "DestinationConfiguration", destination.ConnectionId);
            var known = destination.Options.Select(o => o.Name).ToList();
            var unknown = config.Keys.Where(k => known.Count > 0 && !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
                warn($"-DestinationConfiguration has option(s) the destination does not list: {string.Join(", ", unknown)}.");
            if (mode != null && destination.Modes.Count > 0 && !destination.Modes.Any(m => string.Equals(m.Id, mode, StringComparison.OrdinalIgnoreCase)))
                throw new PolytomicInputException("UnsupportedBulkSyncMode",
                    $"The destination does not support mode '{mode}'; it supports {string.Join(", ", destination.Modes.Select(m => m.Id))}.", "Mode", mode);
        }

        /// <summary>Resolves schema names (id or display name, any case) to the source's schema ids.</summary>
        public static List<string> ResolveSchemas(PolytomicBulkSource source, IEnumerable<string> names)
        {
            var result = new List<string>();
            foreach (var name in names)
            {
                var match = source.Schemas.FirstOrDefault(s => string.Equals(s.Id, name, StringComparison.OrdinalIgnoreCase))
                            ?? source.Schemas.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
                if (match == null)
                {
                    var available = source.Schemas.Select(s => s.Id).Take(25).ToList();
                    throw new PolytomicInputException("UnknownBulkSchema",
                        $"The source connection has no schema '{name}'. It has: {string.Join(", ", available)}{(source.Schemas.Count > available.Count ? ", …" : "")}.",
                        "Schema", name);
                }
                if (!result.Contains(match.Id)) result.Add(match.Id);
            }
            return result;
        }
    }
}
