using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicSchemaField: adds or replaces a user-defined field on a connection schema (e.g. a JSON path
    /// inside a column), keyed by -FieldId.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicSchemaField", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SetPolytomicSchemaFieldCommand : PolytomicCmdlet
    {
        /// <summary>The connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema (table/object) id, e.g. public.users.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SchemaId { get; set; } = "";

        /// <summary>The field's id (also its key: an existing id is replaced).</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string FieldId { get; set; } = "";

        /// <summary>The label shown in Polytomic.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Label { get; set; } = "";

        /// <summary>The field's type.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("string", "number", "boolean", "datetime", "array", "object", "binary", "unknown")]
        public string Type { get; set; } = "";

        /// <summary>Where the value is read from (e.g. a JSON path).</summary>
        [Parameter]
        public string? Path { get; set; }

        /// <summary>An example value.</summary>
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
