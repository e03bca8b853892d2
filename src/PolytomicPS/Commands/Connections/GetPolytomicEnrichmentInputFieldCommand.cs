using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicEnrichmentInputField: the sets of input fields an enrichment configuration accepts (one
    /// object per valid set).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicEnrichmentInputField")]
    [OutputType(typeof(PolytomicEnrichmentInputFieldSet))]
    public sealed class GetPolytomicEnrichmentInputFieldCommand : PolytomicCmdlet
    {
        /// <summary>The enrichment connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The enricher configuration.</summary>
        [Parameter(Position = 1)]
        public IDictionary? Configuration { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var config = PSInput.ToDictionary(Configuration, nameof(Configuration));
            WriteObject(Await((c, ct) => c.GetEnrichmentInputFieldsAsync(ConnectionId, config, ct)), true);
        }
    }
}
