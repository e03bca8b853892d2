using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Workspace
{
    /// <summary>One object of a workspace as its file holds it: names instead of ids, no server-owned fields, secrets as
    /// placeholders.</summary>
    public sealed class WorkspaceObject
    {
        public WorkspaceObject(string kind, JsonObject body)
        {
            Kind = kind;
            Body = body;
            Name = WorkspaceKinds.NameOf(kind, body);
        }

        public string Kind { get; }
        /// <summary>The registered kind that reads, checks, compares and applies the object.</summary>
        internal WorkspaceKind Type => WorkspaceKinds.Of(Kind);
        public string Name { get; }
        public JsonObject Body { get; }

        /// <summary>The file it was read from, relative to the folder ('/'-separated); null when not read from a folder.</summary>
        public string? File { get; internal set; }

        /// <summary>The placeholders the object holds (connection secrets, a sync's encryption passphrase, a webhook's secret).</summary>
        public IEnumerable<(string Path, string Placeholder)> Placeholders() => WorkspaceJson.Placeholders(Body, "");

        public override string ToString() => WorkspaceKinds.Display(Kind) + " " + Name;
    }
}
