using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the schedule frequencies that model syncs can use.</summary>
    /// <remarks>
    /// <para>Get-PolytomicScheduleOption reads GET /api/syncs/schedules and outputs one PolytomicScheduleOption per frequency (continuous, hourly, daily, manual, ...) with its Label, Description and the Configuration fields it takes. These are the values of -Frequency of New-PolytomicSync and Set-PolytomicSync.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicScheduleOption
    /// </code>
    /// <para>Lists every schedule frequency with its description.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicScheduleOption -Frequency daily, weekly
    /// </code>
    /// <para>Shows only the daily and weekly options.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicScheduleOption", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicScheduleOption.md")]
    [OutputType(typeof(PolytomicScheduleOption))]
    public sealed class GetPolytomicScheduleOptionCommand : PolytomicCmdlet
    {
        /// <summary>Only these frequencies (compared case-insensitively). Tab completes them. When omitted, every option is listed.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(ScheduleFrequencyCompleter))]
        public string[]? Frequency { get; set; }

        protected override void ProcessItem()
        {
            var options = Await((c, ct) => c.GetScheduleOptionsAsync(ct));
            WriteObject(options.Where(o => Frequency == null || Frequency.Any(f => string.Equals(f, o.Frequency, System.StringComparison.OrdinalIgnoreCase))), true);
        }
    }
}
