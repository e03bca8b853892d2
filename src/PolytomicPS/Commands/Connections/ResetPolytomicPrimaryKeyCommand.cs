using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Removes the primary-key override of a connection schema.</summary>
    /// <remarks>
    /// <para>Reset-PolytomicPrimaryKey calls DELETE /api/connections/{id}/schemas/{schema_id}/primary_keys, so the schema's key is again the one the source reports, undoing Set-PolytomicPrimaryKey. Outputs nothing. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Reset-PolytomicPrimaryKey -SchemaId public.users
    /// </code>
    /// <para>Goes back to the source's own primary key for public.users.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Reset, "PolytomicPrimaryKey", HelpUri = HelpLinks.Cmdlets + "Reset-PolytomicPrimaryKey.md", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class ResetPolytomicPrimaryKeyCommand : PolytomicCmdlet
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

        protected override object? ErrorTarget => SchemaId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"{ConnectionId} {SchemaId}", "Reset primary key")) return;
            Await((c, ct) => c.ResetPrimaryKeysAsync(ConnectionId, SchemaId, ct));
        }
    }
}
