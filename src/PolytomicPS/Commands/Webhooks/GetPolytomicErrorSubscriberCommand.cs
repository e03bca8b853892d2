using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets who is emailed when any sync fails.</summary>
    /// <remarks>
    /// <para>Get-PolytomicErrorSubscriber reads the organization's global error subscribers (GET /api/notifications/global-error-subscribers) and outputs a PolytomicErrorSubscribers object whose Emails lists the addresses notified of every sync failure. The route answers without the usual data envelope; the cmdlet handles that in both API versions.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// (Get-PolytomicErrorSubscriber).Emails
    /// </code>
    /// <para>Lists the addresses that get sync failure emails.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicErrorSubscriber", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicErrorSubscriber.md")]
    [OutputType(typeof(PolytomicErrorSubscribers))]
    public sealed class GetPolytomicErrorSubscriberCommand : PolytomicCmdlet
    {
        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetErrorSubscribersAsync(ct)));
    }
}
