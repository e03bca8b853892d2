using System.Collections;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicSync: a model sync from the piped model into a target object. Checks locally what it can
    /// (mode needs an identity, empty field map, unknown mode/frequency/identity function); the API checks the rest.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class NewPolytomicSyncCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The model to sync from (an id or a model object, also from the pipeline).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; } = "";

        /// <summary>The target connection (an id or a connection object).</summary>
        [Parameter(Mandatory = true)]
        [Alias("TargetConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Target { get; set; } = "";

        /// <summary>The target object: Contact, CUSTOMERS.CONTACTS… (Get-PolytomicTarget lists them).</summary>
        [Parameter(Mandatory = true)]
        [Alias("TargetObject")]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = "";

        /// <summary>How records are written.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot", IgnoreCase = true)]
        public string Mode { get; set; } = "";

        /// <summary>The model field matched against a target field: @{ email = 'Email' }. Required by create, update,
        /// updateOrCreate and remove.</summary>
        [Parameter]
        public IDictionary? Identity { get; set; }

        /// <summary>How the identity matches (default Equality); sent as typed.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(IdentityFunctionCompleter))]
        public string? IdentityFunction { get; set; }

        /// <summary>Model field to target field: @{ first_name = 'FirstName' }, or objects with target, source,
        /// sync_mode, override_value, encryption_enabled, new.</summary>
        [Parameter]
        public object[]? Field { get; set; }

        /// <summary>Filters: @{ field = 'plan'; function = 'Equality'; value = 'pro'; label = 'A' }.</summary>
        [Parameter]
        public object[]? Filter { get; set; }

        /// <summary>How filters combine, e.g. "A AND B".</summary>
        [Parameter]
        public string? FilterLogic { get; set; }

        /// <summary>When the sync runs (default manual); sent as typed.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ScheduleFrequencyCompleter))]
        public string Frequency { get; set; } = "manual";

        /// <summary>Time fields of the schedule (UTC): @{ hour = '05'; minute = '30' }, day_of_week, day_of_month, month.</summary>
        [Parameter]
        public IDictionary? Schedule { get; set; }

        /// <summary>Whether the sync is active once created (-Active:$false to create it paused).</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>Sync every record each run, not only changes.</summary>
        [Parameter]
        public SwitchParameter SyncAllRecords { get; set; }

        /// <summary>Do not sync the existing records on the first run.</summary>
        [Parameter]
        public SwitchParameter SkipInitialBackfill { get; set; }

        [Parameter]
        public string[]? Policy { get; set; }

        [Parameter]
        public string? OrganizationId { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var mode = SyncInput.Mode(Mode);
            var identity = Identity == null ? null : SyncInput.Identity(Identity, IdentityFunction, Model);
            SyncInput.RequireIdentity(mode, identity);
            var fields = SyncInput.Fields(Field, Model);
            SyncInput.RequireFields(fields);
            var request = new SyncRequest
            {
                Name = Name,
                Mode = mode,
                Identity = identity,
                Fields = fields,
                Filters = SyncInput.Filters(Filter, Model),
                FilterLogic = FilterLogic,
                Schedule = SyncInput.Schedule(Frequency, Schedule),
                Target = new SyncTarget { ConnectionId = Target, Object = Object },
                Active = Bound(nameof(Active)) ? Active.IsPresent : (bool?)null,
                SyncAllRecords = Bound(nameof(SyncAllRecords)) ? SyncAllRecords.IsPresent : (bool?)null,
                SkipInitialBackfill = Bound(nameof(SkipInitialBackfill)) ? SkipInitialBackfill.IsPresent : (bool?)null,
                Policies = Policy?.ToList(),
                OrganizationId = OrganizationId,
            };
            if (!ShouldProcess(Name, $"Create {mode} sync of model {Model} into {Object}")) return;
            var sync = Await((c, ct) => c.CreateSyncAsync(request, ct));
            CurrentSession.Completion.Invalidate("syncs");
            WriteObject(sync);
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
    }
}
