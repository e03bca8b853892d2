using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the copies of a connection shared with child organizations.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSharedConnection calls GET /api/connections/{id}/shared and outputs each copy as a PolytomicConnection (with its OrganizationId and ParentConnectionId).</para>
    /// <para>With -OrganizationId (the organization that owns the connection) it uses the partner route GET /api/organizations/{org_id}/connections/{id}/shared instead, which exists only in API version 2025-09-18 (ApiVersionNotSupported in a 2024-02-08 session). An unknown connection is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Stripe | Get-PolytomicSharedConnection
    /// </code>
    /// <para>Lists the organizations the Stripe connection is shared with.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSharedConnection -ConnectionId $conn.Id -OrganizationId $parentOrg.Id
    /// </code>
    /// <para>Lists the copies through the partner route (API version 2025-09-18).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSharedConnection", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSharedConnection.md")]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class GetPolytomicSharedConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The id of the parent connection. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The organization that owns the connection, to use the partner route (API version 2025-09-18 only).</summary>
        [Parameter]
        [IdTransformation(ObjectKinds.Organization)]
        public string? OrganizationId { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var org = string.IsNullOrEmpty(OrganizationId) ? null : OrganizationId;
            WriteObject(Await((c, ct) => c.ListSharedConnectionsAsync(ConnectionId, org, ct)), true);
        }
    }
}
