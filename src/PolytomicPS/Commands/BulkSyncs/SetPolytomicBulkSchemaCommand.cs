using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes how schemas of a bulk sync are synced: on or off, which fields, obfuscation, partition key, tracking field, output name, filters and data cutoff.</summary>
    /// <remarks>
    /// <para>Polytomic's PUT /api/bulk/syncs/{id}/schemas/{schema_id} replaces a schema's settings, so Set-PolytomicBulkSchema reads each schema first and changes only what is passed; fields not named keep their settings. A field name the schema does not have is an UnknownBulkField error, written for that schema while the other schemas are still updated.</para>
    /// <para>Outputs nothing, or the updated schemas (PolytomicBulkSchema) with -PassThru. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole schema, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicBulkSchema calls racing on one schema can therefore lose one change: the second write puts back what the first one changed. Change one schema from one place at a time, and read it back (Get-PolytomicBulkSchema) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSchema -SyncId $sync.Id -Schema Contact |
    ///     Set-PolytomicBulkSchema -DisableField Email -ObfuscateField LastName -OutputName contacts -PassThru
    /// </code>
    /// <para>Stops copying Contact.Email, obfuscates LastName and writes the schema to a table named contacts.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicBulkSchema -SyncId $sync.Id -Schema Lead, Opportunity -Enabled $true
    /// </code>
    /// <para>Adds the Lead and Opportunity schemas to the bulk sync.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicBulkSchema -SyncId $sync.Id -Schema Contact -Filter @{ Field = 'Email'; Function = 'IsNotNull' }, @{ Field = 'LastName'; Function = 'StringStartsWith'; Value = 'A' } `
    ///     -DataCutoff ([datetime]'2024-01-01Z') -PassThru
    /// </code>
    /// <para>Copies only the contacts that have an email and whose last name starts with A, changed since the start of 2024.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicBulkSchema", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicBulkSchema.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSchema))]
    public sealed class SetPolytomicBulkSchemaCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>Ids of the schemas to change. Takes pipeline input by property name, so schema objects (SchemaId) pipe in.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("SchemaId")]
        [ValidateNotNullOrEmpty]
        public string[] Schema { get; set; } = new string[0];

        /// <summary>$true to sync the schema, $false to stop syncing it. Unchanged when omitted.</summary>
        [Parameter]
        public bool Enabled { get; set; }

        /// <summary>Ids of fields to start syncing.</summary>
        [Parameter]
        public string[]? EnableField { get; set; }

        /// <summary>Ids of fields to stop syncing.</summary>
        [Parameter]
        public string[]? DisableField { get; set; }

        /// <summary>Ids of fields whose values are obfuscated in the destination.</summary>
        [Parameter]
        public string[]? ObfuscateField { get; set; }

        /// <summary>Ids of fields to stop obfuscating.</summary>
        [Parameter]
        public string[]? UnobfuscateField { get; set; }

        /// <summary>The field the destination partitions by; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? PartitionKey { get; set; }

        /// <summary>The field incremental runs use to find changed records; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? TrackingField { get; set; }

        /// <summary>The destination table name; an empty string restores the default.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? OutputName { get; set; }

        /// <summary>Filters that replace the schema's current ones, one hashtable each: @{ Field = 'email'; Function = 'IsNotNull' } or @{ Field = 'amount'; Function = 'GreaterThan'; Value = 100 }. Field is a field of the schema; Function one of Polytomic's filter functions (Tab completes them: type a field name and '=' and press Tab); IsNull, IsNotNull, True and False take no Value, the others need one. An empty array removes the filters.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(BulkFilterCompleter))]
        public object[]? Filter { get; set; }

        /// <summary>Copy only this schema's records changed after this time (a DateTime without a zone is local time); sent in UTC as data_cutoff_timestamp.</summary>
        [Parameter]
        public DateTime? DataCutoff { get; set; }

        /// <summary>Ignore the bulk sync's data cutoff for this schema; -DisableDataCutoff:$false applies it again.</summary>
        [Parameter]
        public SwitchParameter DisableDataCutoff { get; set; }

        /// <summary>Output the updated schemas (PolytomicBulkSchema). By default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string? current;
        protected override object? ErrorTarget => current ?? SyncId;

        /// <summary>Changes that only switch whole schemas on or off go out as one PATCH for all of them (the API's partial
        /// update, which touches nothing else); any other change reads and PUTs each schema.</summary>
        private bool OnlyEnabled => MyInvocation.BoundParameters.ContainsKey(nameof(Enabled))
            && EnableField == null && DisableField == null && ObfuscateField == null && UnobfuscateField == null
            && PartitionKey == null && TrackingField == null && OutputName == null && Filter == null && DataCutoff == null
            && !MyInvocation.BoundParameters.ContainsKey(nameof(DisableDataCutoff));

        protected override void ProcessItem()
        {
            current = null;
            // An unknown function or a malformed filter is refused before any request; the fields are checked per schema.
            if (Filter != null) BulkFilterInput.Parse(Filter, null, "");
            if (OnlyEnabled)
            {
                current = null;
                if (!ShouldProcess($"{string.Join(", ", Schema)} of bulk sync {SyncId}", Enabled ? "Enable bulk sync schemas" : "Disable bulk sync schemas")) return;
                var changes = Schema.Select(id => new PatchBulkSchema { Id = id, Enabled = Enabled }).ToList();
                var changed = Await((c, ct) => c.PatchBulkSchemasAsync(SyncId, changes, ct));
                if (PassThru) WriteObject(changed, true);
                return;
            }
            foreach (var id in Schema)
            {
                current = id;
                try { Update(id); }
                catch (PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                catch (PolytomicInputException ex) { WriteError(ErrorFactory.FromInput(ex)); }
            }
        }

        private void Update(string id)
        {
            var schema = Await((c, ct) => c.GetBulkSchemaAsync(SyncId, id, ct));
            var fields = (schema.Fields ?? new List<PolytomicBulkField>()).ToDictionary(f => f.Id, f => new UpdateBulkField
            {
                Id = f.Id, Enabled = f.Enabled, Obfuscated = f.Obfuscated, UserOutputName = f.UserOutputName,
            }, StringComparer.OrdinalIgnoreCase);

            UpdateBulkField Field(string name)
            {
                if (fields.TryGetValue(name, out var f)) return f;
                throw new PolytomicInputException("UnknownBulkField",
                    $"Schema {id} has no field '{name}'. It has: {string.Join(", ", fields.Keys)}.", "Field", name);
            }
            foreach (var f in EnableField ?? new string[0]) Field(f).Enabled = true;
            foreach (var f in DisableField ?? new string[0]) Field(f).Enabled = false;
            foreach (var f in ObfuscateField ?? new string[0]) Field(f).Obfuscated = true;
            foreach (var f in UnobfuscateField ?? new string[0]) Field(f).Obfuscated = false;
            string? FieldId(string? name) => string.IsNullOrEmpty(name) ? name : Field(name!).Id;

            var request = new UpdateBulkSchemaRequest
            {
                Enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) ? Enabled : schema.Enabled,
                Fields = fields.Values.ToList(),
                Filters = Filter != null ? BulkFilterInput.Parse(Filter, fields.Keys, id) : schema.Filters,
                PartitionKey = PartitionKey != null ? FieldId(PartitionKey) : schema.PartitionKey,
                TrackingField = TrackingField != null ? FieldId(TrackingField) : schema.TrackingField,
                UserOutputName = OutputName ?? schema.UserOutputName,
                DataCutoffTimestamp = DataCutoff != null ? BulkSyncInput.Timestamp(DataCutoff) : schema.DataCutoffTimestamp,
                DisableDataCutoff = MyInvocation.BoundParameters.ContainsKey(nameof(DisableDataCutoff)) ? DisableDataCutoff.IsPresent : schema.DisableDataCutoff,
            };
            if (!ShouldProcess($"{id} of bulk sync {SyncId}", "Update bulk sync schema")) return;
            var updated = Await((c, ct) => c.UpdateBulkSchemaAsync(SyncId, id, request, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
