using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PolytomicPS
{
    /// <summary>Shared completion plumbing: cached lists from the default session, quoted results, a short timeout so
    /// Tab never hangs on the network.</summary>
    internal static class CompletionHelper
    {
        private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(3);

        private static readonly char[] NeedsQuotes = { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#', '&', '|', '[', ']' };

        public static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string wordToComplete) =>
            Complete(values.Select(v => new CompletionItem(v, v)), wordToComplete, insertIds: false);

        /// <summary>Items whose name or id starts with the word (wildcards allowed), by name. <paramref name="insertIds"/>:
        /// what is inserted is the id (parameters that take ids), listed under the name; otherwise the name.</summary>
        public static IEnumerable<CompletionResult> Complete(IEnumerable<CompletionItem> items, string wordToComplete, bool insertIds)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = Wildcards.Prefix(word);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items.Where(i => pattern.IsMatch(i.Name) || pattern.IsMatch(i.Id))
                                      .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Id, StringComparer.Ordinal))
            {
                var value = insertIds ? item.Id : item.Name;
                if (!seen.Add(value)) continue;
                var text = value.IndexOfAny(NeedsQuotes) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
                var tip = item.Detail ?? (item.Name == item.Id ? item.Id : $"{item.Name} ({item.Id})");
                yield return new CompletionResult(text, item.Name, CompletionResultType.ParameterValue, tip);
            }
        }

        /// <summary>A list from the session's cache, loaded at most once per cache lifetime; empty without a session.</summary>
        public static IReadOnlyList<CompletionItem> Cached(string kind, Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> load,
            bool objects = false)
        {
            var session = SessionStore.Current;
            if (session == null || session.IsDisposed) return Array.Empty<CompletionItem>();
            return session.Completion.Get(kind, () =>
            {
                using var cts = new CancellationTokenSource(LoadTimeout);
                try { return load(session.Client, cts.Token).GetAwaiter().GetResult(); }
                catch (Exception) { return null; } // completion must never throw at the user; a failure is not cached
            }, objects);
        }

        /// <summary>The id a bound parameter stands for, as the user typed it so far: an id, an object with an Id, or a
        /// name found in the cached list of <paramref name="kind"/>; null if there is none yet.</summary>
        public static string? BoundId(IDictionary fakeBoundParameters, string kind, CachedNameCompleter names, params string[] parameters)
        {
            foreach (var p in parameters)
            {
                if (fakeBoundParameters == null || !fakeBoundParameters.Contains(p)) continue;
                var value = PSInput.Unwrap(fakeBoundParameters[p]);
                if (value == null) continue;
                var text = value is string s ? s : (PSObject.AsPSObject(value).Properties["Id"]?.Value ?? value).ToString();
                if (string.IsNullOrEmpty(text)) continue;
                if (Guid.TryParse(text, out _)) return text;
                var byName = names.Items().FirstOrDefault(i => string.Equals(i.Name, text, StringComparison.OrdinalIgnoreCase));
                return byName.Id ?? text;
            }
            return null;
        }
    }

    /// <summary>Completes -Type with connection type ids: the API's catalogue, else the common ones.</summary>
    public sealed class ConnectionTypeCompleter : IArgumentCompleter
    {
        internal static readonly string[] Common =
        {
            "airtable", "api", "bigquery", "gcs", "hubspot", "mongodb", "mysql", "postgresql", "s3", "salesforce",
            "snowflake", "stripe", "webhook",
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var types = CompletionHelper.Cached("types", async (c, ct) =>
                (IReadOnlyList<CompletionItem>)(await c.ListConnectionTypesAsync(ct).ConfigureAwait(false)).Select(t => new CompletionItem(t.Id, t.Id, t.Name)).ToList());
            return types.Count > 0 ? CompletionHelper.Complete(types, wordToComplete, insertIds: true) : CompletionHelper.Complete(Common, wordToComplete);
        }
    }

    /// <summary>Completes connections, models, syncs or bulk syncs from the session's short-lived cache: the first Tab
    /// lists them through the API, the next ones (for <see cref="CompletionCache.Lifetime"/>, or until a cmdlet changes
    /// that kind) read the cache. A -Name parameter gets names; any other (-Id, -ConnectionId, -Target, -Model…) gets
    /// ids, listed under their names, since those parameters take ids: typing part of a name finds the id.
    /// Cmdlets that create, rename or delete objects call <c>CurrentSession.Completion.Invalidate(Kind)</c>.</summary>
    public abstract class CachedNameCompleter : IArgumentCompleter
    {
        /// <summary>The cache key ("connections", "models", "syncs", "bulk_syncs").</summary>
        protected abstract string Kind { get; }

        /// <summary>Reads the objects (one call; the first page where the list is paged: Tab must stay cheap).</summary>
        internal abstract Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> Source { get; }

        internal IReadOnlyList<CompletionItem> Items() => CompletionHelper.Cached(Kind, Source, objects: true);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var byName = string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase);
            return CompletionHelper.Complete(Items(), wordToComplete, insertIds: !byName);
        }
    }

    /// <summary>Completes connections (names for -Name, ids for the others).</summary>
    public sealed class ConnectionNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "connections";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> Source =>
            async (c, ct) => (await c.ListConnectionsAsync(ct).ConfigureAwait(false))
                .Select(x => new CompletionItem(x.Id, x.Name, $"{x.Name} ({x.Type} connection, {x.Id})")).ToList();
    }

    /// <summary>Completes models (names for -Name, ids for the others).</summary>
    public sealed class ModelNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "models";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> Source =>
            async (c, ct) => (await c.ListModelsAsync(ct).ConfigureAwait(false))
                .Select(x => new CompletionItem(x.Id, x.Name, $"{x.Name} (model, {x.Id})")).ToList();
    }

    /// <summary>Completes model syncs (first page only on 2025-09-18).</summary>
    public sealed class SyncNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "syncs";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> Source =>
            async (c, ct) => (await c.ListSyncsPageAsync(null, null, null, ct).ConfigureAwait(false)).Items
                .Select(x => new CompletionItem(x.Id, x.Name, $"{x.Name} (sync, {x.Id})")).ToList();
    }

    /// <summary>Completes bulk syncs (first page only on 2025-09-18).</summary>
    public sealed class BulkSyncNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "bulk_syncs";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> Source =>
            async (c, ct) => (await c.ListBulkSyncsPageAsync(null, null, ct).ConfigureAwait(false)).Items
                .Select(x => new CompletionItem(x.Id, x.Name, $"{x.Name} (bulk sync, {x.Id})")).ToList();
    }
}
