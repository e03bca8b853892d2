using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>A role (system roles Admin and Member cannot be changed).</summary>
    public sealed class PolytomicRole
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? OrganizationId { get; set; }
        public bool System { get; set; }
        [JsonIgnore] public string RoleId => Id;
        public override string ToString() => Name ?? Id;
    }

    public sealed class RoleRequest
    {
        public string? Name { get; set; }
        public string? OrganizationId { get; set; }
    }

    /// <summary>A policy: which roles may take which actions.</summary>
    public sealed class PolytomicPolicy
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? OrganizationId { get; set; }
        public bool System { get; set; }
        public List<PolicyAction> PolicyActions { get; set; } = new List<PolicyAction>();
        [JsonIgnore] public string PolicyId => Id;
        /// <summary>The actions, for the table view.</summary>
        [JsonIgnore] public string Actions => string.Join(", ", PolicyActions.Select(a => a.Action));
        public override string ToString() => Name ?? Id;
    }

    public sealed class PolicyAction
    {
        public string Action { get; set; } = "";
        public List<string>? RoleIds { get; set; }
        public override string ToString() => $"{Action}: {string.Join(", ", RoleIds ?? new List<string>())}";
    }

    public sealed class PolicyRequest
    {
        public string? Name { get; set; }
        public string? OrganizationId { get; set; }
        public List<PolicyAction>? PolicyActions { get; set; }
    }
}
