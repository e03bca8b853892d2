using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicEntity: what a UUID is (connection, model, sync, execution, user, organization…) and where
    /// it lives. API version 2025-09-18.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicEntity")]
    [OutputType(typeof(PolytomicEntity))]
    public sealed class GetPolytomicEntityCommand : PolytomicCmdlet
    {
        /// <summary>Any Polytomic id.</summary>
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
