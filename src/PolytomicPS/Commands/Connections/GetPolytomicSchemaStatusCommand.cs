using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSchemaStatus: the state of a connection's schema cache.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSchemaStatus")]
    [OutputType(typeof(PolytomicSchemaStatus))]
    public sealed class GetPolytomicSchemaStatusCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() =>
            WriteObject(Await((c, ct) => c.GetSchemaStatusAsync(ConnectionId, ct)));
    }
}
