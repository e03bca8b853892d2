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
                foreach (var id in Id)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetSyncExecutionAsync(SyncId, id, ct))); }
                    catch (PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                    catch (PolytomicInputException ex) { WriteError(ErrorFactory.FromInput(ex)); }
                }
                return;
            }
            ulong skip = PagingParameters.Skip, first = PagingParameters.First, written = 0, seen = 0;
            string? token = null;
            int pages = 0;
            do
            {
                if (written >= first) return; // -First reached: no further page is fetched.
                var page = Await((c, ct) => c.ListSyncExecutionsPageAsync(SyncId, token, OnlyCompleted, Ascending, ct));
                WriteVerbose($"Page {++pages}: {page.Items.Count} execution(s)");
                foreach (var run in page.Items)
                {
                    if (seen++ < skip) continue;
                    if (written >= first) break;
                    WriteObject(run);
                    written++;
                }
                token = page.NextPageToken;
            } while (token != null);
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(seen, 1.0));
        }
    }
}
