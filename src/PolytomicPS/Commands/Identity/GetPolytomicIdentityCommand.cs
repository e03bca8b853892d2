using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicIdentity: who the session's key belongs to (user, partner, organization or system) and in
    /// which organization.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicIdentity")]
    [OutputType(typeof(PolytomicIdentity))]
    public sealed class GetPolytomicIdentityCommand : PolytomicCmdlet
    {
        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetIdentityAsync(ct)));
    }
}
