using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets what an enrichment connection needs configured.</summary>
    /// <remarks>
    /// <para>Get-PolytomicEnrichmentSource calls GET /api/connections/{id}/modelsync/enrichment-source and outputs a PolytomicEnrichmentSource. Its RequiresOneOf names the choices still to make and Items offers the values for them: pass the choices so far with -Parameter (sent as one JSON params value) and call again until RequiresOneOf is empty; the Configuration is then complete.</para>
    /// <para>A connection that cannot enrich is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $enricher = Get-PolytomicConnection -Name Enrichment
    /// $enricher | Get-PolytomicEnrichmentSource
    /// $enricher | Get-PolytomicEnrichmentSource -Parameter @{ endpoint = @('person') }
    /// </code>
    /// <para>Asks what to configure first, then passes the chosen endpoint until nothing more is required.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicEnrichmentSource", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicEnrichmentSource.md")]
    [OutputType(typeof(PolytomicEnrichmentSource))]
    public sealed class GetPolytomicEnrichmentSourceCommand : PolytomicCmdlet
    {
        /// <summary>The id of the enrichment connection. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The choices made so far as a hashtable, e.g. @{ endpoint = @('person') }.</summary>
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
