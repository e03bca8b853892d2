using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>The bulk sync settings New- and Set-PolytomicBulkSync both take, declared once, and how they become
    /// request fields. Only parameters whose attributes are the same in both live here (a base-class parameter cannot be
    /// Mandatory or take pipeline input in one cmdlet and not the other). The summaries are New-PolytomicBulkSync's
    /// wording; Set-PolytomicBulkSync gives its own as &lt;parameter name="..."&gt; in its class comment, which HelpGen
    /// uses for its help.</summary>
    public abstract class BulkSyncSettingsCmdlet : PolytomicCmdlet
    {
        /// <summary>Source options as a hashtable, e.g. @{ replication_slot = 'slot' } for change data capture.</summary>
        [Parameter]
        public IDictionary? SourceConfiguration { get; set; }

        /// <summary>How often the bulk sync runs: manual, continuous, hourly, daily, weekly, custom, builder, runafter or dbtcloud. Overrides the frequency of -Schedule; manual when neither is given.</summary>
        [Parameter]
        [ValidateSet("manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "dbtcloud")]
        public string? Frequency { get; set; }

        /// <summary>The full main schedule as a hashtable: frequency, minute, hour, day_of_week, day_of_month, month (UTC, camelCase keys accepted), e.g. @{ frequency = 'daily'; hour = '05'; minute = '30' }.</summary>
        [Parameter]
        public IDictionary? Schedule { get; set; }

        /// <summary>Which new fields of synced schemas Polytomic adds by itself: all, onlyIncremental, onlyNonIncremental or none (Polytomic's default is all).</summary>
        [Parameter]
        [ValidateSet("all", "onlyIncremental", "onlyNonIncremental", "none")]
        public string? AutomaticallyAddNewFields { get; set; }

        /// <summary>Which new schemas (objects, tables) of the source Polytomic adds by itself: all, onlyIncremental, onlyNonIncremental or none (Polytomic's default is none).</summary>
        [Parameter]
        [ValidateSet("all", "onlyIncremental", "onlyNonIncremental", "none")]
        public string? AutomaticallyAddNewObjects { get; set; }

        /// <summary>How names are normalized in the destination: enabled, disabled or legacy (Polytomic's default is enabled).</summary>
        [Parameter]
        [ValidateSet("enabled", "disabled", "legacy")]
        public string? NormalizeNames { get; set; }

        /// <summary>How many schemas one run copies at a time (1 or more); when omitted, the organization's limit applies.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? ConcurrencyLimit { get; set; }

        /// <summary>How many schemas one resync copies at a time (1 or more); when omitted, the organization's limit applies.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? ResyncConcurrencyLimit { get; set; }

        /// <summary>Copy only records changed after this time (a DateTime without a zone is local time); sent in UTC as data_cutoff_timestamp.</summary>
        [Parameter]
        public DateTime? DataCutoff { get; set; }

        /// <summary>Do not add Polytomic's record timestamp columns to the destination tables; -DisableRecordTimestamps:$false adds them again.</summary>
        [Parameter]
        public SwitchParameter DisableRecordTimestamps { get; set; }

        /// <summary>Further schedules besides the main one, one hashtable each: the keys of -Schedule plus selective_mode (none, incrementalFields or nonincrementalFields), resync_mode and schemas, e.g. @{ frequency = 'daily'; hour = '02'; minute = '00'; selective_mode = 'incrementalFields' }. Written in the session's API version's shape.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public object[]? AdditionalSchedule { get; set; }

        /// <summary>Ids of the permission policies to apply to the bulk sync.</summary>
        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>The main schedule -Frequency and -Schedule give, or null when neither is given.</summary>
        private protected BulkScheduleRequest? MainSchedule() => BulkSyncInput.Schedule(Frequency, Schedule);

        /// <summary>-AdditionalSchedule as requests, or null when not given.</summary>
        private protected List<BulkScheduleRequest>? AdditionalSchedules() =>
            AdditionalSchedule == null ? null : BulkSyncInput.AdditionalSchedules(AdditionalSchedule);

        /// <summary>Writes the options the caller passed over the request; options not passed keep the request's value.</summary>
        private protected void ApplyOptions(BulkSyncRequest request)
        {
            if (AutomaticallyAddNewFields != null) request.AutomaticallyAddNewFields = BulkSyncInput.Spelled(AutomaticallyAddNewFields, BulkSyncInput.Discover);
            if (AutomaticallyAddNewObjects != null) request.AutomaticallyAddNewObjects = BulkSyncInput.Spelled(AutomaticallyAddNewObjects, BulkSyncInput.Discover);
            if (NormalizeNames != null) request.NormalizeNames = BulkSyncInput.Spelled(NormalizeNames, BulkSyncInput.Normalize);
            if (ConcurrencyLimit != null) request.ConcurrencyLimit = ConcurrencyLimit;
            if (ResyncConcurrencyLimit != null) request.ResyncConcurrencyLimit = ResyncConcurrencyLimit;
            if (DataCutoff != null) request.DataCutoffTimestamp = BulkSyncInput.Timestamp(DataCutoff);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(DisableRecordTimestamps))) request.DisableRecordTimestamps = DisableRecordTimestamps.IsPresent;
        }
    }
}
