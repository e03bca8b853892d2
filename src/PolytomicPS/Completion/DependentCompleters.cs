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

    /// <summary>Completes -Identity and -Field: model field names from the model already given (-Model or -ModelId: an
    /// id, a model object or a model's name), and target field names once -Target and -Object are given too.
    /// PowerShell calls no argument completer inside a hashtable literal (the value of @{ email = '…' } would complete
    /// as a file path), so completion works on bare words and writes the hashtable itself:
    /// <c>em</c>&lt;Tab&gt; gives <c>@{ email = 'Email' }</c> (the target field with the nearest name, when there is
    /// one), and <c>email=</c>&lt;Tab&gt; (or <c>email=Fi</c>) offers every target field for the value. For -Identity
    /// only target fields that support identity are offered. One read of the model and of the target's fields per
    /// cache lifetime.</summary>
    public sealed class ModelFieldCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var targets = TargetFields(fakeBoundParameters, identity: string.Equals(parameterName, "Identity", StringComparison.OrdinalIgnoreCase));
            var equals = word.IndexOf('=');
            if (equals > 0)
            {
                // The value: the target fields, for the model field before '='.
                var source = word.Substring(0, equals).Trim();
                var typed = word.Substring(equals + 1).Trim().Trim('\'', '"');
                return Matching(targets, typed).Select(t => new CompletionResult(Pair(source, t.Id), t.Name, CompletionResultType.ParameterValue, t.Detail ?? t.Id));
            }
            var model = CompletionHelper.BoundId(fakeBoundParameters, "models", new ModelNameCompleter(), "Model", "ModelId");
            if (model == null || !Guid.TryParse(model, out _)) return Enumerable.Empty<CompletionResult>();
            var fields = CompletionHelper.Cached("model_fields:" + model, async (c, ct) =>
                (IReadOnlyList<CompletionItem>)(await c.GetModelAsync(model, ct).ConfigureAwait(false)).Fields
                    .Where(f => !string.IsNullOrEmpty(f.Name))
                    .Select(f => new CompletionItem(f.Name!, f.Name, $"{f.Name} ({f.Type})")).ToList());
            var targetIds = targets.Select(t => t.Id).ToList();
            return Matching(fields, word).Select(f => new CompletionResult(Pair(f.Id, NearestName.Find(f.Id, targetIds) ?? ""),
                f.Name, CompletionResultType.ParameterValue, f.Detail ?? f.Id));
        }

        private static IEnumerable<CompletionItem> Matching(IEnumerable<CompletionItem> items, string word)
        {
            var pattern = Wildcards.Prefix(word);
            return items.Where(i => pattern.IsMatch(i.Name) || pattern.IsMatch(i.Id))
                .GroupBy(i => i.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
                .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase);
        }

        private static string Pair(string source, string target)
        {
            var key = System.Text.RegularExpressions.Regex.IsMatch(source, "^[A-Za-z_][A-Za-z0-9_]*$") ? source : "'" + source.Replace("'", "''") + "'";
            return "@{ " + key + " = '" + target.Replace("'", "''") + "' }";
        }

        /// <summary>The target object's fields, once -Target (or -TargetConnectionId) and -Object are given; else none.</summary>
        private static IReadOnlyList<CompletionItem> TargetFields(IDictionary fakeBoundParameters, bool identity)
        {
            var connection = CompletionHelper.BoundId(fakeBoundParameters, "connections", new ConnectionNameCompleter(), "Target", "TargetConnectionId");
            var target = fakeBoundParameters != null && fakeBoundParameters.Contains("Object") ? PSInput.Unwrap(fakeBoundParameters["Object"])?.ToString() : null;
            if (connection == null || !Guid.TryParse(connection, out _) || string.IsNullOrEmpty(target)) return Array.Empty<CompletionItem>();
            var fields = CompletionHelper.Cached("targets:" + connection + ":fields:" + target, async (c, ct) =>
                (IReadOnlyList<CompletionItem>)(await c.GetTargetFieldsAsync(connection, target!, false, ct).ConfigureAwait(false)).Fields
                    .Select(f => new CompletionItem(f.Id, f.Name, (f.SupportsIdentity ? "identity " : "") + $"{f.Name ?? f.Id} ({f.Type})")).ToList());
            return identity ? fields.Where(f => f.Detail?.StartsWith("identity ", StringComparison.Ordinal) == true).ToList() : fields;
        }
    }
}

namespace PolytomicPS
{
    /// <summary>Completes -Filter of Set-PolytomicBulkSchema. PowerShell calls no argument completer inside a hashtable
    /// literal, so this works on bare words and writes the hashtable: <c>em</c>&lt;Tab&gt; offers the schema's fields
    /// (once -SyncId and -Schema are given) as <c>email=</c>, and <c>email=</c>&lt;Tab&gt; (or <c>email=IsN</c>) offers
    /// every filter function as <c>@{ Field = 'email'; Function = 'IsNotNull' }</c>.</summary>
    public sealed class BulkFilterCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            if (FilterFunctionCompletion.TryComplete(word, "", out var functions)) return functions;
            var sync = CompletionHelper.BoundId(fakeBoundParameters, "bulk_syncs", new BulkSyncNameCompleter(), "SyncId");
            var schema = fakeBoundParameters != null && fakeBoundParameters.Contains("Schema") ? PSInput.Unwrap(fakeBoundParameters["Schema"]) : null;
            var schemaId = schema is object[] a ? a.FirstOrDefault()?.ToString() : schema?.ToString();
            if (sync == null || !Guid.TryParse(sync, out _) || string.IsNullOrEmpty(schemaId)) return Enumerable.Empty<CompletionResult>();
            var fields = CompletionHelper.Cached("bulk_schema_fields:" + sync + ":" + schemaId, async (c, ct) =>
                (IReadOnlyList<CompletionItem>)((await c.GetBulkSchemaAsync(sync, schemaId!, ct).ConfigureAwait(false)).Fields ?? new List<Polytomic.Models.PolytomicBulkField>())
                    .Select(f => new CompletionItem(f.Id, f.Id)).ToList());
            var prefix = Wildcards.Prefix(word);
            return fields.Where(f => prefix.IsMatch(f.Id)).Select(f => new CompletionResult(f.Id + "=", f.Id, CompletionResultType.ParameterValue, f.Id));
        }
    }
}

namespace PolytomicPS
{
    /// <summary>Completes -Override of New-/Set-PolytomicSync like -Filter of Set-PolytomicBulkSchema: <c>plan=</c>&lt;Tab&gt;
    /// (or <c>plan=IsN</c>) offers every filter function as a whole override, <c>@{ Field = 'plan'; Function = 'IsNull';
    /// Override = '' }</c> (with <c>Value = ''</c> where the function compares with one); a bare word offers the fields of
    /// the model given with -Model as <c>name=</c>.</summary>
    public sealed class OverrideCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            if (FilterFunctionCompletion.TryComplete(word, "; Override = ''", out var functions)) return functions;
            var model = CompletionHelper.BoundId(fakeBoundParameters, "models", new ModelNameCompleter(), "Model", "ModelId");
            if (model == null || !Guid.TryParse(model, out _)) return Enumerable.Empty<CompletionResult>();
            var fields = CompletionHelper.Cached("model_fields:" + model, async (c, ct) =>
                (IReadOnlyList<CompletionItem>)(await c.GetModelAsync(model, ct).ConfigureAwait(false)).Fields
                    .Where(f => !string.IsNullOrEmpty(f.Name)).Select(f => new CompletionItem(f.Name!, f.Name, $"{f.Name} ({f.Type})")).ToList());
            var prefix = Wildcards.Prefix(word);
            return fields.Where(f => prefix.IsMatch(f.Id)).Select(f => new CompletionResult(f.Id + "=", f.Id, CompletionResultType.ParameterValue, f.Detail ?? f.Id));
        }
    }
}

namespace PolytomicPS
{
    /// <summary>The <c>field=</c>&lt;Tab&gt; step that -Filter and -Override share: every filter function (matching what
    /// follows the '=') as a whole hashtable, with <c>Value = ''</c> where the function compares with one, then
    /// <c>extra</c> (the override's own key).</summary>
    internal static class FilterFunctionCompletion
    {
        public static bool TryComplete(string word, string extra, out IEnumerable<CompletionResult> results)
        {
            var equals = word.IndexOf('=');
            if (equals <= 0) { results = Enumerable.Empty<CompletionResult>(); return false; }
            var field = word.Substring(0, equals).Trim().Replace("'", "''");
            var pattern = Wildcards.Prefix(word.Substring(equals + 1).Trim());
            results = PolytomicValues.FilterFunctions.Where(f => pattern.IsMatch(f)).Select(f => new CompletionResult(
                "@{ Field = '" + field + "'; Function = '" + f + "'" + (Polytomic.Models.SyncModes.ValuelessFilterFunctions.Contains(f) ? "" : "; Value = ''") + extra + " }",
                f, CompletionResultType.ParameterValue, f));
            return true;
        }
    }
}
