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
                    var id = v is string s ? s : PSObject.AsPSObject(v).Properties["Id"]?.Value?.ToString() ?? v.ToString();
                    if (!string.IsNullOrWhiteSpace(id)) ids.Add(id!);
                }
                result.Add(new PolicyAction { Action = action!, RoleIds = ids });
            }
            return result;
        }
    }
}
