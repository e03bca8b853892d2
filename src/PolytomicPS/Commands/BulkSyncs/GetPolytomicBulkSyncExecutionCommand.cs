using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkSyncExecution: a bulk sync's runs, newest first, each page written as it arrives;
    /// or single runs by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSyncExecution", DefaultParameterSetName = List)]
    [OutputType(typeof(PolytomicBulkSyncExecution))]
    public sealed class GetPolytomicBulkSyncExecutionCommand : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";

        /// <summary>The bulk sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string SyncId { get; set; } = "";

        /// <summary>Execution ids.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ExecutionId { get; set; } = new string[0];

        /// <summary>Only finished runs (ordered by when they finished).</summary>
        [Parameter(ParameterSetName = List)]
        public SwitchParameter OnlyTerminal { get; set; }

        /// <summary>Oldest first.</summary>
        [Parameter(ParameterSetName = List)]
        public SwitchParameter Ascending { get; set; }

        /// <summary>Runs per request (the API allows up to 100).</summary>
        [Parameter(ParameterSetName = List)]
        [ValidateRange(1, 100)]
        public int PageSize { get; set; } = 50;

        private string? current;
        protected override object? ErrorTarget => current ?? SyncId;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in ExecutionId)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetBulkSyncExecutionAsync(SyncId, id, ct))); }
                    catch (PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                }
                return;
            }
            string? token = null;
            int pages = 0;
            do
            {
                var page = Await((c, ct) => c.ListBulkSyncExecutionsPageAsync(SyncId, token, PageSize, OnlyTerminal, Ascending, ct));
                WriteVerbose($"Page {++pages}: {page.Items.Count} execution(s)");
                WriteObject(page.Items, true);
                token = page.NextPageToken;
            } while (token != null);
        }
    }
}
