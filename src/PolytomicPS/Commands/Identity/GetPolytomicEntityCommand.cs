using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets what a Polytomic id is (connection, model, sync, execution, user, organization...) and where it lives.</summary>
    /// <remarks>
    /// <para>Get-PolytomicEntity calls GET /api/entities/{id} and outputs a PolytomicEntity with the Type of the object, its CanonicalPath (the API route that reads it), its OrganizationId and its relationships, which helps when a log or an alert names only a UUID.</para>
    /// <para>With -AcrossOrganizations, or in a session opened with an unscoped partner key, it uses the partner route GET /api/organizations/entities/{id}, which finds the id in any organization the partner manages.</para>
    /// <para>Both routes exist only in API version 2025-09-18: in a 2024-02-08 session the cmdlet fails with ApiVersionNotSupported before sending anything. An unknown id is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Connect-Polytomic -ApiKey $env:POLYTOMIC_API_KEY -ApiVersion 2025-09-18 | Out-Null
    /// Get-PolytomicEntity -Id $sync.Id
    /// </code>
    /// <para>Tells what the id is and the route that reads it.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Connect-Polytomic -PartnerKey $partnerKey -ApiVersion 2025-09-18 | Out-Null
    /// $sync.Id | Get-PolytomicEntity -AcrossOrganizations
    /// </code>
    /// <para>Looks an id up across every organization the partner manages; the output's OrganizationId says which one holds it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicEntity", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicEntity.md")]
    [OutputType(typeof(PolytomicEntity))]
    public sealed class GetPolytomicEntityCommand : PolytomicCmdlet
    {
        /// <summary>Any Polytomic id (a UUID). Accepts pipeline input, and objects with an Id property pipe in by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Look the id up across every organization of the partner (the partner route). A session opened with
        /// an unscoped partner key uses it by default.</summary>
        [Parameter]
        public SwitchParameter AcrossOrganizations { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var partner = AcrossOrganizations.IsPresent || CurrentSession.AuthMode == PolytomicAuthMode.PartnerKey;
            WriteObject(Await((c, ct) => c.GetEntityAsync(Id, partner, ct)));
        }
    }
}
