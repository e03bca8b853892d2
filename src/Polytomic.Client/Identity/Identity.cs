using System;
using System.Collections.Generic;
using System.Security;
using System.Text.Json.Serialization;

namespace Polytomic.Models
{
    /// <summary>Who the session's key belongs to (GET /api/me).</summary>
    public sealed class PolytomicIdentity
    {
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? Role { get; set; }
        public string? OrganizationId { get; set; }
        public string? OrganizationName { get; set; }
        public bool IsUser { get; set; }
        public bool IsPartner { get; set; }
        public bool IsOrganization { get; set; }
        public bool IsSystem { get; set; }

        /// <summary>user, partner, organization or system: the credential class in use.</summary>
        [JsonIgnore]
        public string Kind => IsSystem ? "system" : IsPartner ? "partner" : IsOrganization ? "organization" : IsUser ? "user" : "unknown";

        public override string ToString() =>
            $"{Email ?? Id} ({Kind}) in {OrganizationName ?? OrganizationId}";
    }

    /// <summary>An organization (tenant). Partner keys manage several.</summary>
    public sealed class PolytomicOrganization
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? Issuer { get; set; }
        public string? SsoDomain { get; set; }
        public string? SsoOrgId { get; set; }

        /// <summary>Lets an organization bind to -OrganizationId parameters by property name.</summary>
        [JsonIgnore] public string OrganizationId => Id;

        public override string ToString() => Name ?? Id;
    }

    /// <summary>Body of POST/PUT /api/organizations[/{id}] (PUT replaces everything).</summary>
    public sealed class OrganizationRequest
    {
        public string? Name { get; set; }
        public string? SsoDomain { get; set; }
        public string? SsoOrgId { get; set; }
        public string? Issuer { get; set; }
        public string? ClientId { get; set; }
        [JsonConverter(typeof(Http.SecureStringConverter))]
        public SecureString? ClientSecret { get; set; }
    }

    /// <summary>A user of an organization.</summary>
    public sealed class PolytomicUser
    {
        public string Id { get; set; } = "";
        public string? Email { get; set; }
        public string? OrganizationId { get; set; }
        /// <summary>Deprecated by Polytomic in favour of RoleIds; still returned.</summary>
        public string? Role { get; set; }
        public List<string>? RoleIds { get; set; }

        [JsonIgnore] public string UserId => Id;

        public override string ToString() => Email ?? Id;
    }

    /// <summary>Body of user create/update. The current-organization update takes roles only.</summary>
    public sealed class UserRequest
    {
        public string? Email { get; set; }
        public string? Role { get; set; }
        public List<string>? RoleIds { get; set; }
    }

    /// <summary>A freshly minted API key: Polytomic shows it once.</summary>
    public sealed class PolytomicApiKey
    {
        public string? UserId { get; set; }
        public string? OrganizationId { get; set; }
        [JsonConverter(typeof(Http.SecureStringConverter))]
        public SecureString? Value { get; set; }
        /// <summary>When it was minted (the client's clock: Polytomic does not send it).</summary>
        [JsonIgnore]
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>Minted with force=true: the user's previous key stopped working.</summary>
        [JsonIgnore]
        public bool Replaced { get; set; }
        public override string ToString() => $"API key of {UserId} (shown once; use -AsPlainText to read it)";
    }

    /// <summary>What a UUID is (GET /api/entities/{id}, 2025-09-18).</summary>
    public sealed class PolytomicEntity
    {
        public string? Id { get; set; }
        public string? Type { get; set; }
        public string? CanonicalPath { get; set; }
        public string? OrganizationId { get; set; }
        public Dictionary<string, PolytomicEntityRelationship>? Relationships { get; set; }
        public Dictionary<string, object?>? Context { get; set; }
        public override string ToString() => $"{Type} {Id}";
    }

    public sealed class PolytomicEntityRelationship
    {
        public string? Id { get; set; }
        public string? Path { get; set; }
        public override string ToString() => Path ?? Id ?? "";
    }
}
