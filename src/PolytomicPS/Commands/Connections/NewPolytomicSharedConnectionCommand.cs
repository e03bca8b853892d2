using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Shares a connection with a child organization (partner key).</summary>
    /// <remarks>
    /// <para>New-PolytomicSharedConnection gives a child organization a copy of a connection. The copy is a read-only pointer: its configuration and credentials are edited on the parent. The output is a PolytomicSharedConnection with the new copy's Id.</para>
    /// <para>The API version decides the route: in 2024-02-08 POST /api/connections/{id}/share, in 2025-09-18 the partner route POST /api/organizations/{org_id}/connections/{id}/shared under the organization that owns the connection. That owner is -OrganizationId, or the session's organization (Connect-Polytomic -PartnerKey -OrganizationId); without either a 2025-09-18 session stops with OrganizationIdRequired.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Connect-Polytomic -PartnerKey $partnerKey -OrganizationId $parentOrg.Id | Out-Null
    /// Get-PolytomicConnection -Name Stripe | New-PolytomicSharedConnection -ChildOrganizationId $child.Id -Name 'Shared Stripe'
    /// </code>
    /// <para>Shares the parent organization's Stripe connection with a child organization under a new name.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicSharedConnection", HelpUri = HelpLinks.Cmdlets + "New-PolytomicSharedConnection.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSharedConnection))]
    public sealed class NewPolytomicSharedConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection to share. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The id of the organization that receives the copy.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [IdTransformation(ObjectKinds.Organization)]
        [ValidateNotNullOrEmpty]
        public string ChildOrganizationId { get; set; } = "";

        /// <summary>The copy's name; defaults to the parent connection's name.</summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>API version 2025-09-18: the organization that owns the connection. Defaults to the session's -OrganizationId.</summary>
        [Parameter]
        [IdTransformation(ObjectKinds.Organization)]
        public string? OrganizationId { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var owner = string.IsNullOrEmpty(OrganizationId) ? CurrentSession.OrganizationId : OrganizationId;
            if (!ShouldProcess(Named("Connection", ConnectionId), "Share connection with organization " + ChildOrganizationId)) return;
            var id = Await((c, ct) => c.ShareConnectionAsync(ConnectionId, owner,
                new ShareConnectionRequest { ChildOrganizationId = ChildOrganizationId, Name = Name }, ct, OneRequestKey(IdempotencyKey)));
            WriteObject(new PolytomicSharedConnection { Id = id, ParentConnectionId = ConnectionId, ChildOrganizationId = ChildOrganizationId, Name = Name });
        }
    }
}
