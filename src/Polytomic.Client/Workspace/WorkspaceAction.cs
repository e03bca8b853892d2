namespace Polytomic.Workspace
{
    /// <summary>What a plan step does to one object.</summary>
    public enum WorkspaceAction { NoChange, Create, Update, Delete, NeedsSecret }
}
