using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicTargetField: the fields of a target object with the identity functions each supports
    /// (GET …/modelsync/target/fields); -Modes lists the sync modes the object supports instead.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicTargetField")]
    [OutputType(typeof(PolytomicTargetField))]
    [OutputType(typeof(PolytomicTargetMode))]
    public sealed class GetPolytomicTargetFieldCommand : PolytomicCmdlet
    {
        /// <summary>The target connection (an id or a connection object).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The target object id: Contact, CUSTOMERS.CONTACTS… (Get-PolytomicTarget lists them).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetObject")]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = "";

        /// <summary>Ask Polytomic to re-read the object's fields from the target.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        /// <summary>Output the sync modes the object supports (and whether each needs an identity).</summary>
        [Parameter]
        public SwitchParameter Modes { get; set; }

        protected override object? ErrorTarget => Object;

        protected override void ProcessItem()
        {
            var target = Await((c, ct) => c.GetTargetFieldsAsync(ConnectionId, Object, Refresh, ct));
            if (Modes) WriteObject(target.Modes, true);
            else WriteObject(target.Fields, true);
        }
    }
}
