using System.Collections.Generic;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Invites a user into an organization.</summary>
    /// <remarks>
    /// <para>New-PolytomicUser creates the user and Polytomic emails them an invitation. With -OrganizationId (or a piped organization in a partner session) it uses the partner route POST /api/organizations/{org_id}/users; without it the current organization's route POST /api/organization/users, which exists only in API version 2025-09-18 (ApiVersionNotSupported in a 2024-02-08 session).</para>
    /// <para>Roles are given with -RoleId (ids or role objects from Get-PolytomicRole) or the deprecated -Role name; Polytomic rejects both together, so the cmdlet refuses that with RoleAndRoleIdTogether before sending anything.</para>
    /// <para>Outputs the new PolytomicUser. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $org = New-PolytomicOrganization -Name 'Acme Corp'
    /// $user = $org | New-PolytomicUser -Email ana@acme.example.com -Role admin
    /// </code>
    /// <para>Creates an organization and its first admin (partner key).</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicUser -Email bo@example.com -RoleId (Get-PolytomicRole -Name Member)
    /// </code>
    /// <para>Invites a member into the current organization (API version 2025-09-18).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicUser", HelpUri = HelpLinks.Cmdlets + "New-PolytomicUser.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicUser))]
    public sealed class NewPolytomicUserCommand : PolytomicCmdlet
    {
        /// <summary>The new user's email address; Polytomic sends the invitation there.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = "";

        /// <summary>The organization to add the user to, through the partner route. Organizations pipe in by OrganizationId; omit it for the current organization (2025-09-18).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Organization)]
        public string? OrganizationId { get; set; }

        /// <summary>The ids of the roles to give the user (Get-PolytomicRole); role objects are accepted too. Not together with -Role.</summary>
        [Parameter]
        [IdTransformation(ObjectKinds.Role)]
        public string[]? RoleId { get; set; }

        /// <summary>The deprecated single role name (admin, user...). Not together with -RoleId.</summary>
        [Parameter]
        public string? Role { get; set; }

        private bool typedOrganization;

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override void BeginProcessing() => typedOrganization = MyInvocation.BoundParameters.ContainsKey(nameof(OrganizationId));

        protected override object? ErrorTarget => Email;

        protected override void ProcessItem()
        {
            var request = UserInput.Request(Email, Role, RoleId);
            if (!ShouldProcess(Email, "Create user")) return;
            var org = UserInput.PartnerOrganization(OrganizationId, typedOrganization, CurrentSession);
            WriteObject(Await((c, ct) => c.CreateUserAsync(org, request, ct, OneRequestKey(IdempotencyKey))));
        }
    }
}
