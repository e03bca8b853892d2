using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSyncExecution: a model sync's runs, newest first (or -Ascending), each page written as it
    /// arrives; -First stops early without fetching further pages. Or single runs by -Id.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSyncExecution", DefaultParameterSetName = List, SupportsPaging = true)]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class GetPolytomicSyncExecutionCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";

        /// <summary>The sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>Execution ids.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ById)]
        [Alias("ExecutionId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only finished runs.</summary>
        [Parameter(ParameterSetName = List)]
        public SwitchParameter OnlyCompleted { get; set; }

        /// <summary>Oldest first.</summary>
        [Parameter(ParameterSetName = List)]
        public SwitchParameter Ascending { get; set; }

        private string? current;
        protected override object? ErrorTarget => current ?? SyncId;

        protected override void ProcessItem()
        {
            current = null;
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetSyncExecutionAsync(SyncId, id, ct)));
                return;
            }
            ulong skip = PagingParameters.Skip, first = PagingParameters.First, seen = 0;
            // -First: no page beyond the ones those runs need is fetched (without -IncludeTotalCount, which needs them all).
            var wanted = PagingParameters.IncludeTotalCount || first == ulong.MaxValue ? ulong.MaxValue : skip + first;
            foreach (var run in Paged((c, token, ct) => c.ListSyncExecutionsPageAsync(SyncId, token, OnlyCompleted, Ascending, ct), wanted))
            {
                if (seen++ < skip || seen - skip > first) continue;
                WriteObject(run);
            }
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(seen, 1.0));
        }
    }
}
