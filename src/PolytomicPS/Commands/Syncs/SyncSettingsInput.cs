using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>-Override, -EncryptionPassphrase and -RunAfter of New-/Set-PolytomicSync: PowerShell-shaped values checked
    /// and turned into Polytomic's overrides, encryption_passphrase and schedule.run_after.</summary>
    internal static class SyncSettingsInput
    {
        private static readonly string[] OverrideKeys = { "field", "function", "value", "override" };

        /// <summary>-Override: @{ Field = 'email'; Function = 'IsNull'; Override = 'unknown@example.com' } (Value when the
        /// function compares with one) → {field: {model_id, field}, function, value, override}.</summary>
        public static List<Dictionary<string, object?>> Overrides(object[] input, string modelId)
        {
            var result = new List<Dictionary<string, object?>>();
            foreach (var raw in input)
            {
                if (!(PSInput.Unwrap(raw) is IDictionary table))
                    throw new PolytomicInputException("InvalidOverride",
                        $"-Override takes hashtables such as @{{ Field = 'email'; Function = 'IsNull'; Override = 'unknown@example.com' }}, not '{raw}'.", "Override", raw);
                var d = PSInput.ToDictionary(table, "Override");
                var unknown = d.Keys.FirstOrDefault(k => !OverrideKeys.Contains(k, StringComparer.OrdinalIgnoreCase));
                if (unknown != null)
                    throw new PolytomicInputException("InvalidOverride", $"-Override has an unknown key '{unknown}'; use Field, Function, Value and Override.", "Override", unknown);
                object? Get(string key) => d.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
                bool Has(string key) => d.Keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                var field = Get("field") as string;
                if (string.IsNullOrEmpty(field))
                    throw new PolytomicInputException("InvalidOverride", "-Override needs the model Field it tests, e.g. @{ Field = 'email'; Function = 'IsNull'; Override = 'unknown@example.com' }.", "Override", raw);
                var function = Get("function")?.ToString();
                var canonical = SyncModes.Canonical(SyncModes.FilterFunctions, function);
                if (canonical == null)
                    throw new PolytomicInputException("UnknownFilterFunction",
                        $"-Override: '{function}' is not a filter function; use one of {string.Join(", ", SyncModes.FilterFunctions)}.", "Override", function);
                var valueless = SyncModes.ValuelessFilterFunctions.Contains(canonical);
                if (valueless == Has("value"))
                    throw new PolytomicInputException("InvalidOverride",
                        valueless ? $"-Override: {canonical} compares with nothing; leave Value out." : $"-Override: {canonical} needs a Value to compare with.", "Override", raw);
                if (!Has("override"))
                    throw new PolytomicInputException("InvalidOverride", "-Override needs the Override value to write instead when the function matches.", "Override", raw);
                var o = new Dictionary<string, object?>
                {
                    ["field"] = new Dictionary<string, object?> { ["field"] = field, ["model_id"] = modelId }, ["function"] = canonical,
                };
                if (!valueless) o["value"] = Get("value");
                o["override"] = Get("override");
                result.Add(o);
            }
            return result;
        }

        /// <summary>-EncryptionPassphrase: a SecureString, or a string (converted at once; never echoed).</summary>
        public static SecureString Passphrase(object value)
        {
            var plain = PSInput.Unwrap(value);
            if (plain is SecureString s && s.Length > 0) return s;
            if (plain is string text && text.Length > 0) return SecureStrings.FromPlain(text);
            throw new PolytomicInputException("InvalidEncryptionPassphrase", "-EncryptionPassphrase takes a non-empty SecureString or string.", "EncryptionPassphrase");
        }

        /// <summary>One -RunAfter item resolved: a sync or a bulk sync, by id.</summary>
        public sealed class Dependency
        {
            public bool Bulk;
            public string Id = "";
            public string Name = "";
        }

        /// <summary>Resolves -RunAfter items (sync or bulk-sync objects, ids or names) with the lookups given.</summary>
        public static List<Dependency> Resolve(object[] items, Func<string, PolytomicSync?> syncById, Func<string, PolytomicBulkSync?> bulkById,
            Func<string, PolytomicSync?> syncByName, Func<string, PolytomicBulkSync?> bulkByName)
        {
            var result = new List<Dependency>();
            foreach (var item in items)
            {
                var value = PSInput.Unwrap(item);
                Dependency? d = value switch
                {
                    PolytomicSync s => new Dependency { Id = s.Id, Name = s.Name ?? s.Id },
                    PolytomicBulkSync b => new Dependency { Bulk = true, Id = b.Id, Name = b.Name ?? b.Id },
                    _ => null,
                };
                if (d == null)
                {
                    var text = value?.ToString();
                    if (string.IsNullOrEmpty(text))
                        throw new PolytomicInputException("UnknownRunAfter", "-RunAfter takes syncs or bulk syncs: names, ids or objects.", "RunAfter", item);
                    var byId = Guid.TryParse(text, out _);
                    var sync = byId ? syncById(text!) : syncByName(text!);
                    var bulk = byId && sync != null ? null : byId ? bulkById(text!) : bulkByName(text!);
                    if (sync != null && bulk != null)
                        throw new PolytomicInputException("AmbiguousRunAfter",
                            $"-RunAfter: both a sync and a bulk sync are named '{text}'; give its id or object instead.", "RunAfter", text);
                    d = sync != null ? new Dependency { Id = sync.Id, Name = sync.Name ?? sync.Id }
                        : bulk != null ? new Dependency { Bulk = true, Id = bulk.Id, Name = bulk.Name ?? bulk.Id }
                        : throw new PolytomicInputException("UnknownRunAfter",
                            $"-RunAfter: no sync or bulk sync is {(byId ? "with id" : "named")} '{text}'.", "RunAfter", text);
                }
                if (!result.Any(r => r.Id == d.Id)) result.Add(d);
            }
            return result;
        }

        /// <summary>The schedule.run_after object of the dependencies.</summary>
        public static Dictionary<string, object?> RunAfter(List<Dependency> dependencies) => new Dictionary<string, object?>
        {
            ["sync_ids"] = dependencies.Where(d => !d.Bulk).Select(d => d.Id).ToList(),
            ["bulk_sync_ids"] = dependencies.Where(d => d.Bulk).Select(d => d.Id).ToList(),
        };

        /// <summary>Refuses a sync that would run after itself, directly or through the syncs it names (read with
        /// <paramref name="runAfterOf"/>: the sync ids a sync runs after).</summary>
        public static void CheckNoCycle(string selfId, string selfName, List<Dependency> dependencies, Func<string, IEnumerable<string>> runAfterOf)
        {
            var self = dependencies.FirstOrDefault(d => d.Id == selfId);
            if (self != null)
                throw new PolytomicInputException("RunAfterItself", $"-RunAfter: sync '{selfName}' cannot run after itself.", "RunAfter", self.Name);
            var seen = new HashSet<string>();
            var queue = new Queue<(string Id, string Via)>(dependencies.Where(d => !d.Bulk).Select(d => (d.Id, d.Name)));
            while (queue.Count > 0 && seen.Count < 500)
            {
                var (id, via) = queue.Dequeue();
                if (!seen.Add(id)) continue;
                foreach (var next in runAfterOf(id))
                {
                    if (next == selfId)
                        throw new PolytomicInputException("RunAfterCycle",
                            $"-RunAfter: '{via}' already runs after '{selfName}' (directly or through other syncs), so the two would wait for each other.", "RunAfter", via);
                    queue.Enqueue((next, via));
                }
            }
        }

        /// <summary>The sync ids a schedule's run_after names.</summary>
        public static IEnumerable<string> SyncIds(SyncSchedule? schedule)
        {
            if (schedule?.RunAfter == null || !schedule.RunAfter.TryGetValue("sync_ids", out var ids) || ids == null) return Enumerable.Empty<string>();
            if (ids is System.Text.Json.JsonElement e && e.ValueKind == System.Text.Json.JsonValueKind.Array)
                return e.EnumerateArray().Select(x => x.ToString()).ToList();
            return ids is IEnumerable list && !(ids is string) ? list.Cast<object?>().Select(x => x?.ToString() ?? "").Where(x => x.Length > 0).ToList() : Enumerable.Empty<string>();
        }
    }
}
