using System.Collections.Generic;
using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicModelSample: a few records of a model (GET /api/models/{id}/sample), one object per record
    /// with the model's (and any enricher's) fields as properties.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicModelSample")]
    [OutputType(typeof(PSObject))]
    public sealed class GetPolytomicModelSampleCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
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
