using System.Collections;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates a model sync (Reverse ETL) from a model into a target object.</summary>
    /// <remarks>
    /// <para>New-PolytomicSync sends POST /api/syncs and outputs the new sync (PolytomicSync). The model comes from the pipeline (New-PolytomicModel's output binds by ModelId), so connection, model and sync can be made in one pipeline.</para>
    /// <para>It checks locally what it can before sending: a mode that matches records (create, update, updateOrCreate, remove) without -Identity is IdentityRequired; no field mapping is NoFieldMapping; a bad -Identity, -Field, -Filter or -Schedule is InvalidIdentity, InvalidFieldMapping, InvalidFilter or InvalidSchedule; an unknown -IdentityFunction or -Frequency is UnknownIdentityFunction or UnknownFrequency. A schedule without the time its frequency needs (hourly: minute; daily: hour and minute; weekly: day_of_week too; custom: cron minute and hour) is ScheduleTimeRequired; an hour or minute out of range, an unknown day or a bad cron field is InvalidScheduleTime, InvalidDayOfWeek or InvalidCronSchedule. A model field or target field that does not exist is UnknownModelField or UnknownTargetField, with the nearest name. Polytomic checks the rest (unknown target object, unsupported mode) and refuses with a PolytomicApi.BadRequest error.</para>
    /// <para>Names identify syncs in scripts and workspace files, so a name another sync has is refused with SyncNameExists (ResourceExists; the TargetObject is that sync) and nothing is created; -Force creates a second sync with the same name. Runs at the same time are covered too, and no copy ever runs: the sync is created paused, its name is checked again, and only the one sync that keeps the name is then activated (when -Active is given or omitted); a copy that came second is deleted and the command stops with SyncNameExists.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Active Users' |
    ///     New-PolytomicSync -Name 'Users to CRM' -Target $salesforce -Object Contact -Mode create `
    ///         -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName'; last_name = 'LastName' } -Frequency continuous
    /// </code>
    /// <para>Syncs new users of the 'Active Users' model (New-PolytomicModel's second example) into Salesforce Contacts continuously (Polytomic's Snowflake-to-Salesforce walkthrough). Names are unique, so the model is fetched rather than created again.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $model | New-PolytomicSync -Name 'Customers to Snowflake' -Target $snowflake -Object CUSTOMERS.CONTACTS -Mode replace `
    ///     -Field ([ordered]@{ email = 'EMAIL'; first_name = 'FIRST_NAME' }) -Frequency daily -Schedule @{ hour = '05'; minute = '30' }
    /// </code>
    /// <para>Replaces the Snowflake table's rows with the model's records every day at 05:30 UTC.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $model | New-PolytomicSync -Name 'Leads to CRM' -Target $salesforce -Object Lead -Mode create -Identity @{ email = 'Email' } `
    ///     -Field @{ last_name = 'LastName'; plan = 'Company' } -Override @{ Field = 'plan'; Function = 'IsNull'; Override = 'Unknown' } `
    ///     -RunAfter 'Users to CRM' -RunAfterSuccessOnly
    /// </code>
    /// <para>Creates leads once the 'Users to CRM' sync has run successfully, writing 'Unknown' as the company of users without a plan. Dependencies are named, not given by id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "New-PolytomicSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class NewPolytomicSyncCommand : SyncSettingsCmdlet
    {
        /// <summary>A new sync is manual unless told otherwise (help shows this default).</summary>
        public NewPolytomicSyncCommand() { Frequency = "manual"; }

        /// <summary>The name of the new sync.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The model to sync from: an id or a model object. Takes pipeline input by property name (ModelId).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation(ObjectKinds.Model)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Model { get; set; } = "";

        /// <summary>The target connection: an id or a connection object. Takes TargetConnectionId from a piped sync (a copy with other fields).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetConnectionId")]
        [IdTransformation(ObjectKinds.Connection, "TargetConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Target { get; set; } = "";

        /// <summary>The target object, e.g. Contact or CUSTOMERS.CONTACTS (Get-PolytomicTarget lists them). Takes TargetObject from a piped sync.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetObject")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TargetObjectCompleter))]
        public string Object { get; set; } = "";

        /// <summary>How records are written: create, update, updateOrCreate, replace, append, remove or snapshot. Get-PolytomicTargetField -Modes shows what the object supports. Takes Mode from a piped sync.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot", IgnoreCase = true)]
        public string Mode { get; set; } = "";

        /// <summary>Sync every record on each run, not only the changed ones.</summary>
        [Parameter]
        public SwitchParameter SyncAllRecords { get; set; }

        /// <summary>Do not sync the records that already exist on the first run.</summary>
        [Parameter]
        public SwitchParameter SkipInitialBackfill { get; set; }

        /// <summary>Ids of the permission policies to apply to the sync.</summary>
        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>The organization to create the sync in (partner keys only).</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        /// <summary>Create the sync even though one with this name exists (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            CheckRunAfterFrequency();
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
                Schedule = SyncInput.Schedule(Frequency!, Schedule),
                Target = new SyncTarget { ConnectionId = Target, Object = Object },
                Active = Bound(nameof(Active)) ? Active.IsPresent : (bool?)null,
                SyncAllRecords = Bound(nameof(SyncAllRecords)) ? SyncAllRecords.IsPresent : (bool?)null,
                SkipInitialBackfill = Bound(nameof(SkipInitialBackfill)) ? SkipInitialBackfill.IsPresent : (bool?)null,
                Policies = Policy?.ToList(),
                OrganizationId = OrganizationId,
            };
            ApplySettings(request, Model);
            ApplyRunAfter(request, RunAfter == null ? null : Dependencies.Resolve(this, RunAfter));
            // A rerun with the caller's -IdempotencyKey gets Polytomic's first answer back, which may be the object of this
            // name: the check after the create settles it instead.
            if (!Force && IdempotencyKey == null && NameTaken(NameClaim.Syncs, Name, organizationId: OrganizationId)) return;
            SyncFieldCheck.Check(request, () => Await((c, ct) => c.GetModelAsync(Model, ct)),
                () => Await((c, ct) => c.GetTargetFieldsAsync(Target, Object, false, ct)).Fields);
            if (!ShouldProcess(Name, $"Create {mode} sync of model {Model} into {Object}")) return;
            // Paused until it is known to be the one sync of its name, so a copy from a run at the same time never runs.
            var active = request.Active ?? true;
            if (!Force) request.Active = false;
            var sync = Await((c, ct) => c.CreateSyncAsync(request, ct, OneRequestKey(IdempotencyKey)));
            CurrentSession.Completion.Invalidate("syncs");
            if (Force) { WriteObject(sync); return; }
            if (!NameKept(NameClaim.Syncs, Name, sync.Id)) return;
            if (active) sync.Active = Await((c, ct) => c.ActivateSyncAsync(sync.Id, true, ct)).Active;
            WriteObject(sync);
        }
    }
}
