using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates a permission policy granting actions to roles.</summary>
    /// <remarks>
    /// <para>New-PolytomicPolicy calls POST /api/permissions/policies. -PolicyAction is a hashtable from action name (read, write...) to the roles that get it: role ids, role objects from Get-PolytomicRole, or arrays of either; it becomes Polytomic's policy_actions list. An empty action name is refused with InvalidPolicyAction; an unknown role id is PolytomicApi.BadRequest.</para>
    /// <para>Apply the policy to objects with their -Policy parameter (New-PolytomicConnection -Policy, for example). Outputs the new PolytomicPolicy. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $analysts = Get-PolytomicRole -Name Analysts
    /// $admins = Get-PolytomicRole -Name Admin
    /// New-PolytomicPolicy -Name 'Warehouse access' -PolicyAction @{ read = $analysts; write = @($admins.Id) }
    /// </code>
    /// <para>Lets analysts read and admins change the objects the policy is applied to.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicPolicy", HelpUri = HelpLinks.Cmdlets + "New-PolytomicPolicy.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicPolicy))]
    public sealed class NewPolytomicPolicyCommand : PolytomicCmdlet
    {
        /// <summary>The new policy's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The actions the policy grants, as a hashtable from action name to role ids or role objects, e.g. @{ read = $analysts; write = @($admins.Id) }.</summary>
        [Parameter(Position = 1)]
        public IDictionary? PolicyAction { get; set; }

        /// <summary>The organization to create the policy in; for partner callers only.</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var actions = PolicyActions.From(PolicyAction);
            if (!ShouldProcess(Name, "Create policy")) return;
            WriteObject(Await((c, ct) => c.CreatePolicyAsync(new PolicyRequest { Name = Name, OrganizationId = OrganizationId, PolicyActions = actions }, ct, OneRequestKey(IdempotencyKey))));
        }
    }
}
