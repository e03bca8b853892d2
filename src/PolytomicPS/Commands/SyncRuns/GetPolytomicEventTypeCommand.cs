using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the event types Polytomic emits.</summary>
    /// <remarks>
    /// <para>Get-PolytomicEventType reads GET /api/events_types (both API versions) and outputs each type as a string (sync.running, sync.completed, sync.failed, bulk_sync.completed…). These are the values Get-PolytomicEvent -Type accepts.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicEventType
    /// </code>
    /// <para>Lists every event type.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicEventType | Where-Object { $_ -like 'bulk_sync.*' } | ForEach-Object { Get-PolytomicEvent -Type $_ }
    /// </code>
    /// <para>Gets the bulk-sync events of every type.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicEventType", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicEventType.md")]
    [OutputType(typeof(string))]
    public sealed class GetPolytomicEventTypeCommand : PolytomicCmdlet
    {
        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetEventTypesAsync(ct)), true);
    }
}
