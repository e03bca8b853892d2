using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Models;
using Shape = Polytomic.Workspace.WorkspaceShape;
using static Polytomic.Workspace.WorkspaceFieldSpec;

namespace Polytomic.Workspace
{
    /// <summary>Roles (-Include Roles): by name only. System roles are Polytomic's: never written, changed or deleted,
    /// but a policy may name one. Roles are listed whenever policies are, so that their names resolve.</summary>
    internal sealed class RoleKind : WorkspaceKind
    {
        public RoleKind() : base(WorkspaceKinds.Roles, "Role", optional: true) { }

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["name"] = S(Shape.String, true),
        };

        internal override async Task ReadAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key) && !reading.Asked(WorkspaceKinds.Policies)) return;
            foreach (var r in await reading.Client.ListRolesAsync(reading.Ct).ConfigureAwait(false))
            {
                reading.Name(Key, r.Id, r.Name ?? "");
                if (r.System) { reading.Snapshot.SystemIds[(Key, r.Name ?? "")] = r.Id; continue; }
                reading.Snapshot.AddId(Key, r.Name, r.Id);
                if (reading.Wanted(Key, r.Name)) reading.Snapshot.Objects.Add(new WorkspaceObject(Key, ToFile(r)));
            }
        }

        internal static JsonObject ToFile(PolytomicRole r) => new JsonObject { ["name"] = r.Name };

        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var request = new RoleRequest { Name = item.Desired!.Name };
            return creating ? (await applier.Client.CreateRoleAsync(request, ct).ConfigureAwait(false)).Id
                : (await applier.Client.UpdateRoleAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
        }

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.DeleteRoleAsync(id, ct);
    }
}
