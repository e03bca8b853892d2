using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicJob: one of Polytomic's asynchronous jobs (createmodel from New-PolytomicModel -Async,
    /// exportlogs from a log export): its status, and its result once done.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicJob")]
    [OutputType(typeof(PolytomicJob))]
    public sealed class GetPolytomicJobCommand : PolytomicCmdlet
    {
        /// <summary>The job type: createmodel or exportlogs.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("createmodel", "exportlogs")]
        public string Type { get; set; } = "";

        /// <summary>The job id (pipe the job or the log export).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetJobAsync(Type, Id, ct)));
    }
}
