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
    /// <summary>Policies (-Include Policies): their actions, each naming its roles by name. System policies are
    /// Polytomic's and never written.</summary>
    internal sealed class PolicyKind : WorkspaceKind
    {
        public PolicyKind() : base(WorkspaceKinds.Policies, "Policy", "Policies", optional: true) { }

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["name"] = S(Shape.String, true), ["policy_actions"] = S(Shape.ObjectArray),
        };

        private static readonly Dictionary<string, WorkspaceFieldSpec> PolicyAction = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["action"] = S(Shape.String, true), ["roles"] = S(Shape.StringArray),
        };

        /// <summary>Reads after roles (which record every role's name, system roles too).</summary>
        internal override async Task ReadAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key)) return;
            foreach (var p in (await reading.Client.ListPoliciesAsync(reading.Ct).ConfigureAwait(false)).Where(p => !p.System))
            {
                reading.Snapshot.AddId(Key, p.Name, p.Id);
                if (reading.Wanted(Key, p.Name)) reading.Snapshot.Objects.Add(new WorkspaceObject(Key, ToFile(p, reading.NameOf)));
            }
        }

        internal static JsonObject ToFile(PolytomicPolicy p, WorkspaceNormalizer.Resolver names)
        {
            var actions = p.PolicyActions.OrderBy(a => a.Action, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
            {
                ["action"] = a.Action,
                ["roles"] = new JsonArray((a.RoleIds ?? new List<string>()).Select(id => names(WorkspaceKinds.Roles, id)
                        ?? throw new WorkspaceException("UnresolvedReference", $"Role {id} is referred to by policy '{p.Name}' but does not exist.", id))
                    .Distinct().OrderBy(n => n, StringComparer.Ordinal).Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            }).ToArray();
            return new JsonObject { ["name"] = p.Name, ["policy_actions"] = new JsonArray(actions) };
        }

        internal override void CheckDetails(JsonObject body, Action<string, string> add) =>
            WorkspaceValidator.Items(body, "policy_actions", (o, p) => WorkspaceValidator.CheckObject(o, p, PolicyAction, add, "a policy action"));

        /// <summary>The roles its actions name.</summary>
        internal override IEnumerable<(string Kind, string Name)> Dependencies(WorkspaceObject o) =>
            (o.Body["policy_actions"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
                .SelectMany(a => (a["roles"] as JsonArray ?? new JsonArray()).Select(r => (string?)r ?? "")).Distinct()
                .Select(n => (WorkspaceKinds.Roles, n));

        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var o = item.Desired!;
            var request = new PolicyRequest
            {
                Name = o.Name,
                PolicyActions = (o.Body["policy_actions"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(a => new PolicyAction
                {
                    Action = (string?)a["action"] ?? "",
                    RoleIds = (a["roles"] as JsonArray ?? new JsonArray()).Select(r => (string?)r ?? "").Select(n => applier.IdOf(WorkspaceKinds.Roles, n)
                        ?? throw new WorkspaceException("UnresolvedReference", $"Role '{n}' is referred to but is neither in the folder nor in the workspace.", n)).ToList(),
                }).ToList(),
            };
            return creating ? (await applier.Client.CreatePolicyAsync(request, ct).ConfigureAwait(false)).Id
                : (await applier.Client.UpdatePolicyAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
        }

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.DeletePolicyAsync(id, ct);
    }
}
