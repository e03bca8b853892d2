using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates a role.</summary>
    /// <remarks>
    /// <para>New-PolytomicRole calls POST /api/permissions/roles and outputs the new PolytomicRole. A role grants nothing by itself: policies (New-PolytomicPolicy) give roles actions on objects, and users get roles with New-PolytomicUser or Set-PolytomicUser -RoleId.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $analysts = New-PolytomicRole -Name Analysts
    /// New-PolytomicPolicy -Name 'Analysts read models' -PolicyAction @{ read = $analysts }
    /// </code>
    /// <para>Creates a role and a policy that lets it read.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $acme = Connect-Polytomic -PartnerKey $partnerKey -OrganizationId $org.Id -NoDefault
/// New-PolytomicRole -Name 'Acme Admins' -Session $acme
    /// </code>
    /// <para>Creates a role in an organization the partner manages. A partner key reaches an organization's roles through a session scoped to that organization (-OrganizationId; the bare partner key may call only the organization and user routes); -NoDefault leaves the default session as it was.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicRole", HelpUri = HelpLinks.Cmdlets + "New-PolytomicRole.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicRole))]
    public sealed class NewPolytomicRoleCommand : PolytomicCmdlet
    {
        /// <summary>The new role's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The organization to create the role in; for partner callers only (a user key always creates it in its own organization).</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Name, "Create role")) return;
            WriteObject(Await((c, ct) => c.CreateRoleAsync(new RoleRequest { Name = Name, OrganizationId = OrganizationId }, ct, OneRequestKey(IdempotencyKey))));
        }
    }
}
