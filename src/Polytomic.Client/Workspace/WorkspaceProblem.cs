namespace Polytomic.Workspace
{
    /// <summary>One problem of a workspace file: its stable ErrorId, the file (relative to the folder, with '/'), the
    /// JSON path in it ("$" for the whole file) and what is wrong.</summary>
    public sealed class WorkspaceProblem
    {
        public WorkspaceProblem(string errorId, string file, string path, string message)
        {
            ErrorId = errorId; File = file; Path = path; Message = message;
        }

        public string ErrorId { get; }
        public string File { get; }
        public string Path { get; }
        public string Message { get; }

        public override string ToString() => Path.Length == 0 || Path == "$" ? $"{File}: {Message}" : $"{File} at {Path}: {Message}";
    }
}
