using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Catalogue
{
    /// <summary>A column of a demo table: Polytomic's field type and the source's own type.</summary>
    public sealed record ColumnSpec(string Name, string Type, string RemoteType, bool Identity = true, bool Required = false);

    /// <summary>A demo table, collection, file or CRM object, with a few rows.</summary>
    public sealed record TableSpec(string Name, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<object?[]> Rows)
    {
        public ColumnSpec? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The last dotted part: "users" for "PUBLIC.users".</summary>
        public string ShortName => Name.Contains('.') ? Name.Substring(Name.LastIndexOf('.') + 1) : Name;
        public string? Schema => Name.Contains('.') ? Name.Substring(0, Name.LastIndexOf('.')) : null;

        public JsonObject Row(int i, IEnumerable<string> fields)
        {
            var row = new JsonObject();
            foreach (var f in fields)
            {
                var idx = Columns.ToList().FindIndex(c => string.Equals(c.Name, f, StringComparison.OrdinalIgnoreCase));
                row[f] = idx < 0 ? null : JsonValue.Create(Rows[i][idx]);
            }
            return row;
        }
    }

    /// <summary>How a connection type is browsed as a model source and as a sync target.</summary>
    public enum SourceShape { Sql, SchemaSql, Mongo, Files, CrmObjects }

    /// <summary>The sandbox's own small dataset per connection type: what each source holds (tables, collections,
    /// bucket files) and what each target accepts. Every connection of a type sees the same data.</summary>
    public static class DemoData
    {
        private static ColumnSpec Str(string n, string remote = "VARCHAR(16777216)", bool req = false) => new ColumnSpec(n, "string", remote, Required: req);
        private static ColumnSpec Num(string n, string remote = "NUMBER(38,0)") => new ColumnSpec(n, "number", remote);
        private static ColumnSpec Date(string n, string remote = "TIMESTAMP_NTZ") => new ColumnSpec(n, "datetime", remote);

        private static readonly object?[][] People =
        {
            new object?[] { "ada@example.com", "Ada", "Lovelace", "enterprise", "2024-05-02T10:00:00Z" },
            new object?[] { "grace@example.com", "Grace", "Hopper", "pro", "2024-05-01T08:30:00Z" },
            new object?[] { "alan@example.com", "Alan", "Turing", "free", "2024-04-28T17:15:00Z" },
        };

        private static TableSpec Users(string name, string text, string num, string date, bool upper = false)
        {
            string N(string s) => upper ? s.ToUpperInvariant() : s;
            return new TableSpec(name, new[]
            {
                Str(N("email"), text), Str(N("first_name"), text), Str(N("last_name"), text), Str(N("plan"), text), Date(N("last_activity_date"), date),
            }, People);
        }

        private static TableSpec Small(string name, string remote, params string[] columns) =>
            new TableSpec(name, columns.Select(c => Str(c, remote)).ToArray(),
                new[] { columns.Select(c => (object?)(c.ToLowerInvariant() + "-1")).ToArray(), columns.Select(c => (object?)(c.ToLowerInvariant() + "-2")).ToArray() });

        private static readonly Dictionary<string, (SourceShape Shape, TableSpec[] Tables)> Sources = new(StringComparer.Ordinal)
        {
            ["snowflake"] = (SourceShape.SchemaSql, new[]
            {
                Users("PUBLIC.users", "VARCHAR(16777216)", "NUMBER(38,0)", "TIMESTAMP_NTZ"),
                Small("PUBLIC.accounts", "VARCHAR(16777216)", "id", "name", "domain"),
                Users("CUSTOMERS.CONTACTS", "VARCHAR(16777216)", "NUMBER(38,0)", "TIMESTAMP_NTZ", upper: true),
                Small("CUSTOMERS.COMPANIES", "VARCHAR(16777216)", "ID", "NAME", "DOMAIN"),
                Small("TEAMS.MEMBERS", "VARCHAR(16777216)", "ID", "EMAIL", "TEAM"),
            }),
            ["mysql"] = (SourceShape.Sql, new[]
            {
                Small("company.accounts", "varchar(255)", "id", "name", "domain"),
                Users("company.customers", "varchar(255)", "int", "datetime"),
                Small("company.teams", "varchar(255)", "id", "name"),
            }),
            ["postgresql"] = (SourceShape.SchemaSql, new[]
            {
                Users("public.users", "text", "integer", "timestamp"),
                Small("public.accounts", "text", "id", "name", "domain"),
            }),
            ["mongodb"] = (SourceShape.Mongo, new[]
            {
                Users("example.users", "string", "int", "date"),
                Small("example.orders", "string", "order_id", "email", "total"),
            }),
            ["gcs"] = (SourceShape.Files, Files()),
            ["s3"] = (SourceShape.Files, Files()),
            ["salesforce"] = (SourceShape.CrmObjects, Salesforce()),
        };

        private static TableSpec[] Files() => new[]
        {
            new TableSpec("high_paying_users.csv", new[] { Str("email", "string"), Str("first_name", "string"), Str("last_name", "string"), Str("plan", "string"), Num("lifetime_value", "number") },
                People.Take(2).Select(p => new object?[] { p[0], p[1], p[2], p[3], 1200 }).ToArray()),
            Users("all_users.csv", "string", "number", "string"),
            Small("exports/events.json", "string", "event", "email"),
        };

        private static TableSpec[] Salesforce() => new[]
        {
            new TableSpec("Account", new[] { Str("Id", "id"), Str("Name", "string", req: true), Str("Website", "url") }, new[] { new object?[] { "001A", "Example Inc", "example.com" } }),
            new TableSpec("Contact", new[] { Str("Id", "id"), Str("Email", "email"), Str("FirstName", "string"), Str("LastName", "string", req: true), Str("Phone", "phone"), Str("AccountId", "reference") },
                People.Select((p, i) => new object?[] { "003" + i, p[0], p[1], p[2], null, "001A" }).ToArray()),
            new TableSpec("Lead", new[] { Str("Id", "id"), Str("Email", "email"), Str("FirstName", "string"), Str("LastName", "string", req: true), Str("Company", "string", req: true) },
                People.Select((p, i) => new object?[] { "00Q" + i, p[0], p[1], p[2], "Example Inc" }).ToArray()),
        };

        public static (SourceShape Shape, TableSpec[] Tables)? SourceOf(string type) => Sources.TryGetValue(type, out var s) ? s : null;

        /// <summary>A table by its full name, or by its short name when that is unique (SQL "FROM users").</summary>
        public static TableSpec? FindTable(string type, string name)
        {
            if (SourceOf(type) is not { } src) return null;
            var clean = name.Trim().Trim('"', '`');
            return src.Tables.FirstOrDefault(t => string.Equals(t.Name, clean, StringComparison.OrdinalIgnoreCase))
                ?? (src.Tables.Count(t => string.Equals(t.ShortName, clean, StringComparison.OrdinalIgnoreCase)) == 1
                    ? src.Tables.First(t => string.Equals(t.ShortName, clean, StringComparison.OrdinalIgnoreCase)) : null);
        }

        /// <summary>Target modes (CRMs have no replace/append).</summary>
        public static readonly (string Mode, string Label, string Description, bool Identity)[] TableModes =
        {
            ("create", "Create", "Create records when they don’t exist; don’t update existing ones", true),
            ("update", "Update", "Update existing records only; don’t create new ones", true),
            ("updateOrCreate", "Update or Create", "Update records when they exist and create them when they don’t", true),
            ("replace", "Replace", "Replace all existing rows", false),
            ("append", "Append", "Append rows to the end of the table", false),
        };

        public static readonly (string Mode, string Label, string Description, bool Identity)[] CrmModes =
        {
            ("create", "Create", "Create records when they don’t exist; don’t update existing ones", true),
            ("update", "Update", "Update existing records only; don’t create new ones", true),
            ("updateOrCreate", "Update or Create", "Update records when they exist and create them when they don’t", true),
            ("remove", "Remove", "Delete records that match the model", true),
        };

        public const string NewTarget = "__pt_new_target";
        public const string NewSchema = "__pt_new_schema";

        /// <summary>Whether the type can be a sync target, and if so whether it is a warehouse (tables, new targets).</summary>
        public static bool IsWarehouseTarget(string type) => type is "snowflake" or "mysql" or "postgresql";
        public static bool IsCrmTarget(string type) => type is "salesforce";
        public static bool IsTarget(string type) => IsWarehouseTarget(type) || IsCrmTarget(type);

        public static (string Mode, string Label, string Description, bool Identity)[] ModesOf(string type) =>
            IsCrmTarget(type) ? CrmModes : TableModes;

        /// <summary>The identity functions a target field supports: CRMs also match websites by domain.</summary>
        public static string[] IdentityFunctions(string type, ColumnSpec c) =>
            !c.Identity ? Array.Empty<string>()
            : IsCrmTarget(type) && c.RemoteType == "url" ? new[] { "Equality", "DomainMatch" }
            : IsCrmTarget(type) && c.RemoteType == "email" ? new[] { "Equality", "ISubstring" }
            : new[] { "Equality" };
    }
}
