using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a user-defined field from a connection schema.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicSchemaField calls DELETE /api/connections/{id}/schemas/{schema_id}/fields/{field_id}. Only fields added with Set-PolytomicSchemaField can be removed; an unknown field is PolytomicApi.NotFound with the field id as its target.</para>
    /// <para>The cmdlet has ConfirmImpact High and asks first unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Remove-PolytomicSchemaField -SchemaId public.users -FieldId plan
    /// </code>
    /// <para>Deletes the plan field after asking for confirmation.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Remove-PolytomicSchemaField -ConnectionId $conn.Id -SchemaId public.users -FieldId plan -Force
    /// </code>
    /// <para>Deletes it without prompting.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicSchemaField", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicSchemaField.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicSchemaFieldCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema (table or object) id, e.g. public.users. Binds from the pipeline by property name.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SchemaId { get; set; } = "";

        /// <summary>The user-defined field's id. Binds from the pipeline by property name.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FieldId { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
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
