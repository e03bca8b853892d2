using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Reset-PolytomicPrimaryKey: removes the primary-key override of a connection schema.</summary>
    [Cmdlet(VerbsCommon.Reset, "PolytomicPrimaryKey", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class ResetPolytomicPrimaryKeyCommand : PolytomicCmdlet
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

        protected override object? ErrorTarget => SchemaId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"{ConnectionId} {SchemaId}", "Reset primary key")) return;
            Await((c, ct) => c.ResetPrimaryKeysAsync(ConnectionId, SchemaId, ct));
        }
    }
}
