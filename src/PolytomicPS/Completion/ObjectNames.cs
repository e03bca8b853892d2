using Polytomic.Models;

namespace PolytomicPS
{
    /// <summary>Names objects in progress titles and -WhatIf targets: "Connection 'Salesforce' (248df4b7…)" rather than
    /// a bare id. The names come from the session's book (<see cref="CompletionCache"/>), which learns them from the
    /// objects cmdlets output and the lists Tab reads, so naming never costs a call.</summary>
    internal static class ObjectNames
    {
        /// <summary>Remembers the name of a connection, model, sync or bulk sync on its way to the pipeline.</summary>
        public static void Learn(PolytomicSession? session, object? value)
        {
            if (session == null || value == null) return;
            switch (value)
            {
                case PolytomicConnection x: session.Completion.Remember(x.Id, x.Name, ObjectKinds.Connection); break;
                case PolytomicModel x:
                    session.Completion.Remember(x.Id, x.Name, ObjectKinds.Model);
                    x.ConnectionName ??= session.Completion.NameOf(x.ConnectionId, ObjectKinds.Connection);
                    break;
                case PolytomicSync x: session.Completion.Remember(x.Id, x.Name, ObjectKinds.Sync); break;
                case PolytomicBulkSync x: session.Completion.Remember(x.Id, x.Name, ObjectKinds.BulkSync); break;
            }
        }

        /// <summary>"Kind 'Name' (first 8 of the id…)" when the name is known, else "Kind id".</summary>
        public static string Describe(PolytomicSession? session, string kind, string? id)
        {
            if (string.IsNullOrEmpty(id)) return kind;
            var name = session?.Completion.NameOf(id, kind);
            return name == null ? $"{kind} {id}" : $"{kind} '{name}' ({Short(id!)})";
        }

        public static string Short(string id) => id.Length > 8 ? id.Substring(0, 8) + "…" : id;
    }
}
