using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;
using Shape = Polytomic.Workspace.WorkspaceShape;
using static Polytomic.Workspace.WorkspaceFieldSpec;

namespace Polytomic.Workspace
{
    /// <summary>Models: their connection by name, their own fields as a list of names, the fields a user added with
    /// their type and label, labels by name.</summary>
    internal sealed class ModelKind : WorkspaceKind
    {
        public ModelKind() : base(WorkspaceKinds.Models, "Model") { }

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["name"] = S(Shape.String, true), ["connection"] = S(Shape.String, true), ["configuration"] = S(Shape.Object),
            ["fields"] = S(Shape.StringArray), ["additional_fields"] = S(Shape.ObjectArray), ["identifier"] = S(Shape.String),
            ["tracking_columns"] = S(Shape.StringArray), ["labels"] = S(Shape.StringArray), ["relations"] = S(Shape.Array), ["enricher"] = S(Shape.Any),
        };

        private static readonly Dictionary<string, WorkspaceFieldSpec> AdditionalField = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["name"] = S(Shape.String, true), ["type"] = S(Shape.String), ["label"] = S(Shape.String),
        };

        /// <summary>Listed when models or syncs (which name their model) are asked for.</summary>
        internal override async Task ListAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key) && !reading.Asked(WorkspaceKinds.Syncs)) return;
            var models = await reading.Client.ListModelsAsync(reading.Ct).ConfigureAwait(false);
            foreach (var m in models)
            {
                reading.Snapshot.AddId(Key, m.Name, m.Id);
                reading.Name(Key, m.Id, m.Name);
            }
            reading.Keep(Key, models);
        }

        internal override Task ReadAsync(WorkspaceReading reading)
        {
            foreach (var m in reading.Kept<PolytomicModel>(Key).Where(m => reading.Wanted(Key, m.Name)))
                reading.Snapshot.Objects.Add(new WorkspaceObject(Key, ToFile(m, reading.NameOf)));
            return Task.CompletedTask;
        }

        /// <summary>A model in file form.</summary>
        internal static JsonObject ToFile(PolytomicModel m, WorkspaceNormalizer.Resolver names)
        {
            var doc = WorkspaceNormalizer.Strip(WorkspaceNormalizer.Serialize(m));
            doc.Remove("type");
            doc.Remove("fields");
            var own = m.Fields.Where(f => f.UserAdded != true && f.Name != null).Select(f => (JsonNode)JsonValue.Create(f.Name)!).ToArray();
            if (own.Length > 0) doc["fields"] = new JsonArray(own);
            var added = m.Fields.Where(f => f.UserAdded == true && f.Name != null).Select(f =>
            {
                var o = new JsonObject { ["name"] = f.Name, ["type"] = f.Type };
                if (!string.IsNullOrEmpty(f.Label) && f.Label != f.Name) o["label"] = f.Label;
                return (JsonNode)o;
            }).ToArray();
            if (added.Length > 0) doc["additional_fields"] = new JsonArray(added);
            if (m.Labels != null && m.Labels.Count > 0)
                doc["labels"] = new JsonArray(m.Labels.Select(l => l is IDictionary<string, object?> d && d.TryGetValue("name", out var n) ? n?.ToString() : l?.ToString())
                    .Where(n => n != null).OrderBy(n => n, StringComparer.Ordinal).Select(n => (JsonNode)JsonValue.Create(n)!).ToArray());
            else doc.Remove("labels");
            return WorkspaceNormalizer.ToNames(doc, names);
        }

        internal override void CheckDetails(JsonObject body, Action<string, string> add)
        {
            WorkspaceValidator.Items(body, "additional_fields", (o, p) => WorkspaceValidator.CheckObject(o, p, AdditionalField, add, "an additional field"));
            WorkspaceValidator.RoundTrip<ModelRequest>(WorkspaceValidator.Renamed(body), "$", add);
        }

        internal override IEnumerable<(string Kind, string Name)> Dependencies(WorkspaceObject o) => WorkspaceNormalizer.References(o.Body).Distinct();

        internal override JsonObject MapConnections(WorkspaceObject o, IDictionary<string, string> map) => WorkspaceNormalizer.MapConnections(o.Body, map);

        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var client = applier.Client;
            var request = WorkspaceApplier.Read<ModelRequest>(ToRequest(item.Desired!, applier.IdOf));
            return creating
                ? await applier.CreateOnceAsync(NameClaim.Models, item, async () => (await client.RetryWhileSchemasCacheAsync(t => client.CreateModelAsync(request, t), applier.SchemaCacheTimeout, null, ct).ConfigureAwait(false)).Id, null, ct).ConfigureAwait(false)
                : (await client.UpdateModelAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
        }

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.DeleteModelAsync(id, ct);
    }
}
