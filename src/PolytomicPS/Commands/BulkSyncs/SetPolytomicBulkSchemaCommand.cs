using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicBulkSchema: turns schemas and their fields on or off, obfuscates fields, sets the
    /// partition key, tracking field and output name. Polytomic's PUT replaces a schema's settings, so each schema
    /// is read and the change merged over it.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicBulkSchema", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSchema))]
    public sealed class SetPolytomicBulkSchemaCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>Schema ids (bulk schema objects bind by their SchemaId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("SchemaId")]
        [ValidateNotNullOrEmpty]
        public string[] Schema { get; set; } = new string[0];

        /// <summary>Sync the schema ($true) or stop syncing it ($false).</summary>
        [Parameter]
        public bool Enabled { get; set; }

        /// <summary>Fields to sync.</summary>
        [Parameter]
        public string[]? EnableField { get; set; }

        /// <summary>Fields to leave out.</summary>
        [Parameter]
        public string[]? DisableField { get; set; }

        /// <summary>Fields whose values are obfuscated in the destination.</summary>
        [Parameter]
        public string[]? ObfuscateField { get; set; }

        /// <summary>Fields to stop obfuscating.</summary>
        [Parameter]
        public string[]? UnobfuscateField { get; set; }

        /// <summary>The field the destination partitions by ('' clears it).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? PartitionKey { get; set; }

        /// <summary>The field incremental runs track ('' clears it).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? TrackingField { get; set; }

        /// <summary>The destination table name ('' for the default).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? OutputName { get; set; }

        /// <summary>Output the updated schemas.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string? current;
        protected override object? ErrorTarget => current ?? SyncId;

        protected override void ProcessItem()
        {
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
                Filters = schema.Filters,
                PartitionKey = PartitionKey != null ? FieldId(PartitionKey) : schema.PartitionKey,
                TrackingField = TrackingField != null ? FieldId(TrackingField) : schema.TrackingField,
                UserOutputName = OutputName ?? schema.UserOutputName,
                DataCutoffTimestamp = schema.DataCutoffTimestamp,
                DisableDataCutoff = schema.DisableDataCutoff,
            };
            if (!ShouldProcess($"{id} of bulk sync {SyncId}", "Update bulk sync schema")) return;
            var updated = Await((c, ct) => c.UpdateBulkSchemaAsync(SyncId, id, request, ct));
            if (PassThru) WriteObject(updated);
        }
    }
}
