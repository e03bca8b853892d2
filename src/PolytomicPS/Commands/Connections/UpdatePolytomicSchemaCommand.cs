using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Asks Polytomic to refresh a connection's schema cache.</summary>
    /// <remarks>
    /// <para>Update-PolytomicSchema starts a refresh of the connection's cached schema (new tables or fields appear after it) and returns at once; the refresh runs in the background. Pipe to Wait-PolytomicConnection to wait for it. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Update-PolytomicSchema -PassThru
    /// </code>
    /// <para>Starts a refresh and shows the cache status.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $wh = Get-PolytomicConnection -Name Warehouse
    /// $wh | Update-PolytomicSchema
    /// $wh | Wait-PolytomicConnection
    /// </code>
    /// <para>Refreshes the schema and waits until it is ready.</para>
    /// </example>
    [Cmdlet(VerbsData.Update, "PolytomicSchema", HelpUri = HelpLinks.Cmdlets + "Update-PolytomicSchema.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSchemaStatus))]
    public sealed class UpdatePolytomicSchemaCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Takes objects with a ConnectionId or Id property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>Output the cache status after asking for the refresh.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Named("Connection", ConnectionId), "Refresh schema cache")) return;
            Await((c, ct) => c.RefreshSchemasAsync(ConnectionId, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetSchemaStatusAsync(ConnectionId, ct)));
        }
    }
}
