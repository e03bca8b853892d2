using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicBulkSync: creates a bulk sync (ELT) from a source connection into a destination. The
    /// destination's required options, the mode and the schema names are checked first; while a new source's schemas
    /// are still being cached the create is retried (bounded by -TimeoutSeconds) with a progress bar.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicBulkSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class NewPolytomicBulkSyncCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The source connection (object or id).</summary>
        [Parameter(Mandatory = true)]
        [Alias("SourceConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Source { get; set; } = "";

        /// <summary>The destination connection (object or id).</summary>
        [Parameter(Mandatory = true)]
        [Alias("DestinationConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = "";

        /// <summary>replicate (keep the destination in step) or snapshot (a full copy each run).</summary>
        [Parameter]
        [ValidateSet("replicate", "snapshot")]
        public string? Mode { get; set; }

        /// <summary>Schemas (objects, tables) to sync, by id or name. Omitted: all of them, as the API does.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Schema { get; set; }

        /// <summary>Destination options, e.g. @{ schema = 'SALESFORCE_CONNECTION' } (Get-PolytomicBulkDestination lists them).</summary>
        [Parameter]
        public IDictionary? DestinationConfiguration { get; set; }

        /// <summary>Source options, e.g. @{ replication_slot = 'slot' } for CDC.</summary>
        [Parameter]
        public IDictionary? SourceConfiguration { get; set; }

        /// <summary>How often it runs; manual when neither -Frequency nor -Schedule is given.</summary>
        [Parameter]
        [ValidateSet("manual", "continuous", "hourly", "daily", "weekly", "custom", "builder", "runafter", "dbtcloud")]
        public string? Frequency { get; set; }

        /// <summary>The full schedule: @{ frequency = 'daily'; hour = '05'; minute = '30' } (UTC).</summary>
        [Parameter]
        public IDictionary? Schedule { get; set; }

        /// <summary>Create it active (scheduled runs happen).</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>Permission policy ids.</summary>
        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>How long to wait for a new source's schema cache before giving up.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var destConfig = PSInput.ToDictionary(DestinationConfiguration, nameof(DestinationConfiguration));
            var sourceConfig = SourceConfiguration == null ? null : PSInput.ToDictionary(SourceConfiguration, nameof(SourceConfiguration));
            var schedule = BulkSyncInput.Schedule(Frequency, Schedule) ?? new BulkScheduleRequest { Frequency = "manual" };

            var destination = Await((c, ct) => c.GetBulkDestinationAsync(Destination, ct));
            BulkSyncInput.CheckDestination(destination, destConfig, Mode, WriteWarning);

            List<string>? schemas = null;
            if (Schema != null)
            {
                var source = AwaitSchemaCache($"Reading the schemas of connection {Source}", TimeoutSeconds, (c, ct) => c.GetBulkSourceAsync(Source, false, ct));
                schemas = BulkSyncInput.ResolveSchemas(source, Schema);
            }

            var what = schemas == null ? "all schemas" : string.Join(", ", schemas);
            if (!ShouldProcess(Name, $"Create bulk sync of {what} from {Source} to {Destination}")) return;

            var request = new BulkSyncRequest
            {
                Name = Name,
                SourceConnectionId = Source,
                DestinationConnectionId = Destination,
                Mode = Mode,
                Schedule = schedule,
                DestinationConfiguration = destConfig,
                Schemas = schemas?.Cast<object>().ToList(),
                Active = MyInvocation.BoundParameters.ContainsKey(nameof(Active)) ? Active.IsPresent : (bool?)null,
                SourceConfiguration = sourceConfig,
                Policies = Policy?.ToList(),
            };
            var created = AwaitSchemaCache($"Creating bulk sync '{Name}'", TimeoutSeconds, (c, ct) => c.CreateBulkSyncAsync(request, ct));
            WriteObject(created);
        }
    }
}
