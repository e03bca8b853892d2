using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the sets of input fields an enrichment configuration accepts.</summary>
    /// <remarks>
    /// <para>Get-PolytomicEnrichmentInputField calls POST /api/enrichment/{id}/inputfields with the enricher configuration and outputs one PolytomicEnrichmentInputFieldSet per valid set of inputs: the model must provide all the fields of at least one set (for example an email, or a name and a company domain).</para>
    /// <para>Get-PolytomicEnrichmentSource finds the configuration. An unknown connection is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Enrichment | Get-PolytomicEnrichmentInputField -Configuration @{ endpoint = 'person' }
    /// </code>
    /// <para>Lists which combinations of fields the person enrichment can match on.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicEnrichmentInputField", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicEnrichmentInputField.md")]
    [OutputType(typeof(PolytomicEnrichmentInputFieldSet))]
    public sealed class GetPolytomicEnrichmentInputFieldCommand : PolytomicCmdlet
    {
        /// <summary>The id of the enrichment connection. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The enricher configuration as a hashtable, e.g. @{ endpoint = 'person' }.</summary>
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
