using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>Completes -Name of the cmdlets that cover model syncs and bulk syncs alike (Get-PolytomicSyncHealth,
    /// Export-PolytomicHealthReport) and -RunAfter of New-/Set-PolytomicSync with both kinds' names, from the same caches as their own completers.</summary>
    public sealed class SyncOrBulkNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionHelper.Complete(new SyncNameCompleter().Items().Concat(new BulkSyncNameCompleter().Items()).ToList(), wordToComplete, insertIds: false);
    }
}
