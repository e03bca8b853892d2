using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicTargetProperty: the values a target-creation property may take (e.g. the dataset a new
    /// table goes in), for destinations that can create their target object.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicTargetProperty")]
    [OutputType(typeof(PolytomicTargetProperty))]
    public sealed class GetPolytomicTargetPropertyCommand : PolytomicCmdlet
    {
        /// <summary>The destination connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The property id (from the target objects' target_creation.properties).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Property { get; set; } = "";

        protected override object? ErrorTarget => Property;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetTargetPropertyAsync(ConnectionId, Property, ct)));
    }
}
