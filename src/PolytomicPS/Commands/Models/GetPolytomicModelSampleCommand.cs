using System.Collections.Generic;
using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Gets a few sample records of a model.</summary>
    /// <remarks>
    /// <para>Get-PolytomicModelSample reads GET /api/models/{id}/sample and outputs one object per record, with the fields of the model (and of any enricher) as properties, so the rows show as a table. Warnings Polytomic returns with the sample are written as warnings.</para>
    /// <para>An unknown id is a PolytomicApi.NotFound error.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Active Users' | Get-PolytomicModelSample
    /// </code>
    /// <para>Shows sample rows of the Active Users model.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicModelSample -Id $model.Id | Where-Object plan -eq 'pro'
    /// </code>
    /// <para>Shows the sample records whose plan field is pro.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicModelSample", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicModelSample.md")]
    [OutputType(typeof(PSObject))]
    public sealed class GetPolytomicModelSampleCommand : PolytomicCmdlet
    {
        /// <summary>The model: an id or a model object. Takes pipeline input by property name (Id or ModelId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation(ObjectKinds.Model)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Id { get; set; } = "";

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var sample = Await((c, ct) => c.GetModelSampleAsync(Id, ct));
            foreach (var warning in sample.Warnings ?? new List<string>()) WriteWarning(warning);
            foreach (var record in sample.Records)
            {
                // Each record is keyed by the model or enricher it came from; one row shows them together.
                var row = new PSObject();
                foreach (var part in record.Values)
                {
                    if (!(part is IDictionary<string, object?> fields)) continue;
                    foreach (var f in fields)
                        if (row.Properties[f.Key] == null) row.Properties.Add(new PSNoteProperty(f.Key, f.Value));
                }
                WriteObject(row);
            }
        }
    }
}
