using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicBulkSync: changes only what is passed. Polytomic's PUT replaces the whole bulk sync, so the
    /// current one is read and the change merged over it (schedules, options and settings kept). Schemas are changed
    /// with Set-PolytomicBulkSchema, extra schedules with the *-PolytomicBulkSchedule cmdlets.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicBulkSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class SetPolytomicBulkSyncCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>A new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>A new destination connection (object or id).</summary>
        [Parameter]
        [Alias("DestinationConnectionId")]
        [IdTransformation]
        public string? Destination { get; set; }

        /// <summary>replicate or snapshot.</summary>
        [Parameter]
        [ValidateSet("replicate", "snapshot")]
        public string? Mode { get; set; }

        /// <summary>Destination options to change; the others keep their values.</summary>
        [Parameter]
        public IDictionary? DestinationConfiguration { get; set; }

        /// <summary>Source options to change; the others keep their values.</summary>
        [Parameter]
        public IDictionary? SourceConfiguration { get; set; }

        /// <summary>A new frequency for the main schedule.</summary>
        [Parameter]
        [ValidateSet("manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "dbtcloud")]
        public string? Frequency { get; set; }

        /// <summary>A new main schedule: @{ frequency = 'daily'; hour = '05'; minute = '30' } (UTC).</summary>
        [Parameter]
        public IDictionary? Schedule { get; set; }

        /// <summary>Permission policy ids (replace the current ones).</summary>
        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>Output the updated bulk sync.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var destChange = PSInput.ToDictionary(DestinationConfiguration, nameof(DestinationConfiguration));
            var sourceChange = PSInput.ToDictionary(SourceConfiguration, nameof(SourceConfiguration));
            var newSchedule = BulkSyncInput.Schedule(Frequency, Schedule);
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
            if (!ShouldProcess($"{current.Name} ({Id})", "Update bulk sync")) return;

            var updated = Await((c, ct) => c.UpdateBulkSyncAsync(Id, new BulkSyncRequest
            {
                Name = NewName ?? current.Name,
                SourceConnectionId = current.SourceConnectionId,
                DestinationConnectionId = destinationId,
                Mode = Mode ?? current.Mode,
                Schedule = schedule,
                AdditionalSchedules = current.AdditionalSchedules.Select(BulkScheduleRequest.From).ToList(),
                DestinationConfiguration = destConfig,
                Active = current.Active,
                SourceConfiguration = sourceConfig,
                AutomaticallyAddNewFields = current.AutomaticallyAddNewFields,
                AutomaticallyAddNewObjects = current.AutomaticallyAddNewObjects,
                NormalizeNames = current.NormalizeNames,
                DisableRecordTimestamps = current.DisableRecordTimestamps,
                DataCutoffTimestamp = current.DataCutoffTimestamp,
                ConcurrencyLimit = current.ConcurrencyLimit,
                ResyncConcurrencyLimit = current.ResyncConcurrencyLimit,
                Policies = Policy != null ? Policy.ToList() : current.Policies,
            }, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
