using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Remove-PolytomicSchemaField: deletes a user-defined field from a connection schema.</summary>
    [Cmdlet(VerbsCommon.Remove, "PolytomicSchemaField", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicSchemaFieldCommand : PolytomicCmdlet
    {
        /// <summary>The connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SchemaId { get; set; } = "";

        /// <summary>The user-defined field's id.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FieldId { get; set; } = "";

        /// <summary>Skip the confirmation prompt.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => FieldId;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, $"{ConnectionId} {SchemaId}.{FieldId}", "Delete user-defined field")) return;
            Await((c, ct) => c.DeleteSchemaFieldAsync(ConnectionId, SchemaId, FieldId, ct));
        }
    }
}
