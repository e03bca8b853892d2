using System;
using System.Diagnostics;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Wait-PolytomicConnection: polls a connection's schema cache until it is ready, then outputs the
    /// connection so the pipeline can go on (New-PolytomicModel, New-PolytomicBulkSync…).</summary>
    [Cmdlet(VerbsLifecycle.Wait, "PolytomicConnection")]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class WaitPolytomicConnectionCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        /// <summary>Seconds between polls (the first poll is immediate).</summary>
        [Parameter]
        [ValidateRange(0.05, 300)]
        public double PollIntervalSeconds { get; set; } = 2;

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var clock = Stopwatch.StartNew();
            var progress = new ProgressRecord(Math.Abs(Id.GetHashCode() % 100000), $"Waiting for the schema cache of {Id}", "Checking");
            while (true)
            {
                var status = Await((c, ct) => c.GetSchemaStatusAsync(Id, ct));
                if (status.IsReady) break;
                if (clock.Elapsed.TotalSeconds >= TimeoutSeconds)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                    WriteError(ErrorFactory.Input("SchemaCacheTimeout",
                        $"The schema cache of connection {Id} was still '{status.CacheStatus}' after {TimeoutSeconds} s.",
                        ErrorCategory.OperationTimeout, Id, "Wait longer with -TimeoutSeconds, or check the connection in Polytomic."));
                    return;
                }
                progress.StatusDescription = $"Schema cache: {status.CacheStatus} ({clock.Elapsed.TotalSeconds:0} s)";
                progress.PercentComplete = (int)Math.Min(99, 100 * clock.Elapsed.TotalSeconds / TimeoutSeconds);
                WriteProgress(progress);
                Sleep(TimeSpan.FromSeconds(PollIntervalSeconds));
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteObject(Await((c, ct) => c.GetConnectionAsync(Id, ct)));
        }
    }
}
