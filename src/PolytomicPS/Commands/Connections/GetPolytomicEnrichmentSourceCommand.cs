using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicEnrichmentSource: what an enrichment connection needs configured; pass the choices made so
    /// far with -Parameter until RequiresOneOf is empty.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicEnrichmentSource")]
    [OutputType(typeof(PolytomicEnrichmentSource))]
    public sealed class GetPolytomicEnrichmentSourceCommand : PolytomicCmdlet
    {
        /// <summary>The enrichment connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>Choices so far, e.g. @{ dataset = @('people') }.</summary>
        [Parameter(Position = 1)]
        public IDictionary? Parameter { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var p = Parameter == null ? null : PSInput.ToDictionary(Parameter, nameof(Parameter));
            WriteObject(Await((c, ct) => c.GetEnrichmentSourceAsync(ConnectionId, p, ct)));
        }
    }
}
