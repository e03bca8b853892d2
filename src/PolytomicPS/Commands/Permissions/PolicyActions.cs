using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
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
                    var kind = ObjectKinds.KindOf(v);
                    if (kind != null && kind != ObjectKinds.Role)
                        throw new PolytomicInputException("WrongObjectType",
                            $"-PolicyAction '{action}' expects roles (role ids or objects from Get-PolytomicRole); got {ObjectKinds.Describe(v)}.", "PolicyAction", v);
                    var id = v is string s ? s : PSObject.AsPSObject(v).Properties["Id"]?.Value?.ToString() ?? v.ToString();
                    if (!string.IsNullOrWhiteSpace(id)) ids.Add(id!);
                }
                // An action with no role grants nothing and Polytomic would store it as such: almost always a $null
                // variable (a role lookup that found nothing).
                if (ids.Count == 0)
                    throw new PolytomicInputException("PolicyActionWithoutRole",
                        $"-PolicyAction '{action}' names no role (its value is empty or $null), so the policy would grant '{action}' to nobody. " +
                        $"Give role ids or role objects, e.g. -PolicyAction @{{ {action} = (Get-PolytomicRole -Name Admin) }}; Get-PolytomicRole lists the roles.", "PolicyAction", action);
                result.Add(new PolicyAction { Action = action!, RoleIds = ids });
            }
            return result;
        }
    }
}
