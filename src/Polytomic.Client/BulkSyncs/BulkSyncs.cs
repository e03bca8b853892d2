using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>A bulk sync (ELT): copies a source connection's schemas into a destination. The same object in every
    /// API version: 2024-02-08's `schedule` and 2025-09-18's `default_schedule` both land in <see cref="Schedule"/>.</summary>
    public sealed class PolytomicBulkSync
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? SourceConnectionId { get; set; }
        public string? DestinationConnectionId { get; set; }
        /// <summary>replicate or snapshot.</summary>
        public string? Mode { get; set; }
        public bool Active { get; set; }

        /// <summary>The main schedule (2025-09-18 default_schedule, 2024-02-08 schedule).</summary>
        [JsonPropertyName("default_schedule")] public PolytomicBulkSyncSchedule? Schedule { get; set; }

        /// <summary>Further schedules (2025-09-18 additional_schedules, 2024-02-08 schedule.multi).</summary>
        public List<PolytomicBulkSyncSchedule> AdditionalSchedules { get; set; } = new List<PolytomicBulkSyncSchedule>();

        [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] // keeps the case-insensitive dictionary
        public Dictionary<string, object?> DestinationConfiguration { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, object?>? SourceConfiguration { get; set; }
        public string? AutomaticallyAddNewFields { get; set; }
        public string? AutomaticallyAddNewObjects { get; set; }
        public string? NormalizeNames { get; set; }
        public bool? DisableRecordTimestamps { get; set; }
        public string? DataCutoffTimestamp { get; set; }
        public long? ConcurrencyLimit { get; set; }
        public long? ResyncConcurrencyLimit { get; set; }
        public List<string>? Policies { get; set; }
        public string? OrganizationId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public PolytomicActor? CreatedBy { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public PolytomicActor? UpdatedBy { get; set; }

        /// <summary>Lets a bulk sync bind to -SyncId parameters by property name.</summary>
        [JsonIgnore] public string SyncId => Id;

        // 2024-02-08 wire shape, folded into Schedule/AdditionalSchedules by Normalize.
        [JsonInclude, JsonPropertyName("schedule")] internal PolytomicBulkSyncSchedule? LegacySchedule { get; set; }

        internal PolytomicBulkSync Normalize()
        {
            if (Schedule == null && LegacySchedule != null)
            {
                Schedule = LegacySchedule;
                if (LegacySchedule.Multi?.Schedules != null)
                    foreach (var item in LegacySchedule.Multi.Schedules.Where(i => i.Schedule != null))
                    {
                        item.Schedule!.SelectiveMode = item.Item;
                        AdditionalSchedules.Add(item.Schedule);
                    }
                LegacySchedule = null;
            }
            return this;
        }

        public override string ToString() => Name ?? Id;
    }

    /// <summary>A schedule as bulk syncs embed it (snake_case).</summary>
    public sealed class PolytomicBulkSyncSchedule
    {
        public string? Id { get; set; }
        public string? Frequency { get; set; }
        public string? Minute { get; set; }
        public string? Hour { get; set; }
        public string? DayOfWeek { get; set; }
        public string? DayOfMonth { get; set; }
        public string? Month { get; set; }
        public List<string>? Schemas { get; set; }
        public string? SelectiveMode { get; set; }
        public string? ResyncMode { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public PolytomicActor? CreatedBy { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public PolytomicActor? UpdatedBy { get; set; }

        [JsonInclude] internal BulkMultiSchedule? Multi { get; set; }

        public override string ToString() => ScheduleText.Describe(Frequency, Minute, Hour, DayOfWeek, DayOfMonth);
    }

    internal sealed class BulkMultiSchedule
    {
        public string? Type { get; set; }
        public List<BulkItemizedSchedule>? Schedules { get; set; }
    }

    internal sealed class BulkItemizedSchedule
    {
        public string? Item { get; set; }
        public PolytomicBulkSyncSchedule? Schedule { get; set; }
    }

    internal static class ScheduleText
    {
        public static string Describe(string? frequency, string? minute, string? hour, string? dayOfWeek, string? dayOfMonth, string? month = null)
        {
            // A custom schedule is cron fields: shown as cron, since "*/6:00" would read as a time.
            if (string.Equals(frequency, "custom", StringComparison.OrdinalIgnoreCase))
                return $"custom {Cron(minute)} {Cron(hour)} {Cron(dayOfMonth)} {Cron(month)} {Cron(dayOfWeek)} UTC";
            var text = frequency ?? "";
            if (!string.IsNullOrEmpty(dayOfWeek)) text += " " + dayOfWeek;
            if (!string.IsNullOrEmpty(dayOfMonth)) text += " day " + dayOfMonth;
            if (hour != null && hour.Length > 0) text += $" {hour.PadLeft(2, '0')}:{(minute ?? "0").PadLeft(2, '0')} UTC";
            else if (minute != null && minute.Length > 0) text += $" :{minute.PadLeft(2, '0')}";
            return text;
        }

        private static string Cron(string? field) => string.IsNullOrEmpty(field) ? "*" : field!;
    }

    /// <summary>A schedule of the per-sync schedules sub-resource (camelCase on the wire).</summary>
    public sealed class PolytomicBulkSchedule
    {
        public string Id { get; set; } = "";
        [JsonPropertyName("syncId")] public string? SyncId { get; set; }
        public string? Frequency { get; set; }
        public string? Minute { get; set; }
        public string? Hour { get; set; }
        [JsonPropertyName("dayOfWeek")] public string? DayOfWeek { get; set; }
        [JsonPropertyName("dayOfMonth")] public string? DayOfMonth { get; set; }
        public string? Month { get; set; }
        [JsonPropertyName("selectiveMode")] public string? SelectiveMode { get; set; }
        [JsonPropertyName("syncMode")] public string? SyncMode { get; set; }
        public List<string>? Schemas { get; set; }
        [JsonPropertyName("isDefault")] public bool IsDefault { get; set; }
        [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("createdBy")] public string? CreatedBy { get; set; }
        [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("updatedBy")] public string? UpdatedBy { get; set; }

        [JsonIgnore] public string ScheduleId => Id;

        public override string ToString() => ScheduleText.Describe(Frequency, Minute, Hour, DayOfWeek, DayOfMonth);
    }

    /// <summary>Body of the schedules sub-resource: {"schedule": {…camelCase…}}.</summary>
    public sealed class BulkScheduleApiRequest
    {
        public BulkScheduleApi Schedule { get; set; } = new BulkScheduleApi();
    }

    public sealed class BulkScheduleApi
    {
        public string? Frequency { get; set; }
        public string? Minute { get; set; }
        public string? Hour { get; set; }
        [JsonPropertyName("dayOfWeek")] public string? DayOfWeek { get; set; }
        [JsonPropertyName("dayOfMonth")] public string? DayOfMonth { get; set; }
        public string? Month { get; set; }
        [JsonPropertyName("selectiveMode")] public string? SelectiveMode { get; set; }
    }

    /// <summary>Body of POST/PUT /api/bulk/syncs, version-neutral: the client writes Schedule and AdditionalSchedules in
    /// the session's version's shape (2024-02-08 schedule[.multi], 2025-09-18 default_schedule + additional_schedules).</summary>
    public sealed class BulkSyncRequest
    {
        public string? Name { get; set; }
        public string? SourceConnectionId { get; set; }
        public string? DestinationConnectionId { get; set; }
        public string? Mode { get; set; }
        [JsonIgnore] public BulkScheduleRequest? Schedule { get; set; }
        [JsonIgnore] public List<BulkScheduleRequest>? AdditionalSchedules { get; set; }
        [JsonInclude, JsonPropertyName("schedule")] internal BulkScheduleRequest? WireSchedule { get; set; }
        [JsonInclude, JsonPropertyName("default_schedule")] internal BulkScheduleRequest? WireDefaultSchedule { get; set; }
        [JsonInclude, JsonPropertyName("additional_schedules")] internal List<BulkScheduleRequest>? WireAdditionalSchedules { get; set; }
        public IDictionary<string, object?>? DestinationConfiguration { get; set; }
        /// <summary>Schema ids, or objects ({id, enabled, fields, …}); null = all schemas.</summary>
        public List<object>? Schemas { get; set; }
        public bool? Active { get; set; }
        public IDictionary<string, object?>? SourceConfiguration { get; set; }
        public string? AutomaticallyAddNewFields { get; set; }
        public string? AutomaticallyAddNewObjects { get; set; }
        public string? NormalizeNames { get; set; }
        public bool? DisableRecordTimestamps { get; set; }
        public string? DataCutoffTimestamp { get; set; }
        public long? ConcurrencyLimit { get; set; }
        public long? ResyncConcurrencyLimit { get; set; }
        public List<string>? Policies { get; set; }
        public string? OrganizationId { get; set; }
    }

    /// <summary>One schedule in a bulk sync body (snake_case). Multi is 2024-02-08 only.</summary>
    public sealed class BulkScheduleRequest
    {
        public string? Id { get; set; }
        public string? Frequency { get; set; }
        public string? Minute { get; set; }
        public string? Hour { get; set; }
        public string? DayOfWeek { get; set; }
        public string? DayOfMonth { get; set; }
        public string? Month { get; set; }
        public List<string>? Schemas { get; set; }
        public string? SelectiveMode { get; set; }
        public string? ResyncMode { get; set; }
        [JsonInclude] internal object? Multi { get; set; }

        public static BulkScheduleRequest From(PolytomicBulkSyncSchedule s) => new BulkScheduleRequest
        {
            Id = s.Id, Frequency = s.Frequency, Minute = s.Minute, Hour = s.Hour, DayOfWeek = s.DayOfWeek, DayOfMonth = s.DayOfMonth,
            Month = s.Month, Schemas = s.Schemas, SelectiveMode = s.SelectiveMode, ResyncMode = s.ResyncMode,
        };

        internal BulkScheduleRequest Timing() => new BulkScheduleRequest
        {
            Frequency = Frequency, Minute = Minute, Hour = Hour, DayOfWeek = DayOfWeek, DayOfMonth = DayOfMonth, Month = Month,
        };
    }

    /// <summary>A schema of a bulk sync and how it is synced. Fields are null where the API version's list omits them
    /// (2025-09-18 lists; Get-PolytomicBulkSchema -IncludeFields fetches them).</summary>
    public sealed class PolytomicBulkSchema
    {
        [JsonIgnore] public string SyncId { get; set; } = "";
        public string Id { get; set; } = "";
        public string? OutputName { get; set; }
        public string? UserOutputName { get; set; }
        public bool Enabled { get; set; }
        public string? PartitionKey { get; set; }
        public string? TrackingField { get; set; }
        public string? DataCutoffTimestamp { get; set; }
        public bool? DisableDataCutoff { get; set; }
        public List<PolytomicBulkField>? Fields { get; set; }
        public List<Dictionary<string, object?>>? Filters { get; set; }

        [JsonIgnore] public string SchemaId => Id;
        [JsonIgnore] public int? EnabledFieldCount => Fields?.Count(f => f.Enabled);

        public override string ToString() => Id;
    }

    public sealed class PolytomicBulkField
    {
        public string Id { get; set; } = "";
        public string? OutputName { get; set; }
        public string? UserOutputName { get; set; }
        public bool Enabled { get; set; }
        public bool Obfuscated { get; set; }
        public override string ToString() => Id;
    }

    /// <summary>Body of PUT /api/bulk/syncs/{id}/schemas/{schema_id} (a full replacement).</summary>
    public sealed class UpdateBulkSchemaRequest
    {
        public bool? Enabled { get; set; }
        public List<UpdateBulkField>? Fields { get; set; }
        public List<Dictionary<string, object?>>? Filters { get; set; }
        public string? PartitionKey { get; set; }
        public string? TrackingField { get; set; }
        public string? UserOutputName { get; set; }
        public string? DataCutoffTimestamp { get; set; }
        public bool? DisableDataCutoff { get; set; }
    }

    public sealed class UpdateBulkField
    {
        public string? Id { get; set; }
        public bool? Enabled { get; set; }
        public bool? Obfuscated { get; set; }
        public string? UserOutputName { get; set; }
    }

    /// <summary>What a connection offers as a bulk-sync source.</summary>
    public sealed class PolytomicBulkSource
    {
        [JsonIgnore] public string ConnectionId { get; set; } = "";
        public BulkSourceCapabilities? Capabilities { get; set; }
        public object? Configuration { get; set; }
        public List<PolytomicConnectionSchema> Schemas { get; set; } = new List<PolytomicConnectionSchema>();
        [JsonIgnore] public bool SupportsTrackingFields => Capabilities?.SupportsTrackingFields == true;
        public override string ToString() => $"{ConnectionId} ({Schemas.Count} schemas)";
    }

    public sealed class BulkSourceCapabilities
    {
        public bool? SupportsTrackingFields { get; set; }
    }

    /// <summary>What a connection asks for as a bulk-sync destination: its options, modes and resync modes.</summary>
    public sealed class PolytomicBulkDestination
    {
        [JsonIgnore] public string ConnectionId { get; set; } = "";
        /// <summary>The raw option map: {name: {default, required, items?}}.</summary>
        [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] // keeps the case-insensitive dictionary
        public Dictionary<string, object?> Configuration { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        public List<PolytomicBulkMode> Modes { get; set; } = new List<PolytomicBulkMode>();
        public List<string> SupportedResyncModes { get; set; } = new List<string>();

        /// <summary>Top-level options (Items hold nested ones, e.g. "advanced").</summary>
        [JsonIgnore]
        public IReadOnlyList<PolytomicBulkDestinationOption> Options => OptionsOf(Configuration);

        [JsonIgnore] public IEnumerable<string> RequiredOptions => Options.Where(o => o.Required).Select(o => o.Name);

        private static List<PolytomicBulkDestinationOption> OptionsOf(IDictionary<string, object?> config) =>
            config.Select(kv =>
            {
                var d = kv.Value as IDictionary<string, object?>;
                object? def = null, req = null, items = null;
                d?.TryGetValue("default", out def);
                d?.TryGetValue("required", out req);
                d?.TryGetValue("items", out items);
                return new PolytomicBulkDestinationOption
                {
                    Name = kv.Key,
                    Required = req is bool b && b,
                    Default = def,
                    Items = items is IDictionary<string, object?> nested ? OptionsOf(nested) : null,
                };
            }).ToList();

        public override string ToString() => ConnectionId;
    }

    public sealed class PolytomicBulkDestinationOption
    {
        public string Name { get; set; } = "";
        public bool Required { get; set; }
        public object? Default { get; set; }
        public List<PolytomicBulkDestinationOption>? Items { get; set; }
        public override string ToString() => Name;
    }

    public sealed class PolytomicBulkMode
    {
        public string? Id { get; set; }
        public string? Label { get; set; }
        public string? Description { get; set; }
        public override string ToString() => Id ?? Label ?? "";
    }

    /// <summary>One schema's change in PATCH …/schemas.</summary>
    /// <summary>One schema of PATCH /api/bulk/syncs/{id}/schemas (Polytomic's BulkSchema, the same in both API
    /// versions): its id and the settings to change; what is left null is not sent, and stays as it is.</summary>
    public sealed class PatchBulkSchema
    {
        public string? Id { get; set; }
        public bool? Enabled { get; set; }
        public List<PatchBulkField>? Fields { get; set; }
        public List<Dictionary<string, object?>>? Filters { get; set; }
        public string? PartitionKey { get; set; }
        public string? TrackingField { get; set; }
        public string? OutputName { get; set; }
        public string? UserOutputName { get; set; }
        public string? DataCutoffTimestamp { get; set; }
        public bool? DisableDataCutoff { get; set; }
    }

    /// <summary>One field of a <see cref="PatchBulkSchema"/> (Polytomic's BulkField).</summary>
    public sealed class PatchBulkField
    {
        public string? Id { get; set; }
        public bool? Enabled { get; set; }
        public bool? Obfuscated { get; set; }
        public string? OutputName { get; set; }
        public string? UserOutputName { get; set; }
    }

    internal sealed class ActivateResponse
    {
        public string? Id { get; set; }
        public bool? Active { get; set; }
    }
}
