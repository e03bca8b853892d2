using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicSharedConnection: shares a connection with a child organization (partner key). The copy is
    /// a read-only pointer: its configuration is edited on the parent. The API version decides the route (2024-02-08
    /// POST …/share, 2025-09-18 the partner route under the owning organization).</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicSharedConnection", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSharedConnection))]
    public sealed class NewPolytomicSharedConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The connection to share; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The organization that receives the copy.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ChildOrganizationId { get; set; } = "";

        /// <summary>The copy's name (default: the parent's).</summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>2025-09-18: the organization owning the connection; defaults to the session's -OrganizationId.</summary>
        [Parameter]
        [IdTransformation]
        public string? OrganizationId { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var owner = string.IsNullOrEmpty(OrganizationId) ? CurrentSession.OrganizationId : OrganizationId;
            if (!ShouldProcess(ConnectionId, "Share connection with organization " + ChildOrganizationId)) return;
            var id = Await((c, ct) => c.ShareConnectionAsync(ConnectionId, owner,
                new ShareConnectionRequest { ChildOrganizationId = ChildOrganizationId, Name = Name }, ct));
            WriteObject(new PolytomicSharedConnection { Id = id, ParentConnectionId = ConnectionId, ChildOrganizationId = ChildOrganizationId, Name = Name });
        }
    }
}
