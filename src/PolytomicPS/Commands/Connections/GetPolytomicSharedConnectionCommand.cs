using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSharedConnection: the copies of a connection shared with child organizations. With
    /// -OrganizationId (the owning organization) the 2025-09-18 partner route is used.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSharedConnection")]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class GetPolytomicSharedConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The parent connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The organization that owns the connection (partner route, 2025-09-18).</summary>
        [Parameter]
        [IdTransformation]
        public string? OrganizationId { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var org = string.IsNullOrEmpty(OrganizationId) ? null : OrganizationId;
            WriteObject(Await((c, ct) => c.ListSharedConnectionsAsync(ConnectionId, org, ct)), true);
        }
    }
}
