using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicEventType: the event types Polytomic emits.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicEventType")]
    [OutputType(typeof(string))]
    public sealed class GetPolytomicEventTypeCommand : PolytomicCmdlet
    {
        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetEventTypesAsync(ct)), true);
    }
}
