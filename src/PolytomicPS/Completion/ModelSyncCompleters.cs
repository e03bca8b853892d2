using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Polytomic.Models;

namespace PolytomicPS
{
    /// <summary>Completes -Frequency with Polytomic's schedule frequencies.</summary>
    public sealed class FrequencyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => CompletionHelper.Complete(SyncModes.Frequencies, wordToComplete);
    }

    /// <summary>Completes -IdentityFunction with the identity functions of the API.</summary>
    public sealed class IdentityFunctionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => CompletionHelper.Complete(SyncModes.IdentityFunctions, wordToComplete);
    }

    /// <summary>Completes model names from a short-lived cache.</summary>
    public sealed class ModelNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var names = CompletionHelper.Cached("models", async (c, ct) =>
                (IReadOnlyList<string>)(await c.ListModelsAsync(ct).ConfigureAwait(false)).Select(x => x.Name ?? x.Id).ToList());
            return CompletionHelper.Complete(names, wordToComplete);
        }
    }

    /// <summary>Completes sync names from a short-lived cache (first page only on 2025-09-18: Tab must stay cheap).</summary>
    public sealed class SyncNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var names = CompletionHelper.Cached("syncs", async (c, ct) =>
                (IReadOnlyList<string>)(await c.ListSyncsPageAsync(null, null, null, ct).ConfigureAwait(false)).Items.Select(x => x.Name ?? x.Id).ToList());
            return CompletionHelper.Complete(names, wordToComplete);
        }
    }
}
