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

        public static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string wordToComplete)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = Wildcards.Prefix(word);
            foreach (var v in values.Where(v => pattern.IsMatch(v)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(v => v, StringComparer.OrdinalIgnoreCase))
            {
                var text = v.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', ';', ',', '{', '}', '@', '#', '&', '|' }) >= 0
                    ? "'" + v.Replace("'", "''") + "'" : v;
                yield return new CompletionResult(text, v, CompletionResultType.ParameterValue, v);
            }
        }

        /// <summary>A list from the session's cache, loaded at most once per cache lifetime; empty without a session.</summary>
        public static IReadOnlyList<string> Cached(string kind, Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<string>>> load)
        {
            var session = SessionStore.Current;
            if (session == null) return Array.Empty<string>();
            return session.Completion.Get(kind, () =>
            {
                using var cts = new CancellationTokenSource(LoadTimeout);
                try { return load(session.Client, cts.Token).GetAwaiter().GetResult(); }
                catch (Exception) { return null; } // completion must never throw at the user; a failure is not cached
            });
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
                (IReadOnlyList<string>)(await c.ListConnectionTypesAsync(ct).ConfigureAwait(false)).Select(t => t.Id).ToList());
            return CompletionHelper.Complete(types.Count > 0 ? types : Common, wordToComplete);
        }
    }

    /// <summary>Completes names from the session's short-lived cache: the first Tab lists them through the API, the
    /// next ones (for <see cref="CompletionCache.Lifetime"/>, or until a cmdlet changes that kind) read the cache.
    /// Cmdlets that create, rename or delete objects call <c>CurrentSession.Completion.Invalidate(Kind)</c>.</summary>
    public abstract class CachedNameCompleter : IArgumentCompleter
    {
        /// <summary>The cache key ("connections", "models", "syncs", "bulk_syncs").</summary>
        protected abstract string Kind { get; }

        /// <summary>Reads the names; null while the API area is not there yet (then nothing is offered).</summary>
        internal abstract Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<string>>>? Source { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var source = Source;
            if (source == null) return Enumerable.Empty<CompletionResult>();
            return CompletionHelper.Complete(CompletionHelper.Cached(Kind, source), wordToComplete);
        }
    }

    /// <summary>Completes connection names.</summary>
    public sealed class ConnectionNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "connections";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<string>>>? Source =>
            async (c, ct) => (await c.ListConnectionsAsync(ct).ConfigureAwait(false)).Select(x => x.Name ?? x.Id).ToList();
    }

    /// <summary>Completes model names.</summary>
    public sealed class ModelNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "models";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<string>>>? Source =>
            async (c, ct) => (await c.ListModelsAsync(ct).ConfigureAwait(false)).Select(x => x.Name ?? x.Id).ToList();
    }

    /// <summary>Completes model sync names (first page only on 2025-09-18: Tab must stay cheap).</summary>
    public sealed class SyncNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "syncs";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<string>>>? Source =>
            async (c, ct) => (await c.ListSyncsPageAsync(null, null, null, ct).ConfigureAwait(false)).Items.Select(x => x.Name ?? x.Id).ToList();
    }

    /// <summary>Completes bulk sync names (first page only: Tab must stay cheap).</summary>
    public sealed class BulkSyncNameCompleter : CachedNameCompleter
    {
        protected override string Kind => "bulk_syncs";

        internal override Func<Polytomic.PolytomicClient, CancellationToken, Task<IReadOnlyList<string>>>? Source =>
            async (c, ct) => (await c.ListBulkSyncsPageAsync(null, null, ct).ConfigureAwait(false)).Items.Select(x => x.Name ?? x.Id).ToList();
    }
}
