using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Workspace
{
    /// <summary>One step of a workspace plan: what Import-PolytomicWorkspace would do (or did) to one object.</summary>
    public sealed class WorkspacePlanItem
    {
        /// <summary>An empty step (for formatting samples); plans come from WorkspacePlanner.</summary>
        public WorkspacePlanItem() : this(WorkspaceAction.NoChange, WorkspaceKinds.Connections, "") { }

        internal WorkspacePlanItem(WorkspaceAction action, string kind, string name)
        {
            Action = action; KindKey = kind; Name = name;
        }

        public WorkspaceAction Action { get; internal set; }
        /// <summary>Connection, Model, Sync or BulkSync.</summary>
        public string Kind => WorkspaceKinds.Display(KindKey);
        public string Name { get; }
        /// <summary>Field-level changes of an Update: old and new values (secrets show only as changed).</summary>
        public List<WorkspaceFieldChange> Changes { get; } = new List<WorkspaceFieldChange>();
        /// <summary>The placeholders a NeedsSecret step lacks (give them to -Secret).</summary>
        public List<string> MissingSecrets { get; } = new List<string>();
        public string? Note { get; internal set; }
        /// <summary>After Import: Applied, Failed, Skipped (a dependency failed) or NotRun (-WhatIf, declined).</summary>
        public string? Result { get; internal set; }
        public string? Error { get; internal set; }

        /// <summary>Records that the step was not run (-WhatIf, or declined at a prompt).</summary>
        public void MarkNotRun() => Result = "NotRun";
        /// <summary>The id in the target workspace (after a Create, the new id).</summary>
        public string? Id { get; internal set; }

        /// <summary>One line for the plan table: the changes, the missing secrets, or a note or error.</summary>
        public string Detail
        {
            get
            {
                if (Error != null) return Error;
                if (MissingSecrets.Count > 0) return "needs -Secret " + string.Join(", ", MissingSecrets);
                var text = string.Join("; ", Changes.Select(c => c.ToString()));
                return Note == null ? text : text.Length == 0 ? Note : text + "; " + Note;
            }
        }

        public string KindKey { get; }
        internal WorkspaceObject? Desired { get; set; }
        internal bool SendSecrets { get; set; }

        /// <summary>The plan line: "+ Connection Warehouse", "~ Sync Nightly (2 changes)".</summary>
        public override string ToString() => $"{Symbol} {Kind} {Name}" + (Changes.Count > 0 ? $" ({Changes.Count} change{(Changes.Count == 1 ? "" : "s")})" : "");

        public string Symbol => Action switch
        {
            WorkspaceAction.Create => "+",
            WorkspaceAction.Update => "~",
            WorkspaceAction.Delete => "-",
            WorkspaceAction.NeedsSecret => "!",
            _ => "=",
        };
    }
}
