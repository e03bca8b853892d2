using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkDestination: what a connection asks for as a bulk-sync destination: its options
    /// (RequiredOptions must go in -DestinationConfiguration), modes and resync modes.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkDestination")]
    [OutputType(typeof(PolytomicBulkDestination))]
    public sealed class GetPolytomicBulkDestinationCommand : PolytomicCmdlet
    {
        /// <summary>The destination connection (object or id); a bulk sync's DestinationConnectionId binds too.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetBulkDestinationAsync(ConnectionId, ct)));
    }
}
