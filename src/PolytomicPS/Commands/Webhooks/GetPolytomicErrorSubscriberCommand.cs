using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicErrorSubscriber: who is emailed when any sync fails (global error subscribers).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicErrorSubscriber")]
    [OutputType(typeof(PolytomicErrorSubscribers))]
    public sealed class GetPolytomicErrorSubscriberCommand : PolytomicCmdlet
    {
        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetErrorSubscribersAsync(ct)));
    }
}
