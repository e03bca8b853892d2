using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Update-PolytomicSchema: asks Polytomic to refresh a connection's schema cache (asynchronous; see
    /// Wait-PolytomicConnection).</summary>
    [Cmdlet(VerbsData.Update, "PolytomicSchema", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSchemaStatus))]
    public sealed class UpdatePolytomicSchemaCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>Output the cache status after asking for the refresh.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(ConnectionId, "Refresh schema cache")) return;
            Await((c, ct) => c.RefreshSchemasAsync(ConnectionId, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetSchemaStatusAsync(ConnectionId, ct)));
        }
    }
}
