namespace Polytomic.Workspace
{
    /// <summary>The JSON shapes a workspace file's field may have.</summary>
    internal enum WorkspaceShape { String, Bool, Integer, Object, Array, StringArray, ObjectArray, Any, Placeholder }
}
