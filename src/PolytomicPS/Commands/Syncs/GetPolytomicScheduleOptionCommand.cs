using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicScheduleOption: the schedule frequencies syncs can use (GET /api/syncs/schedules).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicScheduleOption")]
    [OutputType(typeof(PolytomicScheduleOption))]
    public sealed class GetPolytomicScheduleOptionCommand : PolytomicCmdlet
    {
        /// <summary>Only these frequencies.</summary>
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
