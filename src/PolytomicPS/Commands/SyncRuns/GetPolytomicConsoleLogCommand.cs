using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the console log of a model-sync run, a bulk-sync run, or one schema of a bulk-sync run.</summary>
    /// <remarks>
    /// <para>Get-PolytomicConsoleLog reads GET /api/syncs/{id}/executions/{id}/consolelog, with -Bulk GET /api/bulk/syncs/{id}/executions/{id}/consolelog, and with -Schema …/executions/{id}/schemas/{schema}/consolelog. It follows the cursor page by page (-PageSize entries each) and writes each page as it arrives, oldest first; -After starts after a given entry id. Polytomic keeps the latest 50 entries of a run.</para>
    /// <para>The console log exists from API version 2025-09-18 only: on 2024-02-08 it is an ApiVersionNotSupported error and nothing is sent. Outputs PolytomicConsoleLogEntry objects (timestamp, level, message, payload) carrying SyncId, ExecutionId and Schema. An unknown run is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-PolytomicSync -Id $sync.Id -Wait | Get-PolytomicConsoleLog
    /// </code>
    /// <para>Runs the sync and then shows what Polytomic logged while it ran.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConsoleLog -SyncId $bulk.Id -ExecutionId $run.Id -Schema Contact | Where-Object Level -eq 'error'
    /// </code>
    /// <para>Shows the errors logged for the public.users schema of a bulk-sync run.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicConsoleLog", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicConsoleLog.md")]
    [OutputType(typeof(PolytomicConsoleLogEntry))]
    public sealed class GetPolytomicConsoleLogCommand : PolytomicCmdlet
    {
        /// <summary>The id of the sync or bulk sync; binds from piped executions (their SyncId) and syncs.</summary>
        // Either kind of sync (-Bulk or -Schema says which route), so the id is not held to one kind; by property name
        // only, so a piped execution gives its SyncId, not its own Id.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The id of the run whose console log to read; binds from piped executions.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>Reads a bulk-sync run (under /api/bulk/syncs) rather than a model-sync run.</summary>
        [Parameter]
        public SwitchParameter Bulk { get; set; }

        /// <summary>Reads the console log of this schema of a bulk-sync run only, such as public.users (implies -Bulk).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Schema { get; set; }

        /// <summary>Starts after this entry id (the Id of an entry, such as 1744311099250-0), to read only what was logged since.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        /// <summary>Entries per request, 1 to 100 (default 50); every page is read whatever the size.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 50;

        protected override object? ErrorTarget => ExecutionId;

        protected override void ProcessItem()
        {
            var bulk = Bulk || Schema != null;
            var cursor = After;
            // The paging guard: a cursor given before, or pages of entries already seen, end the list with PagingLoop.
            var guard = new Polytomic.Http.PageTokens();
            while (true)
            {
                var page = Await((c, ct) => c.GetConsoleLogPageAsync(SyncId, ExecutionId, bulk, Schema, PageSize, cursor, ct));
                WriteObject(page.Entries, true);
                if (page.Entries.Count == 0 || string.IsNullOrEmpty(page.NextCursor) || page.NextCursor == cursor) return;
                cursor = guard.Next(new Polytomic.Http.Page<PolytomicConsoleLogEntry>(page.Entries, page.NextCursor), "The console log", e => e.Id);
            }
        }
    }
}
