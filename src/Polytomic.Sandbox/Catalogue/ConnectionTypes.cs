using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Catalogue
{
    /// <summary>One configuration field of a connection type.</summary>
    public sealed record FieldSpec(string Name, string Type, bool Required = false, bool Secret = false, JsonNode? Default = null,
        bool OAuthSupplied = false);

    /// <summary>A connection type the sandbox knows.</summary>
    public sealed record TypeSpec(string Id, string Name, bool UseOAuth, bool Source, bool Destination, IReadOnlyList<FieldSpec> Fields)
    {
        public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

        /// <summary>Required at creation: OAuth types get their client credentials from the OAuth flow.</summary>
        public IEnumerable<FieldSpec> RequiredAtCreation => Fields.Where(f => f.Required && !f.OAuthSupplied);
    }

    /// <summary>The sandbox's connection-type catalogue: our own table of the facts in Polytomic's configuration
    /// schemas. A test checks it against Polytomic's published configuration schemas.</summary>
    public static class ConnectionTypes
    {
        private static FieldSpec S(string name, bool req = false, bool secret = false, string? def = null) =>
            new FieldSpec(name, "string", req, secret, def == null ? null : JsonValue.Create(def));
        private static FieldSpec B(string name, bool? def = null) => new FieldSpec(name, "boolean", Default: def == null ? null : JsonValue.Create(def.Value));
        private static FieldSpec I(string name, bool req = false, int? def = null) => new FieldSpec(name, "integer", req, Default: def == null ? null : JsonValue.Create(def.Value));
        private static FieldSpec A(string name, JsonNode? def = null) => new FieldSpec(name, "array", Default: def);
        private static FieldSpec O(string name) => new FieldSpec(name, "object");

        private static FieldSpec[] FileOptions() => new[]
        {
            B("csv_has_headers", true), B("is_single_table", false), B("is_directory_snapshot", false), S("directory_glob_pattern"),
            S("single_table_name"), S("single_table_file_format", def: "csv"), A("single_table_file_formats", new JsonArray("[csv]")),
            I("skip_lines", def: 0),
        };

        public static readonly IReadOnlyList<TypeSpec> All = new[]
        {
            new TypeSpec("airtable", "Airtable", true, true, true, new[]
            {
                S("api_key", secret: true), S("connected_user"), S("oauth_access_token", secret: true), S("oauth_refresh_token", secret: true),
                S("oauth_token_expiry"), S("client_id", secret: true), S("client_secret", secret: true),
            }),
            new TypeSpec("api", "HTTP API", false, true, false, new[]
            {
                S("url", req: true), A("headers"), S("body"), A("parameters"), S("healthcheck"), O("auth"),
            }),
            new TypeSpec("bigquery", "Google BigQuery", false, true, true, new[]
            {
                S("auth_method", req: true, def: "service_account_key"), S("project_id"), S("client_email"), S("service_account", secret: true),
                S("override_project_id"), S("wif_project_id"), S("credential_config", secret: true), S("location"),
                B("structured_values_as_json", false), B("use_extract"), S("bucket"),
            }),
            new TypeSpec("gcs", "Google Cloud Storage", false, true, true, new[]
            {
                S("project_id"), S("client_email"), S("service_account", req: true, secret: true), S("bucket", req: true),
            }.Concat(FileOptions()).ToArray()),
            new TypeSpec("hubspot", "HubSpot", true, true, true, new[]
            {
                S("oauth_refresh_token", secret: true), S("hub_user"), S("hub_domain"), S("client_id", secret: true),
                S("client_secret", secret: true), B("include_static_list_support"), B("use_search_api", true),
            }),
            new TypeSpec("mongodb", "MongoDB", false, true, false, new[]
            {
                S("hosts", req: true), S("username"), S("password", secret: true), S("database"), B("ssl", true), B("srv"), S("params"),
                B("change_detection", false),
            }),
            new TypeSpec("mysql", "MySQL", false, true, true, new[]
            {
                S("hostname", req: true), S("account", req: true), S("passwd", req: true, secret: true), S("dbname"), I("port", true, 3306),
                B("ssl", true), B("ssh"), S("ssh_user", def: "root"), S("ssh_host"), I("ssh_port", def: 22), S("ssh_private_key", secret: true),
                B("change_detection", false),
            }),
            new TypeSpec("postgresql", "PostgreSQL", false, true, true, new[]
            {
                S("hostname", req: true), S("username", req: true), S("password", req: true, secret: true), S("database", req: true),
                I("port", true, 5432), B("ssl", true), B("ssh"), S("ssh_user", def: "root"), S("ssh_host"), I("ssh_port", def: 22),
                S("ssh_private_key", secret: true), B("client_certs", false), S("client_certificate", secret: true),
                S("client_key", secret: true), S("ca_cert", secret: true), B("change_detection", false), S("publication"),
            }),
            new TypeSpec("s3", "S3", false, true, true, new[]
            {
                S("auth_mode", req: true, def: "access_key_and_secret"), S("aws_access_key_id"), S("aws_secret_access_key", secret: true),
                S("aws_user"), S("iam_role_arn"), S("external_id"), S("s3_bucket_region", req: true), S("s3_bucket_name", req: true),
                B("enable_event_notifications"), S("event_queue_arn"),
            }.Concat(FileOptions()).ToArray()),
            new TypeSpec("salesforce", "Salesforce", true, true, true, new[]
            {
                S("oauth_refresh_token", secret: true), S("connect_mode", def: "browser"),
                // Required by the schema, but the browser OAuth flow supplies them, so a create sends only the domain.
                new FieldSpec("client_id", "string", true, true, OAuthSupplied: true),
                new FieldSpec("client_secret", "string", true, true, OAuthSupplied: true),
                S("domain", req: true), S("instance_url_override"), S("username"), B("enforce_api_limits"), I("daily_api_calls"),
                B("enable_tooling"), B("enable_multicurrency_lookup"),
            }),
            new TypeSpec("snowflake", "Snowflake", false, true, true, new[]
            {
                S("account", req: true), S("username", req: true), S("password", secret: true), S("dbname", req: true), S("warehouse"),
                S("params"), B("key_pair_auth", false), S("private_key", secret: true), S("private_key_passphrase", secret: true),
                B("use_bulk_sync_staging_schema", false), S("bulk_sync_staging_schema"),
            }),
            new TypeSpec("stripe", "Stripe", false, true, false, new[] { S("api_key", req: true, secret: true) }),
            new TypeSpec("webhook", "Webhook", false, false, true, new[]
            {
                S("url", req: true), S("auth_method", req: true, def: "polytomic_secret"), S("secret", secret: true), O("basic"), O("header"),
                A("query"), O("oauth"), A("headers"),
            }),
        };

        public static TypeSpec? Find(string id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

        /// <summary>GET /api/connection_types/{id}: a bare JSON Schema (draft 2020-12).</summary>
        public static JsonObject JsonSchema(TypeSpec t)
        {
            var props = new JsonObject();
            foreach (var f in t.Fields)
            {
                var p = new JsonObject { ["type"] = f.Type, ["title"] = f.Name.Replace('_', ' ') };
                if (f.Secret) { p["sensitive"] = true; p["password"] = true; }
                if (f.Default != null) p["default"] = f.Default.DeepClone();
                props[f.Name] = p;
            }
            var required = new JsonArray(t.RequiredAtCreation.Select(f => (JsonNode)JsonValue.Create(f.Name)!).ToArray());
            return new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["type"] = "object",
                ["properties"] = props,
                ["required"] = required,
            };
        }

        /// <summary>An entry of GET /api/connection_types.</summary>
        public static JsonObject Summary(TypeSpec t) => new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["logo_url"] = $"https://connect-assets.polytomic.com/logos/{t.Id}.svg",
            ["use_oauth"] = t.UseOAuth,
            ["capabilities"] = new JsonObject { ["source"] = t.Source, ["destination"] = t.Destination, ["enrichment"] = false, ["orchestration"] = false },
            ["configurationForm"] = new JsonObject { ["jsonschema"] = JsonSchema(t), ["uischema"] = new JsonObject() },
            ["envConfig"] = new JsonObject(),
            ["initialConfiguration"] = new JsonObject(),
        };
    }
}
