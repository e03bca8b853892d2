using System;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the runs (executions) of a bulk sync.</summary>
    /// <remarks>
    /// <para>Get-PolytomicBulkSyncExecution lists GET /api/bulk/syncs/{id}/executions, newest first (oldest first with -Ascending), following every page and writing each as it arrives; -Verbose reports the pages. -OnlyTerminal lists only finished runs. -First stops as soon as enough runs are written, without fetching further pages; -Skip and -IncludeTotalCount work as usual.</para>
    /// <para>-ExecutionId (or an execution piped in) reads single runs (GET /api/bulk/syncs/{id}/executions/{execution_id}), so a run from Start-PolytomicBulkSync can be polled by piping it back in. An unknown id is a PolytomicApi.NotFound error.</para>
    /// <para>Each output (PolytomicBulkSyncExecution) has Status (created, running, completed, failed, canceling, canceled, ...), RecordCount and per-schema Schemas, plus SyncId and ExecutionId, so executions pipe into Get-PolytomicBulkSyncLog and Stop-PolytomicBulkSync.</para>
    /// <para>-Status keeps the runs with one of the given statuses. -Since and -Until keep the runs created in that window (a DateTime without a kind is local time). Pages come newest first, so the listing stops at the first run created before -Since and reads no further page (with -Ascending it stops at the first run after -Until); with either of them pages are read one at a time. -Since later than -Until is InvalidTimeWindow, before any request.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSyncExecution -SyncId $sync.Id -OnlyTerminal | Where-Object Status -eq 'failed'
    /// </code>
    /// <para>Lists the bulk sync's failed runs.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $run = Start-PolytomicBulkSync -Id $sync.Id
    /// while (($run = $run | Get-PolytomicBulkSyncExecution).Status -notin 'completed', 'failed', 'canceled') {
    ///     [System.Threading.Thread]::Sleep(2000)
    /// }
    /// $run.Schemas
    /// </code>
    /// <para>Starts a run, polls it until it finishes and shows the record count of each schema.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSyncExecution -SyncId $sync.Id -Status failed, canceled -Since (Get-Date).AddDays(-7)
    /// </code>
    /// <para>Lists the bulk sync's failed or canceled runs of the last week, reading no page older than a week.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Get-PolytomicBulkSyncExecution -First 1
    /// </code>
    /// <para>Shows the bulk sync's latest run, reading only the first page.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSyncExecution", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkSyncExecution.md", DefaultParameterSetName = List, SupportsPaging = true)]
    [OutputType(typeof(PolytomicBulkSyncExecution))]
    public sealed class GetPolytomicBulkSyncExecutionCommand : RunListCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>Ids of the executions to get. Takes pipeline input by property name, so execution objects (ExecutionId) pipe in.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ExecutionId { get; set; } = new string[0];

        /// <summary>List only finished runs, ordered by when they finished.</summary>
        [Parameter(ParameterSetName = List)]
        public SwitchParameter OnlyTerminal { get; set; }

        /// <summary>How many runs each request asks for (1 to 100, default 50). All pages are read either way.</summary>
        [Parameter(ParameterSetName = List)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 50;

        /// <summary>Lists only the runs with one of these statuses.</summary>
        [Parameter(ParameterSetName = List)]
        [ValidateSet("created", "scheduled", "running", "exporting", "canceling", "canceled", "completed", "failed", "processing", "errors", "interrupted")]
        public string[]? Status { get; set; }

        protected override object? ErrorTarget => SyncId;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(ExecutionId, id => Await((c, ct) => c.GetBulkSyncExecutionAsync(SyncId, id, ct)));
                return;
            }
            WriteRuns((c, token, ct) => c.ListBulkSyncExecutionsPageAsync(SyncId, token, PageSize, OnlyTerminal, Ascending, ct), "bulk sync executions",
                Status, run => (run.Status, run.CreatedAt));
        }
    }
}
