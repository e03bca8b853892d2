using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes a bulk sync: its name, destination, mode, configuration, main schedule, options (auto-add, names, concurrency, data cutoff, record timestamps) or policies.</summary>
    /// <remarks>
    /// <para>Polytomic's PUT /api/bulk/syncs/{id} replaces the whole bulk sync, so Set-PolytomicBulkSync reads the current one and merges the change over it: schedules, options and settings that are not passed are kept, and -DestinationConfiguration/-SourceConfiguration change only the keys they name. The schedule is written in the shape of the session's API version, keeping the main schedule's id and the additional schedules.</para>
    /// <para>When the destination, its configuration or the mode changes, the destination's requirements are checked first (MissingDestinationOption, UnsupportedBulkSyncMode). Schemas are changed with Set-PolytomicBulkSchema and single additional schedules with the *-PolytomicBulkSchedule cmdlets (-AdditionalSchedule replaces them all).</para>
    /// <para>Outputs nothing, or the updated bulk sync with -PassThru. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole bulk sync, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicBulkSync calls racing on one bulk sync can therefore lose one change: the second write puts back what the first one changed. Change one bulk sync from one place at a time, and read it back (Get-PolytomicBulkSync) where that matters.</para>
    /// <para>-NewName into a name another bulk sync has is refused with BulkSyncNameExists (ResourceExists; the TargetObject is that bulk sync) and nothing is changed, unless -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Set-PolytomicBulkSync -Schedule @{ frequency = 'daily'; hour = '05'; minute = '30' } -PassThru
    /// </code>
    /// <para>Runs the bulk sync daily at 05:30 UTC instead of on its current schedule.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicBulkSync -Id $sync.Id -NewName 'Salesforce to Snowflake' -DestinationConfiguration @{ schema = 'SALESFORCE_RAW' }
    /// </code>
    /// <para>Renames the bulk sync and writes into another Snowflake schema; its other destination options stay.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicBulkSync -Id $sync.Id -AutomaticallyAddNewObjects all -ConcurrencyLimit 2 -DataCutoff ([datetime]'2024-01-01Z') -DisableRecordTimestamps
    /// </code>
    /// <para>Adds new source objects by itself, copies two objects at a time, skips records older than 2024, and leaves out Polytomic's record timestamp columns; the other settings stay.</para>
    /// </example>
    /// <parameter name="SourceConfiguration">Source options to change, as a hashtable; options not named keep their values.</parameter>
    /// <parameter name="Frequency">A new frequency for the main schedule: manual, continuous, hourly, daily, weekly, custom, builder, runafter or dbtcloud. Overrides the frequency of -Schedule.</parameter>
    /// <parameter name="Schedule">A new main schedule as a hashtable: frequency, minute, hour, day_of_week, day_of_month, month (UTC), e.g. @{ frequency = 'daily'; hour = '05'; minute = '30' }.</parameter>
    /// <parameter name="AdditionalSchedule">Further schedules besides the main one, one hashtable each: the keys of -Schedule plus selective_mode (none, incrementalFields or nonincrementalFields), resync_mode and schemas, e.g. @{ frequency = 'daily'; hour = '02'; minute = '00'; selective_mode = 'incrementalFields' }. Written in the session's API version's shape. They replace the current additional schedules; an empty array removes them.</parameter>
    /// <parameter name="Policy">Ids of permission policies; they replace the current ones.</parameter>
    [Cmdlet(VerbsCommon.Set, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicBulkSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class SetPolytomicBulkSyncCommand : BulkSyncSettingsCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (Id or SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>A new name for the bulk sync.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>A new destination connection: an id or a connection object.</summary>
        [Parameter]
        [Alias("DestinationConnectionId")]
        [IdTransformation(ObjectKinds.Connection, "DestinationConnectionId")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Destination { get; set; }

        /// <summary>A new mode: replicate or snapshot.</summary>
        [Parameter]
        [ValidateSet("replicate", "snapshot")]
        public string? Mode { get; set; }

        /// <summary>Destination options to change, as a hashtable; options not named keep their values.</summary>
        [Parameter]
        public IDictionary? DestinationConfiguration { get; set; }

        /// <summary>Output the updated bulk sync (PolytomicBulkSync). By default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>With -NewName: rename even though another bulk sync has that name (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var destChange = PSInput.ToDictionary(DestinationConfiguration, nameof(DestinationConfiguration));
            var sourceChange = PSInput.ToDictionary(SourceConfiguration, nameof(SourceConfiguration));
            var newSchedule = MainSchedule();
            var additional = AdditionalSchedules();
            var current = Await((c, ct) => c.GetBulkSyncAsync(Id, ct));

            var destConfig = new Dictionary<string, object?>(current.DestinationConfiguration, StringComparer.OrdinalIgnoreCase);
            foreach (var kv in destChange) destConfig[kv.Key] = kv.Value;
            var sourceConfig = new Dictionary<string, object?>(current.SourceConfiguration ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase);
            foreach (var kv in sourceChange) sourceConfig[kv.Key] = kv.Value;
            var destinationId = Destination ?? current.DestinationConnectionId;
            if (Destination != null || DestinationConfiguration != null || Mode != null)
            {
                var destination = Await((c, ct) => c.GetBulkDestinationAsync(destinationId!, ct));
                BulkSyncInput.CheckDestination(destination, destConfig, Mode, WriteWarning);
            }

            var schedule = current.Schedule == null ? new BulkScheduleRequest { Frequency = "manual" } : BulkScheduleRequest.From(current.Schedule);
            if (newSchedule != null)
            {
                newSchedule.Id = schedule.Id; // the main schedule keeps its identity
                schedule = newSchedule;
            }
            BulkSyncRequest Body(string? name, string? mode, string? destination, BulkScheduleRequest? main,
                IDictionary<string, object?>? dest, IDictionary<string, object?>? source, List<string>? policies) => new BulkSyncRequest
            {
                Name = name,
                SourceConnectionId = current.SourceConnectionId,
                DestinationConnectionId = destination,
                Mode = mode,
                Schedule = main,
                AdditionalSchedules = current.AdditionalSchedules.Select(BulkScheduleRequest.From).ToList(),
                DestinationConfiguration = dest,
                Active = current.Active,
                SourceConfiguration = source,
                AutomaticallyAddNewFields = current.AutomaticallyAddNewFields,
                AutomaticallyAddNewObjects = current.AutomaticallyAddNewObjects,
                NormalizeNames = current.NormalizeNames,
                DisableRecordTimestamps = current.DisableRecordTimestamps,
                DataCutoffTimestamp = current.DataCutoffTimestamp,
                ConcurrencyLimit = current.ConcurrencyLimit,
                ResyncConcurrencyLimit = current.ResyncConcurrencyLimit,
                Policies = policies,
            };
            var request = Body(NewName ?? current.Name, Mode ?? current.Mode, destinationId, schedule, destConfig, sourceConfig,
                Policy != null ? Policy.ToList() : current.Policies);
            var before = Body(current.Name, current.Mode, current.DestinationConnectionId,
                current.Schedule == null ? new BulkScheduleRequest { Frequency = "manual" } : BulkScheduleRequest.From(current.Schedule),
                current.DestinationConfiguration, current.SourceConfiguration ?? new Dictionary<string, object?>(), current.Policies);
            ApplyOptions(request);
            if (additional != null) request.AdditionalSchedules = additional;
            if (!Force && NewName != null && NewName != current.Name && NameTaken(NameClaim.BulkSyncs, NewName, current.Id)) return;
            if (!ShouldProcess($"{current.Name} ({Id})", ChangeText.Describe("Update bulk sync", before, request))) return;

            var updated = Await((c, ct) => c.UpdateBulkSyncAsync(Id, request, ct));
            CurrentSession.Completion.Invalidate("bulk_syncs");
            if (PassThru) WriteObject(updated);
        }
    }
}
