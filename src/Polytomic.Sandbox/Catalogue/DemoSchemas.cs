using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Catalogue
{
    /// <summary>One field of a demo source schema. Type is Polytomic's UtilFieldType; RemoteType the source's own.</summary>
    public sealed record DemoField(string Id, string Type, string RemoteType, bool PrimaryKey = false, string? References = null)
    {
        public string Name => Id;
    }

    /// <summary>One object/table of a demo source: its fields, a few sample rows, and how many rows a full sync reads.</summary>
    public sealed record DemoSchema(string Id, string Name, IReadOnlyList<DemoField> Fields, IReadOnlyList<JsonObject> Records, int RowCount)
    {
        /// <summary>A field that can drive incremental syncs, if the schema has one.</summary>
        public string? TrackingField => Fields.FirstOrDefault(f => f.Type == "datetime" && f.Id.IndexOf("modif", StringComparison.OrdinalIgnoreCase) >= 0
                                                               || f.Id == "updated_at" || f.Id == "UPDATED_AT")?.Id;
    }

    /// <summary>What each connection type offers as a bulk-sync source (our own small dataset per type), and what
    /// each type asks for as a bulk-sync destination (/bulksync/target).</summary>
    public static class DemoSchemas
    {
        private static DemoField F(string id, string type, string remote, bool pk = false, string? refTo = null) => new DemoField(id, type, remote, pk, refTo);

        private static JsonObject Row(params (string Key, JsonNode? Value)[] values)
        {
            var o = new JsonObject();
            foreach (var (k, v) in values) o[k] = v;
            return o;
        }

        private static DemoSchema Table(string id, string name, int rows, DemoField[] fields, params JsonObject[] records) =>
            new DemoSchema(id, name, fields, records, rows);

        private static readonly DemoSchema[] Salesforce =
        {
            Table("Account", "Account", 1200, new[]
            {
                F("Id", "string", "id", true), F("Name", "string", "string"), F("Industry", "string", "picklist"),
                F("AnnualRevenue", "number", "currency"), F("CreatedDate", "datetime", "datetime"), F("LastModifiedDate", "datetime", "datetime"),
            },
                Row(("Id", "0015e00000AbCdEAAV"), ("Name", "Acme Corp"), ("Industry", "Manufacturing"), ("AnnualRevenue", 1250000), ("CreatedDate", "2024-03-01T10:00:00Z"), ("LastModifiedDate", "2025-01-12T08:30:00Z")),
                Row(("Id", "0015e00000AbCdFAAV"), ("Name", "Globex"), ("Industry", "Energy"), ("AnnualRevenue", 830000), ("CreatedDate", "2024-05-17T14:20:00Z"), ("LastModifiedDate", "2025-02-02T11:00:00Z"))),
            Table("Contact", "Contact", 5400, new[]
            {
                F("Id", "string", "id", true), F("AccountId", "string", "reference", refTo: "Account"), F("FirstName", "string", "string"),
                F("LastName", "string", "string"), F("Email", "string", "email"), F("LastModifiedDate", "datetime", "datetime"),
            },
                Row(("Id", "0035e00000XyZaBAAV"), ("AccountId", "0015e00000AbCdEAAV"), ("FirstName", "Ada"), ("LastName", "Lovelace"), ("Email", "ada@acme.example"), ("LastModifiedDate", "2025-01-20T09:00:00Z")),
                Row(("Id", "0035e00000XyZaCAAV"), ("AccountId", "0015e00000AbCdFAAV"), ("FirstName", "Alan"), ("LastName", "Turing"), ("Email", "alan@globex.example"), ("LastModifiedDate", "2025-02-03T16:45:00Z"))),
            Table("Lead", "Lead", 2300, new[]
            {
                F("Id", "string", "id", true), F("Company", "string", "string"), F("Email", "string", "email"), F("Status", "string", "picklist"),
                F("LastModifiedDate", "datetime", "datetime"),
            },
                Row(("Id", "00Q5e00000LmNoPEAV"), ("Company", "Initech"), ("Email", "peter@initech.example"), ("Status", "Open - Not Contacted"), ("LastModifiedDate", "2025-02-10T12:00:00Z"))),
            Table("Opportunity", "Opportunity", 860, new[]
            {
                F("Id", "string", "id", true), F("AccountId", "string", "reference", refTo: "Account"), F("Name", "string", "string"),
                F("Amount", "number", "currency"), F("StageName", "string", "picklist"), F("CloseDate", "datetime", "date"),
                F("LastModifiedDate", "datetime", "datetime"),
            },
                Row(("Id", "0065e00000QrStUAAV"), ("AccountId", "0015e00000AbCdEAAV"), ("Name", "Acme renewal"), ("Amount", 48000), ("StageName", "Negotiation"), ("CloseDate", "2025-06-30"), ("LastModifiedDate", "2025-02-11T10:15:00Z"))),
        };

        private static DemoSchema[] Sql(string prefix) => new[]
        {
            Table(prefix + "users", prefix + "users", 15000, new[]
            {
                F("id", "number", "bigint", true), F("email", "string", "varchar(255)"), F("name", "string", "varchar(255)"),
                F("created_at", "datetime", "timestamp"), F("updated_at", "datetime", "timestamp"),
            },
                Row(("id", 1), ("email", "grace@example.com"), ("name", "Grace Hopper"), ("created_at", "2024-01-05T09:00:00Z"), ("updated_at", "2025-01-05T09:00:00Z")),
                Row(("id", 2), ("email", "linus@example.com"), ("name", "Linus Torvalds"), ("created_at", "2024-02-11T13:30:00Z"), ("updated_at", "2025-02-01T07:45:00Z"))),
            Table(prefix + "orders", prefix + "orders", 42000, new[]
            {
                F("id", "number", "bigint", true), F("user_id", "number", "bigint"), F("total", "number", "numeric(12,2)"),
                F("status", "string", "varchar(32)"), F("updated_at", "datetime", "timestamp"),
            },
                Row(("id", 1001), ("user_id", 1), ("total", 99.5), ("status", "paid"), ("updated_at", "2025-02-01T10:00:00Z"))),
        };

        private static readonly DemoSchema[] Hubspot =
        {
            Table("contacts", "Contacts", 7800, new[] { F("hs_object_id", "string", "number", true), F("email", "string", "string"), F("firstname", "string", "string"), F("lastmodifieddate", "datetime", "datetime") },
                Row(("hs_object_id", "51"), ("email", "jane@example.com"), ("firstname", "Jane"), ("lastmodifieddate", "2025-01-01T00:00:00Z"))),
            Table("companies", "Companies", 900, new[] { F("hs_object_id", "string", "number", true), F("name", "string", "string"), F("domain", "string", "string"), F("lastmodifieddate", "datetime", "datetime") },
                Row(("hs_object_id", "7"), ("name", "Example Inc"), ("domain", "example.com"), ("lastmodifieddate", "2025-01-01T00:00:00Z"))),
        };

        private static readonly DemoSchema[] Stripe =
        {
            Table("customers", "Customers", 3100, new[] { F("id", "string", "string", true), F("email", "string", "string"), F("created", "datetime", "timestamp") },
                Row(("id", "cus_Q1w2e3"), ("email", "billing@example.com"), ("created", "2024-09-09T09:09:09Z"))),
            Table("charges", "Charges", 12800, new[] { F("id", "string", "string", true), F("customer", "string", "string"), F("amount", "number", "integer"), F("created", "datetime", "timestamp") },
                Row(("id", "ch_3Nx"), ("customer", "cus_Q1w2e3"), ("amount", 4200), ("created", "2025-01-15T12:00:00Z"))),
        };

        private static readonly DemoSchema[] Mongo =
        {
            Table("app.users", "app.users", 8000, new[] { F("_id", "string", "objectId", true), F("email", "string", "string"), F("profile", "object", "object"), F("updated_at", "datetime", "date") },
                Row(("_id", "65a1f0c2e4b0a1b2c3d4e5f6"), ("email", "mongo@example.com"), ("profile", new JsonObject { ["plan"] = "pro" }), ("updated_at", "2025-01-30T00:00:00Z"))),
        };

        private static readonly DemoSchema[] Files =
        {
            Table("customers.csv", "customers.csv", 500, new[] { F("id", "string", "string"), F("email", "string", "string"), F("signup_date", "string", "string") },
                Row(("id", "1"), ("email", "csv@example.com"), ("signup_date", "2024-12-01"))),
        };

        private static readonly DemoSchema[] Warehouse =
        {
            Table("PUBLIC.CUSTOMERS", "PUBLIC.CUSTOMERS", 25000, new[] { F("ID", "number", "NUMBER", true), F("EMAIL", "string", "VARCHAR"), F("UPDATED_AT", "datetime", "TIMESTAMP_NTZ") },
                Row(("ID", 1), ("EMAIL", "wh@example.com"), ("UPDATED_AT", "2025-01-01T00:00:00Z"))),
        };

        private static readonly DemoSchema[] Generic =
        {
            Table("records", "records", 100, new[] { F("id", "string", "string", true), F("value", "string", "string") },
                Row(("id", "1"), ("value", "example"))),
        };

        /// <summary>The schemas a connection of this type exposes.</summary>
        public static IReadOnlyList<DemoSchema> For(string type) => type switch
        {
            "salesforce" => Salesforce,
            "postgresql" => Sql("public."),
            "mysql" => Sql("public."),
            "hubspot" => Hubspot,
            "stripe" => Stripe,
            "mongodb" => Mongo,
            "gcs" or "s3" => Files,
            "snowflake" or "bigquery" => Warehouse,
            _ => Generic,
        };

        public static DemoSchema? Find(string type, string schemaId) =>
            For(type).FirstOrDefault(s => string.Equals(s.Id, schemaId, StringComparison.OrdinalIgnoreCase));

        /// <summary>The Schema shape of GET /api/connections/{id}/schemas/{schema_id} and bulksync/source.</summary>
        public static JsonObject SchemaJson(DemoSchema schema, bool includeFields = true)
        {
            var o = new JsonObject { ["id"] = schema.Id, ["name"] = schema.Name };
            if (includeFields)
                o["fields"] = new JsonArray(schema.Fields.Select(f => (JsonNode)new JsonObject
                {
                    ["id"] = f.Id,
                    ["name"] = f.Name,
                    ["type"] = f.Type,
                    ["remote_type"] = f.RemoteType,
                    ["is_primary_key"] = f.PrimaryKey,
                    ["association"] = f.References == null ? null : new JsonObject
                    {
                        ["id"] = f.Id, ["name"] = f.Name, ["reference_to"] = new JsonArray(f.References), ["referenced_field"] = "Id",
                    },
                }).ToArray());
            return o;
        }

        /// <summary>A destination option: (name, required, default).</summary>
        public sealed record DestinationOption(string Name, bool Required, JsonNode? Default = null);

        /// <summary>Bulk-sync destination options per type; a type missing here cannot be a bulk-sync destination.</summary>
        public static IReadOnlyList<DestinationOption>? DestinationOptions(string type) => type switch
        {
            "snowflake" => new[] { new DestinationOption("schema", true), new DestinationOption("mirror_schemas", false, false) },
            "postgresql" or "mysql" => new[] { new DestinationOption("schema", true), new DestinationOption("mirror_schemas", false, false) },
            "bigquery" => new[] { new DestinationOption("dataset", true), new DestinationOption("location", false, "US") },
            "s3" or "gcs" => new[] { new DestinationOption("prefix", false, ""), new DestinationOption("format", false, "jsonl") },
            _ => null,
        };

        /// <summary>Options under "advanced" every destination accepts.</summary>
        public static readonly DestinationOption[] Advanced = { new DestinationOption("truncate_existing", false, false) };
    }
}
