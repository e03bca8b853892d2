using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicPolicy: creates a policy granting actions to roles.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicPolicy", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicPolicy))]
    public sealed class NewPolytomicPolicyCommand : PolytomicCmdlet
    {
        /// <summary>The policy's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>Action → role ids (or role objects), e.g. @{ read = $analysts.Id; write = @($admins.Id) }.</summary>
        [Parameter(Position = 1)]
        public IDictionary? PolicyAction { get; set; }

        /// <summary>Partner callers only: the organization to create it in.</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var actions = PolicyActions.From(PolicyAction);
            if (!ShouldProcess(Name, "Create policy")) return;
            WriteObject(Await((c, ct) => c.CreatePolicyAsync(new PolicyRequest { Name = Name, OrganizationId = OrganizationId, PolicyActions = actions }, ct)));
        }
    }

    internal static class PolicyActions
    {
        /// <summary>@{ action = role id(s) or role objects } → policy_actions.</summary>
        public static List<PolicyAction>? From(IDictionary? table)
        {
            if (table == null) return null;
            var result = new List<PolicyAction>();
            foreach (DictionaryEntry e in table)
            {
                var action = PSInput.Unwrap(e.Key)?.ToString();
                if (string.IsNullOrWhiteSpace(action))
                    throw new PolytomicInputException("InvalidPolicyAction", "-PolicyAction has an empty action name.", "PolicyAction");
                var ids = new List<string>();
                var value = PSInput.Unwrap(e.Value);
                IEnumerable items = value is string || value == null || !(value is IEnumerable list) ? new[] { value } : list;
                foreach (var item in items)
                {
                    var v = PSInput.Unwrap(item);
                    if (v == null) continue;
                    var id = v is string s ? s : PSObject.AsPSObject(v).Properties["Id"]?.Value?.ToString() ?? v.ToString();
                    if (!string.IsNullOrWhiteSpace(id)) ids.Add(id!);
                }
                result.Add(new PolicyAction { Action = action!, RoleIds = ids });
            }
            return result;
        }
    }
}
