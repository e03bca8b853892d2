using System;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the runs (executions) of a model sync: all of them, page by page, or by id.</summary>
    /// <remarks>
    /// <para>Without -Id, Get-PolytomicSyncExecution reads GET /api/syncs/{id}/executions page after page (following next_page_token) and writes each page as it arrives, newest first; -Ascending gives oldest first and -OnlyCompleted only finished runs. -First stops as soon as enough runs are written, without fetching further pages; -Skip and -IncludeTotalCount work as usual. -Verbose shows each page.</para>
    /// <para>With -Id it reads GET /api/syncs/{id}/executions/{id} for each id; an unknown id is a PolytomicApi.NotFound error for that id while the others are still read.</para>
    /// <para>Outputs PolytomicSyncExecution objects (status, record counts, start and end times, errors) with SyncId filled in, so they pipe into Wait-PolytomicSyncExecution, Get-PolytomicSyncLog, Get-PolytomicConsoleLog and Stop-PolytomicSync. An unknown sync is PolytomicApi.NotFound; an id that is not a UUID is InvalidId.</para>
    /// <para>-Status keeps the runs with one of the given statuses. -Since and -Until keep the runs created in that window (a DateTime without a kind is local time). Pages come newest first, so the listing stops at the first run created before -Since and reads no further page (with -Ascending it stops at the first run after -Until); with either of them pages are read one at a time. -Since later than -Until is InvalidTimeWindow, before any request.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Users to CRM' | Get-PolytomicSyncExecution -First 10
    /// </code>
    /// <para>Shows the ten latest runs of the sync, reading only the first page.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncExecution -SyncId $sync.Id -OnlyCompleted | Where-Object Status -eq 'failed'
    /// </code>
    /// <para>Lists every finished run of the sync that failed.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncExecution -SyncId $sync.Id -Status failed -Since (Get-Date).AddDays(-1)
    /// </code>
    /// <para>Lists the sync's runs of the last day that failed; paging stops at the first page that reaches back past a day ago.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSyncExecution", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSyncExecution.md", DefaultParameterSetName = List, SupportsPaging = true)]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class GetPolytomicSyncExecutionCommand : RunListCmdlet
    {
        /// <summary>The id of the sync whose runs to get; takes sync objects (or anything with a SyncId) and ids from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The ids of the executions to get, one request each; without it, all runs are listed.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ById)]
        [Alias("ExecutionId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Lists only finished runs (completed, failed or canceled).</summary>
        [Parameter(ParameterSetName = List)]
        public SwitchParameter OnlyCompleted { get; set; }

        /// <summary>Lists only the runs with one of these statuses.</summary>
        [Parameter(ParameterSetName = List)]
        [ValidateSet("created", "scheduled", "queued", "waiting", "running", "processing", "canceling", "canceled", "completed", "failed", "interrupted")]
        public string[]? Status { get; set; }

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Await((c, ct) => c.GetSyncExecutionAsync(SyncId, id, ct)));
                return;
            }
            WriteRuns((c, token, ct) => c.ListSyncExecutionsPageAsync(SyncId, token, OnlyCompleted, Ascending, ct), "sync executions",
                Status, run => (run.Status, run.CreatedAt));
        }
    }
}
