using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicConsoleLog: the console log of a model-sync run, a bulk-sync run (-Bulk), or one schema of a
    /// bulk-sync run (-Schema), each page written as it arrives (API version 2025-09-18; Polytomic keeps the latest 50
    /// entries).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicConsoleLog")]
    [OutputType(typeof(PolytomicConsoleLogEntry))]
    public sealed class GetPolytomicConsoleLogCommand : PolytomicCmdlet
    {
        /// <summary>The sync or bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>The execution (pipe it, or give its id).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>The run is a bulk-sync run.</summary>
        [Parameter]
        public SwitchParameter Bulk { get; set; }

        /// <summary>Only this schema of a bulk-sync run (implies -Bulk).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Schema { get; set; }

        /// <summary>Only entries after this entry id (a cursor such as 1744311099250-0).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? After { get; set; }

        /// <summary>Entries per request.</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 50;

        protected override object? ErrorTarget => ExecutionId;

        protected override void ProcessItem()
        {
            var bulk = Bulk || Schema != null;
            var cursor = After;
            while (true)
            {
                var page = Await((c, ct) => c.GetConsoleLogPageAsync(SyncId, ExecutionId, bulk, Schema, PageSize, cursor, ct));
                WriteObject(page.Entries, true);
                if (page.Entries.Count == 0 || string.IsNullOrEmpty(page.NextCursor) || page.NextCursor == cursor) return;
                cursor = page.NextCursor;
            }
        }
    }
}
