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
    /// <summary>The organization's webhook (-Include Webhooks): known by its endpoint, its signing secret the
    /// placeholder "webhook:secret" (a stored secret cannot be read back).</summary>
    internal sealed class WebhookKind : WorkspaceKind
    {
        /// <summary>The placeholder of the webhook's signing secret (an organization has one webhook).</summary>
        public const string Secret = "webhook:secret";

        public WebhookKind() : base(WorkspaceKinds.Webhooks, "Webhook", optional: true) { }

        public override string NameKey => "endpoint";

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["endpoint"] = S(Shape.String, true), ["disabled"] = S(Shape.Bool), ["secret"] = S(Shape.Placeholder),
        };

        internal override async Task ReadAsync(WorkspaceReading reading)
        {
            if (!reading.Asked(Key)) return;
            foreach (var w in await reading.Client.ListWebhooksAsync(reading.Ct).ConfigureAwait(false))
            {
                reading.Snapshot.AddId(Key, w.Endpoint, w.Id);
                if (reading.Wanted(Key, w.Endpoint)) reading.Snapshot.Objects.Add(new WorkspaceObject(Key, ToFile(w)));
            }
        }

        internal static JsonObject ToFile(PolytomicWebhook w) => new JsonObject
        {
            ["endpoint"] = w.Endpoint,
            ["disabled"] = w.Disabled,
            ["secret"] = WorkspaceJson.Placeholder(Secret),
        };

        internal override string? ExpectedPlaceholder(string name, string path) => path == "$.secret" ? Secret : null;

        /// <summary>An organization has one webhook, so the folder's webhook updates it whatever its endpoint.</summary>
        internal override (string? Id, WorkspaceObject? Current) Existing(WorkspaceSnapshot target, WorkspaceObject o)
        {
            var id = target.IdOf(o.Kind, o.Name);
            if (id == null && target.Ids[o.Kind].Count == 1)
            {
                var only = target.Ids[o.Kind].First();
                if (only.Value.Count == 1) return (only.Value[0], target.Find(o.Kind, only.Key));
            }
            return (id, id == null ? null : target.Find(o.Kind, o.Name));
        }

        /// <summary>A new endpoint is sent with its secret (Polytomic's PUT takes both).</summary>
        internal override IEnumerable<string> NeededForUpdate(WorkspaceObject o, IEnumerable<WorkspaceFieldChange> changes) =>
            changes.Any(c => c.Field == "endpoint") && WorkspaceJson.PlaceholderName(o.Body["secret"]) is string p ? new[] { p } : new string[0];

        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var client = applier.Client;
            var o = item.Desired!;
            var value = WorkspaceJson.PlaceholderName(o.Body["secret"]) is string p && (creating || item.SendSecrets) ? applier.Secret(p) : null;
            var disabled = (bool?)o.Body["disabled"] ?? false;
            string id;
            if (creating)
            {
                // Polytomic needs the signing secret to create a webhook; the plan stops earlier without it.
                var request = new WebhookRequest { Endpoint = o.Name, Secret = SecureStrings.FromPlain(value ?? throw new WorkspaceException(
                    "WorkspaceSecretMissing", $"Creating webhook '{o.Name}' needs the secret {Secret}.", Secret)) };
                id = (await client.CreateWebhookAsync(request, ct).ConfigureAwait(false)).Id;
                if (disabled) await client.SetWebhookEnabledAsync(id, false, ct).ConfigureAwait(false);
                return id;
            }
            id = item.Id!;
            if (value != null)
                await client.UpdateWebhookAsync(id, new WebhookRequest { Endpoint = o.Name, Secret = SecureStrings.FromPlain(value) }, ct).ConfigureAwait(false);
            if (item.Changes.Any(c => c.Field == "disabled")) await client.SetWebhookEnabledAsync(id, !disabled, ct).ConfigureAwait(false);
            return id;
        }

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.DeleteWebhookAsync(id, ct);
    }
}
