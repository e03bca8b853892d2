using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Http;
using Polytomic.Models;
using Shape = Polytomic.Workspace.WorkspaceShape;
using static Polytomic.Workspace.WorkspaceFieldSpec;

namespace Polytomic.Workspace
{
    /// <summary>Connections: secret configuration fields (as the connection type's schema marks them) become
    /// placeholders "&lt;name&gt;.&lt;field&gt;"; OAuth types carry no secrets, only sign_in: "oauth".</summary>
    internal sealed class ConnectionKind : WorkspaceKind
    {
        public ConnectionKind() : base(WorkspaceKinds.Connections, "Connection") { }

        internal override IReadOnlyDictionary<string, WorkspaceFieldSpec> Fields { get; } = new Dictionary<string, WorkspaceFieldSpec>
        {
            ["name"] = S(Shape.String, true), ["type"] = S(Shape.String, true), ["configuration"] = S(Shape.Object),
            ["healthcheck_interval"] = S(Shape.String), ["sign_in"] = S(Shape.String, false, new[] { "oauth" }),
        };

        /// <summary>Every kind after this one may refer to a connection: all are listed.</summary>
        internal override async Task ListAsync(WorkspaceReading reading)
        {
            var connections = await reading.Client.ListConnectionsAsync(reading.Ct).ConfigureAwait(false);
            foreach (var c in connections)
            {
                reading.Snapshot.AddId(Key, c.Name, c.Id);
                reading.Name(Key, c.Id, c.Name);
            }
            reading.Keep(Key, connections);
        }

        internal override async Task ReadAsync(WorkspaceReading reading)
        {
            var client = reading.Client;
            var chosen = reading.Kept<PolytomicConnection>(Key).Where(c => reading.Wanted(Key, c.Name)).ToList();
            if (chosen.Count == 0) return;
            var oauth = new HashSet<string>((await client.ListConnectionTypesAsync(reading.Ct).ConfigureAwait(false)).Where(t => t.UseOauth).Select(t => t.Id),
                StringComparer.OrdinalIgnoreCase);
            var schemas = new Dictionary<string, PolytomicConnectionTypeSchema>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in chosen.Select(c => c.Type ?? "").Distinct(StringComparer.OrdinalIgnoreCase))
                schemas[type] = await client.GetConnectionTypeSchemaAsync(type, reading.Ct).ConfigureAwait(false);
            foreach (var c in chosen)
                reading.Snapshot.Objects.Add(new WorkspaceObject(Key, ToFile(c, schemas[c.Type ?? ""], oauth.Contains(c.Type ?? ""))));
        }

        /// <summary>A connection in file form.</summary>
        internal static JsonObject ToFile(PolytomicConnection c, PolytomicConnectionTypeSchema? schema, bool oauth)
        {
            var doc = new JsonObject { ["name"] = c.Name, ["type"] = c.Type };
            var secretFields = schema?.SecretFields() ?? new HashSet<string>();
            var config = new JsonObject();
            foreach (var kv in c.Configuration.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (kv.Value == null) continue;
                if (secretFields.Contains(kv.Key))
                {
                    // OAuth types get their tokens from signing in: nothing to carry over.
                    if (oauth || (kv.Value is string s && s.Length == 0)) continue;
                    config[kv.Key] = WorkspaceJson.Placeholder(c.Name + "." + kv.Key);
                    continue;
                }
                config[kv.Key] = JsonSerializer.SerializeToNode(kv.Value, PolytomicJson.Options);
            }
            doc["configuration"] = config;
            if (!string.IsNullOrEmpty(c.HealthcheckInterval)) doc["healthcheck_interval"] = c.HealthcheckInterval;
            if (oauth) doc["sign_in"] = "oauth";
            return doc;
        }

        /// <summary>A placeholder stands in a configuration field, named "&lt;connection&gt;.&lt;field&gt;".</summary>
        internal override string? ExpectedPlaceholder(string name, string path)
        {
            if (!path.StartsWith("$.configuration", StringComparison.Ordinal)) return null;
            var rest = path.Substring("$.configuration".Length);
            string? key = null;
            if (rest.StartsWith(".", StringComparison.Ordinal) && WorkspaceValidator.PlainKey.IsMatch(rest.Substring(1))) key = rest.Substring(1);
            else if (rest.StartsWith("['", StringComparison.Ordinal) && rest.EndsWith("']", StringComparison.Ordinal) && rest.IndexOf("']", StringComparison.Ordinal) == rest.Length - 2)
                key = rest.Substring(2, rest.Length - 4).Replace("\\'", "'").Replace("\\\\", "\\");
            return key == null ? null : name + "." + key;
        }

        /// <summary>The checks that need the connection types' schemas: a placeholder stands only in a field the type
        /// marks secret, and a secret field holds only its placeholder (a value in a file would be sent as the secret).</summary>
        internal static async Task<List<WorkspaceProblem>> CheckSecretsAsync(PolytomicClient client, IEnumerable<WorkspaceObject> connections, CancellationToken ct)
        {
            var problems = new List<WorkspaceProblem>();
            var schemas = new Dictionary<string, PolytomicConnectionTypeSchema?>(StringComparer.OrdinalIgnoreCase);
            foreach (var o in connections)
            {
                var file = o.File ?? WorkspaceFolder.RelativePath(o).Replace('\\', '/');
                var type = (string?)o.Body["type"] ?? "";
                if (!schemas.TryGetValue(type, out var schema))
                {
                    try { schema = await client.GetConnectionTypeSchemaAsync(type, ct).ConfigureAwait(false); }
                    catch (PolytomicApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 400) { schema = null; }
                    schemas[type] = schema;
                }
                if (schema == null)
                {
                    problems.Add(new WorkspaceProblem("InvalidWorkspaceFile", file, "$.type", $"'{type}' is not a connection type Polytomic has"));
                    continue;
                }
                var secret = schema.SecretFields();
                if (!(o.Body["configuration"] is JsonObject config)) continue;
                foreach (var kv in config)
                {
                    var path = WorkspaceValidator.Join("$.configuration", kv.Key);
                    var placeholder = WorkspaceJson.PlaceholderName(kv.Value);
                    if (placeholder != null && !secret.Contains(kv.Key))
                        problems.Add(new WorkspaceProblem("InvalidSecretPlaceholder", file, path,
                            $"holds a placeholder, but '{kv.Key}' is not a secret field of the connection type '{type}'"));
                    else if (placeholder == null && kv.Value != null && secret.Contains(kv.Key))
                        problems.Add(new WorkspaceProblem("InvalidSecretPlaceholder", file, path,
                            $"is a secret field of '{type}': it may hold only its placeholder {{\"$secret\": \"{o.Name}.{kv.Key}\"}}, whose value -Secret gives"));
                }
            }
            return problems;
        }

        /// <summary>A connection's configuration is the user's: its keys are never renamed. sign_in only tells the
        /// folder's reader that the connection signs in by OAuth; Polytomic is not sent it.</summary>
        internal override JsonObject ToRequest(WorkspaceObject o, WorkspaceNormalizer.Resolver ids)
        {
            var body = (JsonObject)WorkspaceJson.WithoutNulls(o.Body)!;
            body.Remove("sign_in");
            return body;
        }

        internal override async Task<string> WriteAsync(WorkspaceApplier applier, WorkspacePlanItem item, bool creating, CancellationToken ct)
        {
            var client = applier.Client;
            var body = ToRequest(item.Desired!, applier.IdOf);
            var sendSecrets = creating || item.SendSecrets;
            if (body["configuration"] is JsonObject config)
                foreach (var key in config.Select(kv => kv.Key).ToList())
                    if (WorkspaceJson.PlaceholderName(config[key]) is string p)
                    {
                        var value = sendSecrets ? applier.Secret(p) : null;
                        // "********" sent back keeps the stored secret.
                        if (value != null) config[key] = value;
                        else if (creating) config.Remove(key);
                        else config[key] = "********";
                    }
            var request = WorkspaceApplier.Read<ConnectionRequest>(body);
            if (creating)
                return await applier.CreateOnceAsync(NameClaim.Connections, item, async () =>
                {
                    var c = await client.CreateConnectionAsync(request, ct).ConfigureAwait(false);
                    if (!string.IsNullOrEmpty(c.AuthUrl)) item.Note = "sign in to finish connecting it: " + c.AuthUrl;
                    return c.Id;
                }, null, ct).ConfigureAwait(false);
            return (await client.UpdateConnectionAsync(item.Id!, request, ct).ConfigureAwait(false)).Id;
        }

        internal override Task DeleteAsync(PolytomicClient client, string id, CancellationToken ct) => client.DeleteConnectionAsync(id, false, ct);
    }
}
