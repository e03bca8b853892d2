using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>The sync settings New- and Set-PolytomicSync both take, declared once, and how they become request fields.
    /// Only parameters whose attributes are the same in both live here (a base-class parameter cannot be Mandatory in one
    /// cmdlet and not the other). The summaries are New-PolytomicSync's wording; Set-PolytomicSync gives its own
    /// (what replaces what) as &lt;parameter name="..."&gt; in its class comment, which HelpGen uses for its help.</summary>
    public abstract class SyncSettingsCmdlet : PolytomicCmdlet
    {
        /// <summary>The model field matched against a target field, as one pair: @{ email = 'Email' }. Required by create, update, updateOrCreate and remove. Tab completes it: a model field name gives the pair, and email=&lt;Tab&gt; lists the target fields once -Target and -Object are given.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ModelFieldCompleter))]
        public IDictionary? Identity { get; set; }

        /// <summary>How the identity matches (default Equality); sent as typed. Tab completes the functions.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(IdentityFunctionCompleter))]
        public string? IdentityFunction { get; set; }

        /// <summary>The field mapping: @{ first_name = 'FirstName' } pairs (model field = target field), or objects with target, source, sync_mode, override_value, encryption_enabled and new. Tab completes it: first&lt;Tab&gt; gives @{ first_name = 'FirstName' } (the nearest target field), first_name=&lt;Tab&gt; lists the target fields once -Target and -Object are given.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ModelFieldCompleter))]
        public object[]? Field { get; set; }

        /// <summary>Filters on the model's records, one hashtable each: @{ field = 'plan'; function = 'Equality'; value = 'pro'; label = 'A' }.</summary>
        [Parameter]
        public object[]? Filter { get; set; }

        /// <summary>How the filters combine, by label, e.g. 'A AND B'.</summary>
        [Parameter]
        public string? FilterLogic { get; set; }

        /// <summary>When the sync runs (default manual), e.g. continuous, hourly, daily; sent as typed. Get-PolytomicScheduleOption lists the frequencies.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ScheduleFrequencyCompleter))]
        public string? Frequency { get; set; }

        /// <summary>The schedule's time fields (UTC): @{ hour = '05'; minute = '30' }, plus day_of_week, day_of_month, month, run_after, run_after_success_only, connection_id and job_id.</summary>
        [Parameter]
        public IDictionary? Schedule { get; set; }

        /// <summary>Create the sync active (the default); -Active:$false creates it paused. Without -Force it is activated only once it is known to be the one sync with its name.</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>Values written instead of a model field's value when it matches, one hashtable each: @{ Field = 'email'; Function = 'IsNull'; Override = 'unknown@example.com' }, or with a Value to compare with: @{ Field = 'plan'; Function = 'Equality'; Value = 'trial'; Override = 'free' }. Field is a model field by name; Function one of Polytomic's filter functions (Tab completes them: type a field name and '=' and press Tab).</summary>
        [Parameter]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(OverrideCompleter))]
        public object[]? Override { get; set; }

        /// <summary>Field mappings that override the ones of -Field, in the same shapes: @{ first_name = 'FirstName' } pairs or objects with target, source, override_value, sync_mode.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public object[]? OverrideField { get; set; }

        /// <summary>The passphrase that encrypts the fields mapped with encryption_enabled: a SecureString (Read-Host -AsSecureString) or a string. It is sent once and never printed.</summary>
        [Parameter]
        [ValidateNotNull]
        public object? EncryptionPassphrase { get; set; }

        /// <summary>With an enrichment model: sync only records whose enriched values changed.</summary>
        [Parameter]
        public SwitchParameter OnlyEnrichUpdates { get; set; }

        /// <summary>Run after these syncs or bulk syncs finish (names, ids or objects); the schedule's frequency becomes runafter. A sync cannot run after itself, directly or through the syncs it names.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SyncOrBulkNameCompleter))]
        public object[]? RunAfter { get; set; }

        /// <summary>With -RunAfter: run only when the syncs it names succeeded.</summary>
        [Parameter]
        public SwitchParameter RunAfterSuccessOnly { get; set; }

        private protected bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        /// <summary>-RunAfter makes the frequency runafter, so any other -Frequency is refused before anything is read.</summary>
        private protected void CheckRunAfterFrequency()
        {
            if (RunAfter != null && Bound(nameof(Frequency)) && !string.Equals(Frequency, "runafter", StringComparison.OrdinalIgnoreCase))
                throw new PolytomicInputException("InvalidSchedule", $"-RunAfter makes the frequency runafter; leave out -Frequency {Frequency}.", "RunAfter", Frequency);
        }

        /// <summary>Overrides, override fields, the passphrase and -OnlyEnrichUpdates, where given; field names are the model's.</summary>
        private protected void ApplySettings(SyncRequest request, string model)
        {
            if (Override != null) request.Overrides = SyncSettingsInput.Overrides(Override, model);
            if (OverrideField != null) request.OverrideFields = SyncInput.Fields(OverrideField, model);
            if (EncryptionPassphrase != null) request.EncryptionPassphrase = SyncSettingsInput.Passphrase(EncryptionPassphrase);
            if (Bound(nameof(OnlyEnrichUpdates))) request.OnlyEnrichUpdates = OnlyEnrichUpdates.IsPresent;
        }

        /// <summary>The resolved -RunAfter (null when not given) and -RunAfterSuccessOnly into the schedule, which becomes
        /// a runafter one.</summary>
        private protected void ApplyRunAfter(SyncRequest request, List<SyncSettingsInput.Dependency>? dependencies)
        {
            if (dependencies != null)
            {
                request.Schedule = request.Schedule ?? new SyncSchedule();
                request.Schedule.Frequency = "runafter";
                request.Schedule.RunAfter = SyncSettingsInput.RunAfter(dependencies);
            }
            if (Bound(nameof(RunAfterSuccessOnly)))
            {
                request.Schedule = request.Schedule ?? new SyncSchedule { Frequency = "runafter" };
                request.Schedule.RunAfterSuccessOnly = RunAfterSuccessOnly.IsPresent;
            }
        }
    }
}
