using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;

namespace Polytomic.Workspace
{
    /// <summary>Applies a plan in dependency order: connections, models, syncs, bulk syncs, roles, policies, the webhook
    /// and the error subscribers, then deletions in reverse.
    /// A failed step marks what depends on it Skipped and the rest goes on; what was applied is recorded on each item,
    /// and a new plan after a failure picks up from there (applied objects then compare as NoChange).</summary>
    public sealed class WorkspaceApplier
    {
        private readonly PolytomicClient client;
        private readonly WorkspaceSnapshot target;
        private readonly Func<string, string?> secret;
        private readonly IDictionary<string, string> connectionMap;
        private readonly Dictionary<(string, string), string> created = new Dictionary<(string, string), string>();
        private readonly HashSet<(string, string)> failed = new HashSet<(string, string)>();

        /// <param name="secret">The value of a placeholder (-Secret), asked for only when it is about to be sent.</param>
        public WorkspaceApplier(PolytomicClient client, WorkspaceSnapshot target, Func<string, string?> secret, IDictionary<string, string>? connectionMap = null)
        {
            this.client = client; this.target = target; this.secret = secret;
            this.connectionMap = connectionMap ?? new Dictionary<string, string>();
        }

        /// <summary>How long a model or bulk sync create waits for a new connection's schema cache.</summary>
        public TimeSpan SchemaCacheTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>Applies one step (Create, Update or Delete); its Result and Error say how it went.</summary>
        public async Task ApplyAsync(WorkspacePlanItem item, CancellationToken ct)
        {
            if (item.Action == WorkspaceAction.NoChange) { item.Result = "Unchanged"; return; }
            if (item.Action == WorkspaceAction.NeedsSecret) { Fail(item, "Skipped", "a secret is missing: " + string.Join(", ", item.MissingSecrets)); return; }
            var blocked = item.Desired == null ? default
                : WorkspaceNormalizer.Dependencies(item.Desired).FirstOrDefault(d => failed.Contains((d.Kind, d.Name)));
            if (blocked.Name != null)
            {
                Fail(item, "Skipped", $"{WorkspaceKinds.Display(blocked.Kind)} '{blocked.Name}' it depends on was not applied");
                return;
            }
            try
            {
                if (item.Action == WorkspaceAction.Delete) await DeleteAsync(item, ct).ConfigureAwait(false);
                else
                {
                    item.Id = await WriteAsync(item, ct).ConfigureAwait(false);
                    created[(item.KindKey, item.Name)] = item.Id;
                }
                item.Result = "Applied";
            }
            // A read-only session refuses every step alike: the import stops at the first instead of failing each one.
            catch (PolytomicApiException ex) when (ex.Kind != PolytomicErrorKind.ReadOnly) { Fail(item, "Failed", ex.Message); }
            catch (WorkspaceException ex) { Fail(item, "Failed", ex.Message); }
        }

        private void Fail(WorkspacePlanItem item, string result, string error)
        {
            item.Result = result;
            item.Error = error;
            failed.Add((item.KindKey, item.Name));
        }

        private string? IdOf(string kind, string name)
        {
            if (created.TryGetValue((kind, name), out var id)) return id;
            if (kind == WorkspaceKinds.Connections && connectionMap.TryGetValue(name, out var mapped)) name = mapped;
            return target.IdOf(kind, name) ?? (target.SystemIds.TryGetValue((kind, name), out var system) ? system : null);
        }

        private Task DeleteAsync(WorkspacePlanItem item, CancellationToken ct) => item.KindKey switch
        {
            WorkspaceKinds.Connections => client.DeleteConnectionAsync(item.Id!, false, ct),
            WorkspaceKinds.Models => client.DeleteModelAsync(item.Id!, ct),
            WorkspaceKinds.Syncs => client.DeleteSyncAsync(item.Id!, ct),
            WorkspaceKinds.BulkSyncs => client.DeleteBulkSyncAsync(item.Id!, ct),
            _ => WorkspaceAccess.DeleteAsync(client, item, ct),
        };

        private async Task<string> WriteAsync(WorkspacePlanItem item, CancellationToken ct)
        {
            var o = item.Desired!;
            var creating = item.Action == WorkspaceAction.Create;
            if (!WorkspaceKinds.Core.Contains(o.Kind)) return await WorkspaceAccess.WriteAsync(client, item, creating, secret, IdOf, ct).ConfigureAwait(false);
            var body = WorkspaceNormalizer.ToRequest(o, IdOf);
            var sendSecrets = creating || item.SendSecrets;
            switch (o.Kind)
            {
                case WorkspaceKinds.Connections:
                {
                    if (body["configuration"] is JsonObject config)
                        foreach (var key in config.Select(kv => kv.Key).ToList())
                            if (WorkspaceJson.PlaceholderName(config[key]) is string p)
                            {
                                var value = sendSecrets ? secret(p) : null;
                                // "********" sent back keeps the stored secret.
                                if (value != null) config[key] = value;
                                else if (creating) config.Remove(key);
                                else config[key] = "********";
                            }
                    var request = Read<ConnectionRequest>(body);
                    if (creating)
                        return await CreateOnceAsync(NameClaim.Connections, item, async () =>
                        {
                            var c = await client.CreateConnectionAsync(request, ct).ConfigureAwait(false);
                            if (!string.IsNullOrEmpty(c.AuthUrl)) item.Note = "sign in to finish connecting it: " + c.AuthUrl;
                            return c.Id;
                        }, null, ct).ConfigureAwait(false);
                    return (await client.UpdateConnectionAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
                }
                case WorkspaceKinds.Models:
                {
                    var request = Read<ModelRequest>(body);
                    return creating
                        ? await CreateOnceAsync(NameClaim.Models, item, async () => (await client.RetryWhileSchemasCacheAsync(t => client.CreateModelAsync(request, t), SchemaCacheTimeout, null, ct).ConfigureAwait(false)).Id, null, ct).ConfigureAwait(false)
                        : (await client.UpdateModelAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
                }
                case WorkspaceKinds.Syncs:
                {
                    var passphrase = WorkspaceJson.PlaceholderName(body["encryption_passphrase"]) is string p && sendSecrets ? secret(p) : null;
                    body.Remove("encryption_passphrase");
                    var request = Read<SyncRequest>(body);
                    if (passphrase != null) request.EncryptionPassphrase = SecureStrings.FromPlain(passphrase);
                    if (!creating) return (await client.UpdateSyncAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
                    // Paused until it is the one sync of its name (Polytomic makes a sync active by default).
                    var active = request.Active ?? true;
                    request.Active = false;
                    return await CreateOnceAsync(NameClaim.Syncs, item, async () => (await client.CreateSyncAsync(request, ct).ConfigureAwait(false)).Id,
                        active ? id => client.ActivateSyncAsync(id, true, ct) : (Func<string, Task>?)null, ct).ConfigureAwait(false);
                }
                default:
                    return await WriteBulkSyncAsync(item, body, creating, ct).ConfigureAwait(false);
            }
        }

        /// <summary>A create under the one rule for names (NameClaim): when another run has made the object by now, its
        /// id is used; otherwise the object is created, settled, and only the copy that keeps the name is activated. So
        /// two imports of one folder at the same time leave every object once, and a duplicate sync never runs.</summary>
        private async Task<string> CreateOnceAsync(NameClaim claim, WorkspacePlanItem item, Func<Task<string>> create, Func<string, Task>? activate, CancellationToken ct)
        {
            var existing = await claim.FindAsync(client, item.Name, null, ct).ConfigureAwait(false);
            if (existing != null)
            {
                item.Note = $"another run created this {claim.Kind} meanwhile (id {existing.Id}); it is used";
                return existing.Id;
            }
            var id = await create().ConfigureAwait(false);
            var settled = await claim.SettleAsync(client, item.Name, id, ct).ConfigureAwait(false);
            if (settled.Outcome == NameClaimOutcome.Lost)
            {
                item.Note = $"another run created this {claim.Kind} at the same time (id {settled.Winner!.Id}); this run's copy was deleted and that one is used";
                return settled.Winner.Id;
            }
            if (activate != null) await activate(id).ConfigureAwait(false);
            return id;
        }

        private async Task<string> WriteBulkSyncAsync(WorkspacePlanItem item, JsonObject body, bool creating, CancellationToken ct)
        {
            var schedule = body["schedule"];
            var additional = body["additional_schedules"] as JsonArray;
            var schemas = body["schemas"] as JsonArray ?? new JsonArray();
            foreach (var k in new[] { "schedule", "additional_schedules", "schemas" }) body.Remove(k);
            var request = Read<BulkSyncRequest>(body);
            request.Schedule = schedule == null ? new BulkScheduleRequest { Frequency = "manual" } : Read<BulkScheduleRequest>(schedule);
            request.AdditionalSchedules = additional?.Select(a => Read<BulkScheduleRequest>(a!)).ToList();
            if (creating)
            {
                request.Schemas = schemas.OfType<JsonObject>().Select(s => Plain(Enabled(s, true)) ?? new Dictionary<string, object?>()).ToList();
                // Inactive until it is the one bulk sync of its name.
                var active = request.Active == true;
                request.Active = false;
                return await CreateOnceAsync(NameClaim.BulkSyncs, item,
                    async () => (await client.RetryWhileSchemasCacheAsync(t => client.CreateBulkSyncAsync(request, t), SchemaCacheTimeout, null, ct).ConfigureAwait(false)).Id,
                    active ? id => client.ActivateBulkSyncAsync(id, true, ct) : (Func<string, Task>?)null, ct).ConfigureAwait(false);
            }
            var id = item.Id!;
            if (item.Changes.Any(c => !c.Field.StartsWith("schemas", StringComparison.Ordinal)))
                await client.UpdateBulkSyncAsync(id, request, ct).ConfigureAwait(false);
            if (item.Changes.Any(c => c.Field.StartsWith("schemas", StringComparison.Ordinal)))
            {
                var wanted = new HashSet<string>(schemas.OfType<JsonObject>().Select(s => (string?)s["id"] ?? ""), StringComparer.Ordinal);
                var now = (target.Find(item.KindKey, item.Name)?.Body["schemas"] as JsonArray ?? new JsonArray()).OfType<JsonObject>()
                    .Select(s => (string?)s["id"] ?? "").Where(s => !wanted.Contains(s));
                var patch = new JsonArray(schemas.OfType<JsonObject>().Select(s => (JsonNode)Enabled(s, true))
                    .Concat(now.Select(s => (JsonNode)new JsonObject { ["id"] = s, ["enabled"] = false })).ToArray());
                await client.SendDataAsync<JsonElement>(PolytomicClient.PatchMethod,
                    ApiPath.Build("bulk", "syncs", ApiPath.Id(id, "bulk sync id"), "schemas"), null, new JsonObject { ["schemas"] = patch }, ct).ConfigureAwait(false);
            }
            return id;
        }

        private static JsonObject Enabled(JsonObject schema, bool enabled)
        {
            var copy = (JsonObject)schema.DeepClone();
            copy["enabled"] = enabled;
            return copy;
        }

        private static object? Plain(JsonNode node) => PolytomicJson.ToPlain(JsonSerializer.SerializeToElement(node));

        private static T Read<T>(JsonNode node)
        {
            // WorkspaceValidator has checked every file's shape; should one still not read, the step fails, not the import.
            try
            {
                return node.Deserialize<T>(PolytomicJson.Options)
                    ?? throw new WorkspaceException("InvalidWorkspaceFile", $"The file could not be read as a {typeof(T).Name}.");
            }
            catch (JsonException ex) { throw new WorkspaceException("InvalidWorkspaceFile", $"The file could not be read as a {typeof(T).Name} at {ex.Path}."); }
        }
    }
}
