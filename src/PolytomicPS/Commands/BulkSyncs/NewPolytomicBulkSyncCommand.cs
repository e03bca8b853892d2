using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates a bulk sync (ELT) that copies a source connection's schemas into a destination.</summary>
    /// <remarks>
    /// <para>New-PolytomicBulkSync checks what it can before anything is created: it reads the destination (GET /api/connections/{id}/bulksync/target) and stops with MissingDestinationOption when -DestinationConfiguration lacks a required option (unknown options are a warning) and with UnsupportedBulkSyncMode for a mode the destination does not offer; it resolves -Schema ids or names against the source's schemas (UnknownBulkSchema); and it checks -Schedule (InvalidSchedule).</para>
    /// <para>It then sends POST /api/bulk/syncs, writing the schedule in the shape of the session's API version (schedule on 2024-02-08, default_schedule on 2025-09-18). While a new source connection's schemas are still being cached Polytomic refuses with 'No schemas found': the create is retried, with a progress bar, for up to -TimeoutSeconds and then fails with SchemaCacheTimeout. Other API refusals (for example a connection that cannot be a destination) are PolytomicApi.BadRequest errors.</para>
    /// <para>Names identify bulk syncs in scripts and workspace files, so a name another bulk sync has is refused with BulkSyncNameExists (ResourceExists; the TargetObject is that bulk sync) and nothing is created; -Force creates a second bulk sync with the same name. Runs at the same time are covered too, and no copy ever runs: the bulk sync is created inactive, its name is checked again, and only the one that keeps the name is activated (with -Active); a copy that came second is deleted and the command stops with BulkSyncNameExists.</para>
    /// <para>Outputs the new bulk sync (PolytomicBulkSync). Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// New-PolytomicBulkSync -Name 'Salesforce Bulk Sync' -Source $salesforce -Destination $snowflake -Mode replicate `
    ///     -Schema Account, Contact -DestinationConfiguration @{ schema = 'SALESFORCE_CONNECTION' }
    /// </code>
    /// <para>Copies the Salesforce Account and Contact objects into the SALESFORCE_CONNECTION schema of Snowflake, run manually (Polytomic's bulk-sync walkthrough).</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicBulkSync -Name 'App DB' -Source $postgres -Destination $snowflake -DestinationConfiguration @{ schema = 'RAW' } `
    ///     -SourceConfiguration @{ replication_slot = 'polytomic' } -Schedule @{ frequency = 'daily'; hour = '05'; minute = '30' } -Active
    /// </code>
    /// <para>Copies every table of a PostgreSQL database daily at 05:30 UTC, reading changes through a replication slot, and activates the bulk sync at once.</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicBulkSync -Name 'Salesforce Raw' -Source $salesforce -Destination $snowflake -DestinationConfiguration @{ schema = 'SALESFORCE_RAW' } `
    ///     -AutomaticallyAddNewFields all -AutomaticallyAddNewObjects onlyIncremental -ConcurrencyLimit 4 -ResyncConcurrencyLimit 2
    /// </code>
    /// <para>Copies every Salesforce object, adds new fields and new incremental objects as they appear, and copies at most four objects at a time (two during a resync).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "New-PolytomicBulkSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class NewPolytomicBulkSyncCommand : BulkSyncSettingsCmdlet
    {
        /// <summary>The name of the new bulk sync.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The source connection: an id or a connection object. Takes SourceConnectionId from a piped bulk sync (a copy).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SourceConnectionId")]
        [IdTransformation(ObjectKinds.Connection, "SourceConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Source { get; set; } = "";

        /// <summary>The destination connection: an id or a connection object. Get-PolytomicBulkDestination shows what it needs. Takes DestinationConnectionId from a piped bulk sync.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationConnectionId")]
        [IdTransformation(ObjectKinds.Connection, "DestinationConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Destination { get; set; } = "";

        /// <summary>replicate (keep the destination in step with the source) or snapshot (a full copy on each run). When omitted, Polytomic's default is used.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("replicate", "snapshot")]
        public string? Mode { get; set; }

        /// <summary>Schemas (objects, tables) to sync, by id or name. When omitted, all of them are synced, as the API does.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Schema { get; set; }

        /// <summary>Destination options as a hashtable, e.g. @{ schema = 'SALESFORCE_CONNECTION' }. Get-PolytomicBulkDestination lists them; the required ones must be present.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? DestinationConfiguration { get; set; }

        /// <summary>Make the bulk sync active, so its schedule starts runs. Without -Force it is activated only once it is known to be the one bulk sync with its name. When omitted, Polytomic's default applies.</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>How long to wait for a new source's schema cache, in seconds (1 to 86400, default 300).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        /// <summary>Create the bulk sync even though one with this name exists (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var destConfig = PSInput.ToDictionary(DestinationConfiguration, nameof(DestinationConfiguration));
            var sourceConfig = SourceConfiguration == null ? null : PSInput.ToDictionary(SourceConfiguration, nameof(SourceConfiguration));
            var schedule = MainSchedule() ?? new BulkScheduleRequest { Frequency = "manual" };
            var additional = AdditionalSchedules();

            var destination = Await((c, ct) => c.GetBulkDestinationAsync(Destination, ct));
            BulkSyncInput.CheckDestination(destination, destConfig, Mode, WriteWarning);

            List<string>? schemas = null;
            if (Schema != null)
            {
                var source = AwaitSchemaCache($"Reading the schemas of connection {Source}", TimeoutSeconds, (c, ct) => c.GetBulkSourceAsync(Source, false, ct));
                schemas = BulkSyncInput.ResolveSchemas(source, Schema);
            }

            // A rerun with the caller's -IdempotencyKey gets Polytomic's first answer back, which may be the object of this
            // name: the check after the create settles it instead.
            if (!Force && IdempotencyKey == null && NameTaken(NameClaim.BulkSyncs, Name)) return;
            var what = schemas == null ? "all schemas" : string.Join(", ", schemas);
            if (!ShouldProcess(Name, $"Create bulk sync of {what} from {Source} to {Destination}")) return;

            var request = new BulkSyncRequest
            {
                Name = Name,
                SourceConnectionId = Source,
                DestinationConnectionId = Destination,
                Mode = Mode,
                Schedule = schedule,
                AdditionalSchedules = additional,
                DestinationConfiguration = destConfig,
                Schemas = schemas?.Cast<object>().ToList(),
                Active = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active.IsPresent : (bool?)null,
                SourceConfiguration = sourceConfig,
                Policies = Policy?.ToList(),
            };
            ApplyOptions(request);
            // Each wait for the schema cache sends a new request, so each gets its own key derived from the caller's.
            var key = OneRequestKey(IdempotencyKey);
            var attempt = 0;
            // Inactive until it is known to be the one bulk sync of its name, so a copy from a run at the same time never runs.
            var activate = !Force && request.Active == true;
            if (!Force) request.Active = false;
            var created = AwaitSchemaCache($"Creating bulk sync '{Name}'", TimeoutSeconds, (c, ct) => c.CreateBulkSyncAsync(request, ct, AttemptKey(key, ++attempt)));
            CurrentSession.Completion.Invalidate("bulk_syncs");
            if (!Force && !NameKept(NameClaim.BulkSyncs, Name, created.Id)) return;
            if (activate) created.Active = Await((c, ct) => c.ActivateBulkSyncAsync(created.Id, true, ct));
            WriteObject(created);
        }
    }
}
