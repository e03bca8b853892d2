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
    /// <summary>The organization's global error subscribers (-Include ErrorSubscribers): one list, always there (maybe
    /// empty), one file. It is updated, never created; deleting it empties it; -Name does not select it.</summary>
    internal sealed class ErrorSubscribersKind : WorkspaceKind
    {
        public ErrorSubscribersKind() : base(WorkspaceKinds.ErrorSubscribers, "ErrorSubscribers", "ErrorSubscribers", optional: true) { }

        public override string? SingleFile => WorkspaceFolder.ErrorSubscribersFile;

        public override string NameOf(JsonObject body) => WorkspaceKinds.ErrorSubscribersName;

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["emails"] = S(Shape.StringArray, true),
        };

        internal override async Task ReadAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key)) return;
            var list = await reading.Client.GetErrorSubscribersAsync(reading.Ct).ConfigureAwait(false);
            reading.Snapshot.AddId(Key, WorkspaceKinds.ErrorSubscribersName, WorkspaceKinds.ErrorSubscribersName);
            reading.Snapshot.Objects.Add(new WorkspaceObject(Key, ToFile(list)));
        }

        internal static JsonObject ToFile(PolytomicErrorSubscribers list) => new JsonObject
        {
            ["emails"] = new JsonArray(list.Emails.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(e => e, StringComparer.Ordinal)
                .Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
        };

        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var emails = (item.Desired!.Body["emails"] as JsonArray ?? new JsonArray()).Select(e => (string?)e ?? "").ToList();
            await applier.Client.SetErrorSubscribersAsync(emails, ct).ConfigureAwait(false);
            return WorkspaceKinds.ErrorSubscribersName;
        }

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.SetErrorSubscribersAsync(new string[0], ct);
    }
}
