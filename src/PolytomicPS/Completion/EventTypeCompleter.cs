using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Polytomic.Models;

namespace PolytomicPS
{
    /// <summary>Completes -Type with the event types of API.md §5 (static: Tab never calls the API).</summary>
    public sealed class EventTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => CompletionHelper.Complete(EventTypes.Known, wordToComplete);
    }
}
