using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes a model sync: its name, mode, identity, field mapping, filters, schedule, target or state.</summary>
    /// <remarks>
    /// <para>Polytomic's PUT /api/syncs/{id} replaces the whole sync, so Set-PolytomicSync reads the current one first and changes only what is passed. -Field and -Filter replace the whole mapping and filters; -Schedule changes only the time fields it names.</para>
    /// <para>The result is checked like New-PolytomicSync's input: for example a mode that needs an identity the sync lacks is IdentityRequired. Outputs nothing, or the updated sync with -PassThru. An unknown id is a PolytomicApi.NotFound error. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole sync, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicSync calls racing on one sync can therefore lose one change: the second write puts back what the first one changed. Change one sync from one place at a time, and read it back (Get-PolytomicSync) where that matters.</para>
    /// <para>-NewName into a name another sync has is refused with SyncNameExists (ResourceExists; the TargetObject is that sync) and nothing is changed, unless -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Users to CRM' | Set-PolytomicSync -Frequency daily -Schedule @{ hour = '05'; minute = '30' } -PassThru
    /// </code>
    /// <para>Runs the sync daily at 05:30 UTC; its mapping and identity stay.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicSync -Id $sync.Id -Mode updateOrCreate -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName'; last_name = 'LastName' }
    /// </code>
    /// <para>Switches the sync to updateOrCreate matched by email and replaces its field mapping.</para>
    /// </example>
    /// <parameter name="Identity">A new identity pair: @{ email = 'Email' }.</parameter>
    /// <parameter name="IdentityFunction">A new identity function, e.g. Equality; sent as typed. Tab completes the functions.</parameter>
    /// <parameter name="Field">A new field mapping that replaces the whole current one: @{ first_name = 'FirstName' } pairs, or objects with target and source.</parameter>
    /// <parameter name="Filter">New filters that replace the current ones: @{ field = 'plan'; function = 'Equality'; value = 'pro' }. An empty array removes them.</parameter>
    /// <parameter name="Frequency">A new schedule frequency, e.g. continuous or daily; sent as typed. Tab completes the frequencies.</parameter>
    /// <parameter name="Schedule">Schedule time fields to change (UTC): @{ hour = '05'; minute = '30' }. With -Frequency, only these time fields are sent.</parameter>
    /// <parameter name="Active">Activate the sync (-Active) or deactivate it (-Active:$false). Unchanged when omitted.</parameter>
    /// <parameter name="Override">Values written instead of a model field's value when it matches, one hashtable each: @{ Field = 'email'; Function = 'IsNull'; Override = 'unknown@example.com' }, or with a Value to compare with: @{ Field = 'plan'; Function = 'Equality'; Value = 'trial'; Override = 'free' }. Field is a model field by name; Function one of Polytomic's filter functions. They replace the current ones; an empty array removes them.</parameter>
    /// <parameter name="OverrideField">Field mappings that override the ones of -Field, in the same shapes: @{ first_name = 'FirstName' } pairs or objects with target, source, override_value, sync_mode. They replace the current ones; an empty array removes them.</parameter>
    /// <parameter name="OnlyEnrichUpdates">With an enrichment model: sync only records whose enriched values changed; :$false turns it off.</parameter>
    /// <parameter name="RunAfter">Run after these syncs or bulk syncs finish (names, ids or objects); the schedule's frequency becomes runafter. A sync cannot run after itself, directly or through the syncs it names. They replace the current dependencies.</parameter>
    /// <parameter name="RunAfterSuccessOnly">With -RunAfter: run only when the syncs it names succeeded; :$false turns it off.</parameter>
    [Cmdlet(VerbsCommon.Set, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class SetPolytomicSyncCommand : SyncSettingsCmdlet
    {
        /// <summary>The sync to change: an id or a sync object. Takes pipeline input by property name (Id or SyncId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>A new name for the sync.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>The model that -Field, -Filter and -Identity field names refer to: an id or a model object. Defaults to the sync's first model.</summary>
        [Parameter]
        [IdTransformation(ObjectKinds.Model)]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string? Model { get; set; }

        /// <summary>A new mode: create, update, updateOrCreate, replace, append, remove or snapshot.</summary>
        [Parameter]
        [ValidateSet("create", "update", "updateOrCreate", "replace", "append", "remove", "snapshot", IgnoreCase = true)]
        public string? Mode { get; set; }

        /// <summary>A new target object on the same connection, or on -Target.</summary>
        [Parameter]
        [Alias("TargetObject")]
        [ArgumentCompleter(typeof(TargetObjectCompleter))]
        public string? Object { get; set; }

        /// <summary>A new target connection: an id or a connection object.</summary>
        [Parameter]
        [Alias("TargetConnectionId")]
        [IdTransformation(ObjectKinds.Connection, "TargetConnectionId")]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Target { get; set; }

        /// <summary>Output the updated sync (PolytomicSync). By default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>With -NewName: rename even though another sync has that name (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            CheckRunAfterFrequency();
            var current = Await((c, ct) => c.GetSyncAsync(Id, ct));
            var request = SyncRequest.From(current);
            var model = Model ?? current.ModelIds?.FirstOrDefault() ?? "";
            if (NewName != null) request.Name = NewName;
            if (Mode != null) request.Mode = SyncInput.Mode(Mode);
            if (Identity != null) request.Identity = SyncInput.Identity(Identity, IdentityFunction ?? current.Identity?.Function, model);
            else if (IdentityFunction != null && request.Identity != null) request.Identity.Function = SyncInput.IdentityFunction(IdentityFunction);
            if (Field != null) request.Fields = SyncInput.Fields(Field, model);
            if (Filter != null) request.Filters = SyncInput.Filters(Filter, model);
            if (FilterLogic != null) request.FilterLogic = FilterLogic;
            if (Frequency != null || Schedule != null)
                request.Schedule = SyncInput.Schedule(Frequency ?? current.Schedule?.Frequency ?? "manual", Schedule, Frequency != null ? null : current.Schedule);
            if (Object != null || Target != null)
                request.Target = new SyncTarget { ConnectionId = Target ?? current.TargetConnectionId, Object = Object ?? current.TargetObject };
            if (Bound(nameof(Active))) request.Active = Active.IsPresent;
            ApplySettings(request, model);
            var dependencies = RunAfter == null ? null : Dependencies.Resolve(this, RunAfter);
            if (dependencies != null)
                SyncSettingsInput.CheckNoCycle(current.Id, current.Name ?? current.Id, dependencies,
                    id => SyncSettingsInput.SyncIds(Dependencies.Sync(this, id)?.Schedule));
            ApplyRunAfter(request, dependencies);
            SyncInput.RequireIdentity(request.Mode ?? "", request.Identity);
            SyncInput.RequireFields(request.Fields);
            // Only what this command changes is checked: a mapping already stored is Polytomic's to judge.
            if (Field != null || Identity != null || Object != null || Target != null || Override != null || OverrideField != null)
                SyncFieldCheck.Check(new SyncRequest { Fields = Field != null || Object != null || Target != null ? request.Fields : new List<SyncField>(),
                        Identity = Identity != null || Object != null || Target != null ? request.Identity : null,
                        Overrides = Override != null ? request.Overrides : null, OverrideFields = OverrideField != null ? request.OverrideFields : null },
                    () => Await((c, ct) => c.GetModelAsync(model, ct)),
                    () => request.Target?.ConnectionId == null || request.Target.Object == null ? new List<PolytomicTargetField>()
                        : Await((c, ct) => c.GetTargetFieldsAsync(request.Target.ConnectionId, request.Target.Object, false, ct)).Fields);

            if (!Force && NewName != null && NewName != current.Name && NameTaken(NameClaim.Syncs, NewName, current.Id)) return;
            if (!ShouldProcess($"{current.Name} ({Id})", ChangeText.Describe("Update sync", SyncRequest.From(current), request))) return;
            var updated = Await((c, ct) => c.UpdateSyncAsync(Id, request, ct));
            CurrentSession.Completion.Invalidate("syncs");
            if (PassThru) WriteObject(updated);
        }
    }
}
