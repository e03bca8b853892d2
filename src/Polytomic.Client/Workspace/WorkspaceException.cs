using System;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Workspace
{
    /// <summary>A workspace problem found before or while applying: a stable ErrorId and a message naming the objects.
    /// A folder check that finds several problems carries them all in <see cref="Problems"/>.</summary>
    public sealed class WorkspaceException : Exception
    {
        public WorkspaceException(string errorId, string message, object? target = null) : base(message) { ErrorId = errorId; Target = target; }

        public WorkspaceException(string errorId, string message, IReadOnlyList<WorkspaceProblem> problems) : base(message)
        {
            ErrorId = errorId; Target = problems.FirstOrDefault()?.File; Problems = problems;
        }

        public string ErrorId { get; }
        public object? Target { get; }
        public IReadOnlyList<WorkspaceProblem> Problems { get; } = new WorkspaceProblem[0];

        /// <summary>The folder check's exception for its problems: the message lists the first ones.</summary>
        public static WorkspaceException Of(string folder, IReadOnlyList<WorkspaceProblem> problems) => new WorkspaceException(
            "WorkspaceFolderInvalid",
            $"Nothing was written: the workspace folder '{folder}' has {problems.Count} problem(s): " +
            string.Join("; ", problems.Take(10)) + (problems.Count > 10 ? "; …" : "") + ".", problems);
    }
}
