namespace Polytomic.Workspace
{
    /// <summary>One field a workspace file may hold: its shape, whether it is required, and its allowed values.</summary>
    internal sealed class WorkspaceFieldSpec
    {
        public WorkspaceFieldSpec(WorkspaceShape shape, bool required = false, string[]? values = null) { Shape = shape; Required = required; Values = values; }
        public WorkspaceShape Shape { get; }
        public bool Required { get; }
        public string[]? Values { get; }

        /// <summary>Short form for the kinds' field tables.</summary>
        public static WorkspaceFieldSpec S(WorkspaceShape shape, bool required = false, string[]? values = null) => new WorkspaceFieldSpec(shape, required, values);
    }
}
