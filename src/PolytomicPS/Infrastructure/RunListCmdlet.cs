using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>The execution lists of every run kind: -Ascending, -Since and -Until declared once, and one listing
    /// (-First/-Skip, -Status, the time window, and paging that stops past -Since) so both kinds filter alike.</summary>
    public abstract class RunListCmdlet : PolytomicCmdlet
    {
        public const string List = "List";
        public const string ById = "ById";

        /// <summary>Lists the oldest runs first (the default is newest first).</summary>
        [Parameter(ParameterSetName = List)]
        public SwitchParameter Ascending { get; set; }

        /// <summary>Lists only the runs created at or after this time; paging stops once it passes it.</summary>
        [Parameter(ParameterSetName = List)]
        public DateTime? Since { get; set; }

        /// <summary>Lists only the runs created at or before this time.</summary>
        [Parameter(ParameterSetName = List)]
        public DateTime? Until { get; set; }

        protected override void BeginProcessing()
        {
            if (RunFilter.Check(Since, Until) is string problem)
                ThrowTerminatingError(ErrorFactory.Input("InvalidTimeWindow", problem, ErrorCategory.InvalidArgument, Since));
            base.BeginProcessing();
        }

        /// <summary>Writes the runs the filters and -First/-Skip keep. With a time window pages are read one at a time
        /// (no look-ahead), so a list that stops past -Since sends no further request.</summary>
        private protected void WriteRuns<T>(Func<PolytomicClient, string?, CancellationToken, Task<Polytomic.Http.Page<T>>> fetch,
            string what, string[]? status, Func<T, (string? Status, DateTimeOffset? CreatedAt)> read)
        {
            var window = new PagingWindow(PagingParameters);
            var filter = new RunFilter(status, Since, Until, Ascending);
            var runs = filter.Bounded ? PageByPage(fetch, what) : Paged(fetch, status == null ? window.Wanted : ulong.MaxValue);
            foreach (var run in runs)
            {
                var (runStatus, createdAt) = read(run);
                var verdict = filter.Judge(runStatus, createdAt);
                if (verdict == RunFilter.Verdict.Stop) break;
                if (verdict == RunFilter.Verdict.Skip) continue;
                if (window.Admit()) WriteObject(run);
                if (window.Done) break;
            }
            if (window.Total(1.0) is PSObject total) WriteObject(total);
        }
    }
}
