using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Adds or replaces a user-defined field on a connection schema.</summary>
    /// <remarks>
    /// <para>Set-PolytomicSchemaField calls POST /api/connections/{id}/schemas/{schema_id}/fields, which adds the field or replaces the one with the same -FieldId. A user-defined field exposes a value the source does not list as a column, for example a JSON path inside a column, so models and syncs can use it.</para>
    /// <para>An unknown connection or schema is PolytomicApi.NotFound. Outputs nothing. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: the POST replaces the whole definition of a field with the same -FieldId. Two Set-PolytomicSchemaField calls racing on one field do not merge: the last one to arrive wins and the other's change is lost. Change one field from one place at a time, and read it back (Get-PolytomicSchema) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Set-PolytomicSchemaField -SchemaId public.users -FieldId plan -Label Plan -Type string -Path attributes.plan -Example pro
    /// </code>
    /// <para>Exposes the plan inside the attributes JSON column of public.users as a string field.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicSchemaField", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicSchemaField.md", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SetPolytomicSchemaFieldCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema (table or object) id, e.g. public.users.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SchemaId { get; set; } = "";

        /// <summary>The field's id; a field with the same id is replaced.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string FieldId { get; set; } = "";

        /// <summary>The label shown for the field in Polytomic.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Label { get; set; } = "";

        /// <summary>The field's type: string, number, boolean, datetime, array, object, binary or unknown.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("string", "number", "boolean", "datetime", "array", "object", "binary", "unknown")]
        public string Type { get; set; } = "";

        /// <summary>Where the value is read from, e.g. a JSON path inside a column.</summary>
        [Parameter]
        public string? Path { get; set; }

        /// <summary>An example value, shown in Polytomic.</summary>
        [Parameter]
        public object? Example { get; set; }

        protected override object? ErrorTarget => FieldId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"{ConnectionId} {SchemaId}.{FieldId}", "Set user-defined field")) return;
            var request = new SchemaFieldsRequest();
            request.Fields.Add(new SchemaFieldInput
            {
                FieldId = FieldId, Label = Label, Type = Type, Path = Path,
                Example = Example == null ? null : PSInput.ToPlain(Example, nameof(Example), "Example"),
            });
            Await((c, ct) => c.UpsertSchemaFieldsAsync(ConnectionId, SchemaId, request, ct));
        }
    }
}
