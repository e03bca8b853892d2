using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>The sync modes and which of them need an identity (the modes a database or CRM target offers; remove
    /// matches records by identity too).</summary>
    public static class SyncModes
    {
        public static readonly string[] All = { "create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot" };
        public static readonly string[] NeedIdentity = { "create", "update", "updateOrCreate", "remove" };
        public static readonly string[] Frequencies = { "manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "multi", "dbtcloud" };
        public static readonly string[] IdentityFunctions = { "Equality", "ISubstring", "OneOf", "DomainMatch", "HostnameMatch" };

        /// <summary>Polytomic's filter functions (FilterFunction), for sync filters and overrides and bulk schema filters.</summary>
        public static readonly string[] FilterFunctions =
        {
            "Equality", "Inequality", "IsNull", "IsNotNull", "True", "False", "OnOrAfter", "OnOrBefore", "GreaterThan", "GreaterThanEqual",
            "LessThan", "LessThanEqual", "StringContains", "StringStartsWith", "StringEndsWith", "StringDoesNotContain", "StringDoesNotStartWith",
            "StringDoesNotEndWith", "StringOneOf", "StringNotOneOf", "Between", "ArrayContains", "ArrayDoesNotContain", "InTheLast",
            "RelativeOnOrBefore", "RelativeOnOrAfter", "StringLike", "StringNotLike", "StringMatchesTrimmed",
        };

        /// <summary>Filter functions that compare with nothing, so take no value.</summary>
        public static readonly string[] ValuelessFilterFunctions = { "IsNull", "IsNotNull", "True", "False" };

        public static string? Canonical(string[] set, string? value) =>
            value == null ? null : set.FirstOrDefault(m => string.Equals(m, value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A model sync (Reverse ETL). From GET /api/syncs on 2025-09-18 only the list fields are set (no
    /// Fields/Identity/Target: Get-PolytomicSync -Id reads the full sync).</summary>
    public sealed class PolytomicSync
    {
        private string? targetConnectionId, targetObject;

        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? Mode { get; set; }
        public bool? Active { get; set; }
        public List<string> ModelIds { get; set; } = new List<string>();
        public SyncTarget? Target { get; set; }
        public List<SyncField>? Fields { get; set; }
        public SyncIdentity? Identity { get; set; }
        public List<Dictionary<string, object?>>? Filters { get; set; }
        public string? FilterLogic { get; set; }
        public List<Dictionary<string, object?>>? Overrides { get; set; }
        public List<SyncField>? OverrideFields { get; set; }
        public SyncSchedule? Schedule { get; set; }
        public bool? SyncAllRecords { get; set; }
        public bool? SkipInitialBackfill { get; set; }
        public bool? OnlyEnrichUpdates { get; set; }
        /// <summary>Held as a SecureString so it never shows in output, Format-List * or logs.</summary>
        [JsonConverter(typeof(Http.SecureStringConverter))]
        public System.Security.SecureString? EncryptionPassphrase { get; set; }
        public List<string>? Policies { get; set; }
        public string? OrganizationId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public PolytomicActor? CreatedBy { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public PolytomicActor? UpdatedBy { get; set; }

        /// <summary>From the list item (2025-09-18) or the full sync's target.</summary>
        public string? TargetConnectionId { get => targetConnectionId ?? Target?.ConnectionId; set => targetConnectionId = value; }
        public string? TargetObject { get => targetObject ?? Target?.Object; set => targetObject = value; }
        [JsonIgnore] public string? Frequency => Schedule?.Frequency;

        /// <summary>Lets a sync bind to -SyncId parameters by property name.</summary>
        [JsonIgnore] public string SyncId => Id;

        public override string ToString() => Name ?? Id;
    }

    public sealed class SyncTarget
    {
        public string? ConnectionId { get; set; }
        public string? Object { get; set; }
        public Dictionary<string, object?>? Create { get; set; }
        public string? NewName { get; set; }
        public Dictionary<string, object?>? Configuration { get; set; }
        public Dictionary<string, object?>? SearchValues { get; set; }
        public string? FilterLogic { get; set; }
        public override string ToString() => Object ?? "";
    }

    /// <summary>A field mapping (property order = the seeds' key order).</summary>
    public sealed class SyncField
    {
        public SyncSource? Source { get; set; }
        public string? Target { get; set; }
        public string? OverrideValue { get; set; }
        public string? SyncMode { get; set; }
        public bool? EncryptionEnabled { get; set; }
        public bool? New { get; set; }
        public override string ToString() => $"{Source?.Field ?? OverrideValue} -> {Target}";
    }

    public sealed class SyncSource
    {
        public string? Field { get; set; }
        public string? ModelId { get; set; }
        public override string ToString() => Field ?? "";
    }

    public sealed class SyncIdentity
    {
        public SyncSource? Source { get; set; }
        public string? Target { get; set; }
        public string? Function { get; set; }
        public bool? NewField { get; set; }
        public string? RemoteFieldTypeId { get; set; }
        public override string ToString() => $"{Source?.Field} {Function} {Target}";
    }

    /// <summary>When a sync runs. Times are UTC strings ("05").</summary>
    public sealed class SyncSchedule
    {
        public string? Frequency { get; set; }
        public string? Minute { get; set; }
        public string? Hour { get; set; }
        public string? DayOfWeek { get; set; }
        public string? DayOfMonth { get; set; }
        public string? Month { get; set; }
        public Dictionary<string, object?>? RunAfter { get; set; }
        public bool? RunAfterSuccessOnly { get; set; }
        public string? ConnectionId { get; set; }
        public long? JobId { get; set; }
        /// <summary>"daily 05:30 UTC", as bulk sync schedules read.</summary>
        public override string ToString() => ScheduleText.Describe(Frequency, Minute, Hour, DayOfWeek, DayOfMonth, Month);
    }

    /// <summary>Body of POST /api/syncs and PUT /api/syncs/{id} (property order = the seeds' key order).</summary>
    public sealed class SyncRequest
    {
        public string? Name { get; set; }
        public string? Mode { get; set; }
        public SyncIdentity? Identity { get; set; }
        public List<SyncField> Fields { get; set; } = new List<SyncField>();
        public List<Dictionary<string, object?>>? Filters { get; set; }
        public string? FilterLogic { get; set; }
        public List<Dictionary<string, object?>>? Overrides { get; set; }
        public List<SyncField>? OverrideFields { get; set; }
        public SyncSchedule? Schedule { get; set; }
        public SyncTarget? Target { get; set; }
        public bool? Active { get; set; }
        public bool? SyncAllRecords { get; set; }
        public bool? SkipInitialBackfill { get; set; }
        public bool? OnlyEnrichUpdates { get; set; }
        /// <summary>Held as a SecureString so it never shows in output, Format-List * or logs.</summary>
        [JsonConverter(typeof(Http.SecureStringConverter))]
        public System.Security.SecureString? EncryptionPassphrase { get; set; }
        public List<string>? Policies { get; set; }
        public string? OrganizationId { get; set; }

        /// <summary>The body that PUT needs to keep a sync as it is (PUT replaces the whole sync).</summary>
        public static SyncRequest From(PolytomicSync s) => new SyncRequest
        {
            Name = s.Name, Mode = s.Mode, Identity = s.Identity, Fields = s.Fields ?? new List<SyncField>(), Filters = s.Filters,
            FilterLogic = s.FilterLogic, Overrides = s.Overrides, OverrideFields = s.OverrideFields, Schedule = s.Schedule,
            Target = s.Target, Active = s.Active, SyncAllRecords = s.SyncAllRecords, SkipInitialBackfill = s.SkipInitialBackfill,
            OnlyEnrichUpdates = s.OnlyEnrichUpdates, EncryptionPassphrase = s.EncryptionPassphrase, Policies = s.Policies,
            OrganizationId = s.OrganizationId,
        };
    }

    /// <summary>Filters of GET /api/syncs.</summary>
    public sealed class SyncListFilter
    {
        public bool? Active { get; set; }
        public string? Mode { get; set; }
        public string? TargetConnectionId { get; set; }
    }

    public sealed class ActivateSyncResult
    {
        public string? Id { get; set; }
        public bool Active { get; set; }
    }

    /// <summary>A schedule frequency Polytomic offers (GET /api/syncs/schedules).</summary>
    public sealed class PolytomicScheduleOption
    {
        public string? Frequency { get; set; }
        public string? Label { get; set; }
        public string? Description { get; set; }
        public Dictionary<string, object?>? Configuration { get; set; }
        public override string ToString() => Frequency ?? Label ?? "";
    }

    public sealed class ScheduleOptionList
    {
        public List<PolytomicScheduleOption> ScheduleOptions { get; set; } = new List<PolytomicScheduleOption>();
    }
}
