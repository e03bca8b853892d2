using System.Collections;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSourceField: the fields a source offers (GET …/modelsync/source/fields), before a model is made.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSourceField")]
    [OutputType(typeof(PolytomicModelField))]
    public sealed class GetPolytomicSourceFieldCommand : PolytomicCmdlet
    {
        /// <summary>The source connection (an id or a connection object).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The source, as Get-PolytomicSource's ModelConfiguration: @{ table = 'company.customers' }.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelConfiguration")]
        public IDictionary Parameter { get; set; } = new Hashtable();

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var p = PSInput.ToDictionary(Parameter, nameof(Parameter));
            if (p.Count == 0)
                throw new PolytomicInputException("EmptySourceParameter",
                    "-Parameter names no source. Get-PolytomicSource lists what the connection offers.", nameof(Parameter), ConnectionId);
            WriteObject(Await((c, ct) => c.GetSourceFieldsAsync(ConnectionId, p, ct)), true);
        }
    }
}
