using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>The fixed values of Polytomic's enumerations, for completers. The lists themselves live once,
    /// in the client (Polytomic.Models), where input checks use them too.</summary>
    public static class PolytomicValues
    {
        public static IReadOnlyList<string> SyncModes => Polytomic.Models.SyncModes.All;
        public static readonly IReadOnlyList<string> BulkSyncModes = new[] { "snapshot", "replicate" };
        public static IReadOnlyList<string> ScheduleFrequencies => Polytomic.Models.SyncModes.Frequencies;
        public static IReadOnlyList<string> IdentityFunctions => Polytomic.Models.SyncModes.IdentityFunctions;
        public static IReadOnlyList<string> FilterFunctions => Polytomic.Models.SyncModes.FilterFunctions;
        public static IReadOnlyList<string> EventTypes => Polytomic.Models.EventTypes.Known;
        public static IReadOnlyList<string> ApiVersions => Polytomic.ApiVersions.Supported;
    }

    /// <summary>Completes a parameter from a fixed list (no API call).</summary>
    public abstract class ValueCompleter : IArgumentCompleter
    {
        protected abstract IEnumerable<string> Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionHelper.Complete(Values, wordToComplete);
    }

    /// <summary>Model sync modes: create, update, updateOrCreate, replace, append, remove, snapshot.</summary>
    public sealed class SyncModeCompleter : ValueCompleter { protected override IEnumerable<string> Values => PolytomicValues.SyncModes; }

    /// <summary>Bulk sync modes: snapshot, replicate.</summary>
    public sealed class BulkSyncModeCompleter : ValueCompleter { protected override IEnumerable<string> Values => PolytomicValues.BulkSyncModes; }

    /// <summary>Schedule frequencies: manual, continuous, hourly, daily, weekly, custom, builder, runafter, multi, dbtcloud.</summary>
    public sealed class ScheduleFrequencyCompleter : ValueCompleter { protected override IEnumerable<string> Values => PolytomicValues.ScheduleFrequencies; }

    /// <summary>Identity functions of a sync's identity mapping: Equality, ISubstring, OneOf, DomainMatch, HostnameMatch.</summary>
    public sealed class IdentityFunctionCompleter : ValueCompleter { protected override IEnumerable<string> Values => PolytomicValues.IdentityFunctions; }

    /// <summary>Event types of events and webhooks (sync.* and bulk_sync.*).</summary>
    public sealed class EventTypeCompleter : ValueCompleter { protected override IEnumerable<string> Values => PolytomicValues.EventTypes; }

    /// <summary>API versions this module speaks (for parameters that cannot use ValidateSet).</summary>
    public sealed class ApiVersionCompleter : ValueCompleter { protected override IEnumerable<string> Values => PolytomicValues.ApiVersions; }
}
