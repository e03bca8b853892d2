namespace Polytomic.Workspace
{
    /// <summary>One field that an import would change: its path in the object's file, the value now and the value wanted.
    /// Secrets show only as "(secret)".</summary>
    public sealed class WorkspaceFieldChange
    {
        public WorkspaceFieldChange(string field, object? oldValue, object? newValue) { Field = field; OldValue = oldValue; NewValue = newValue; }
        public string Field { get; }
        public object? OldValue { get; }
        public object? NewValue { get; }
        public override string ToString() => $"{Field}: {Text(OldValue)} -> {Text(NewValue)}";
        private static string Text(object? v) => v == null ? "(none)" : v is bool b ? (b ? "true" : "false") : v.ToString() ?? "";
    }
}
