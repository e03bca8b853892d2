using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PolytomicPS
{
    /// <summary>Completes -Object with the target objects of the connection already given (-Target, -TargetConnectionId
    /// or -ConnectionId: an id, a connection object or a connection's name). One list per connection, cached like the
    /// others; nothing is offered before a connection is given.</summary>
    public sealed class TargetObjectCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = CompletionHelper.BoundId(fakeBoundParameters, "connections", new ConnectionNameCompleter(),
                "Target", "TargetConnectionId", "ConnectionId");
            if (connection == null || !Guid.TryParse(connection, out _)) return Enumerable.Empty<CompletionResult>();
            var objects = CompletionHelper.Cached("targets:" + connection, async (c, ct) =>
                (IReadOnlyList<CompletionItem>)(await c.GetTargetObjectsAsync(connection, ct).ConfigureAwait(false)).Data
                    .Select(o => new CompletionItem(o.Id, o.Name, o.Name == null || o.Name == o.Id ? o.Id : $"{o.Name} ({o.Id})")).ToList());
            return CompletionHelper.Complete(objects, wordToComplete, insertIds: true);
        }
    }

    /// <summary>Completes model field names for -Identity and -Field from the model already given (-Model or -ModelId:
    /// an id, a model object or a model's name). PowerShell calls no argument completer for the keys inside a hashtable
    /// literal, so a bare word completes to a one-pair hashtable, @{ email = '' }, whose target field is then typed in.
    /// One read of the model per cache lifetime.</summary>
    public sealed class ModelFieldCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var model = CompletionHelper.BoundId(fakeBoundParameters, "models", new ModelNameCompleter(), "Model", "ModelId");
            if (model == null || !Guid.TryParse(model, out _)) return Enumerable.Empty<CompletionResult>();
            var fields = CompletionHelper.Cached("model_fields:" + model, async (c, ct) =>
                (IReadOnlyList<CompletionItem>)(await c.GetModelAsync(model, ct).ConfigureAwait(false)).Fields
                    .Where(f => !string.IsNullOrEmpty(f.Name))
                    .Select(f => new CompletionItem(f.Name!, f.Name, $"{f.Name} ({f.Type})")).ToList());
            return CompletionHelper.Complete(fields, wordToComplete, insertIds: true)
                .Select(r => new CompletionResult("@{ " + r.CompletionText + " = '' }", r.ListItemText, r.ResultType, r.ToolTip));
        }
    }
}
