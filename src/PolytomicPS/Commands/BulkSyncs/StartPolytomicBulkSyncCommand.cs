using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Start-PolytomicBulkSync: starts a run now (all enabled schemas, or a subset), optionally a resync or a
    /// test run. Fails with a ResourceBusy error when a run is already in progress.</summary>
    [Cmdlet(VerbsLifecycle.Start, "PolytomicBulkSync", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSyncExecution))]
    public sealed class StartPolytomicBulkSyncCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Run only these schemas (they must be enabled on the sync).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Schema { get; set; }

        /// <summary>refetch, resync or rebuild the destination.</summary>
        [Parameter]
        [ValidateSet("refetch", "resync", "rebuild")]
        public string? ResyncMode { get; set; }

        /// <summary>none, incremental or full.</summary>
        [Parameter]
        [ValidateSet("none", "incremental", "full")]
        public string? FetchMode { get; set; }

        /// <summary>A test run on a few records (cannot be combined with -ResyncMode).</summary>
        [Parameter]
        public SwitchParameter Test { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (Test && ResyncMode != null)
                throw new PolytomicInputException("ConflictingParameters", "-Test and -ResyncMode cannot be used together.", "ResyncMode", Id);
            var what = (Test ? "Start a test run" : ResyncMode != null ? $"Start a {ResyncMode} run" : "Start a run")
                       + (Schema != null ? " of " + string.Join(", ", Schema) : "");
            if (!ShouldProcess(Id, what)) return;
            WriteObject(Await((c, ct) => c.StartBulkSyncAsync(Id, new StartBulkSyncRequest
            {
                Test = Test ? true : (bool?)null,
                ResyncMode = ResyncMode,
                FetchMode = FetchMode,
                Schemas = Schema?.ToList(),
            }, ct)));
        }
    }
}
