using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Invoke-PolytomicQuery: runs a query (SQL, SOQL…) on a connection, waits for it with backoff (Ctrl+C
    /// stops waiting) and streams the result rows as objects, page by page.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PolytomicQuery")]
    [OutputType(typeof(PSObject), typeof(Dictionary<string, object>))]
    public sealed class InvokePolytomicQueryCommand : PolytomicCmdlet
    {
        /// <summary>The connection to query; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Connection", "Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The query text, in the connection's language.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = "";

        /// <summary>Output each row as a Dictionary instead of a PSCustomObject.</summary>
        [Parameter]
        public SwitchParameter AsDictionary { get; set; }

        /// <summary>How long to wait for the query to finish.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        /// <summary>The first wait between polls; it grows 1.5x per poll up to 10 s.</summary>
        [Parameter]
        [ValidateRange(0.05, 60)]
        public double PollIntervalSeconds { get; set; } = 0.5;

        protected override object? ErrorTarget => ConnectionId;

        private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(10);

        protected override void ProcessItem()
        {
            var submitted = Await((c, ct) => c.RunQueryAsync(ConnectionId, Query, ct));
            WriteVerbose($"Query {submitted.Id} submitted ({submitted.Status}).");
            var clock = Stopwatch.StartNew();
            var delay = TimeSpan.FromSeconds(PollIntervalSeconds);
            var progress = new ProgressRecord(Math.Abs(submitted.Id.GetHashCode() % 100000), $"Running query on {ConnectionId}", "Submitted");
            string? next = null;
            PolytomicQueryResult result = submitted;
            if (!result.IsFinished)
            {
                while (true)
                {
                    Sleep(delay);
                    var page = Await((c, ct) => c.GetQueryAsync(submitted.Id, null, ct));
                    result = page.Items[0];
                    next = page.NextPageToken;
                    if (result.IsFinished) break;
                    if (clock.Elapsed.TotalSeconds >= TimeoutSeconds)
                    {
                        Complete(progress);
                        WriteError(ErrorFactory.Input("QueryTimeout",
                            $"Query {submitted.Id} was still '{result.Status}' after {TimeoutSeconds} s.", ErrorCategory.OperationTimeout, submitted.Id,
                            "Wait longer with -TimeoutSeconds."));
                        return;
                    }
                    progress.StatusDescription = $"{result.Status} ({clock.Elapsed.TotalSeconds:0} s)";
                    WriteProgress(progress);
                    delay = TimeSpan.FromTicks(Math.Min(MaxPoll.Ticks, (long)(delay.Ticks * 1.5)));
                }
            }
            else
            {
                // Submitted already finished: its first page still comes from the results route.
                var first = Await((c, ct) => c.GetQueryAsync(submitted.Id, null, ct));
                result = first.Items[0];
                next = first.NextPageToken;
            }
            Complete(progress);

            if (result.Status == "failed")
            {
                WriteError(ErrorFactory.Input("QueryFailed", $"Query {submitted.Id} failed: {result.Error}", ErrorCategory.InvalidOperation, submitted.Id,
                    "Check the query text against the connection's dialect."));
                return;
            }
            WriteVerbose($"Query {submitted.Id} done: {result.Count} row(s).");
            while (true)
            {
                foreach (var row in result.Results ?? new List<Dictionary<string, object?>>()) WriteObject(Row(row, result.Fields));
                if (next == null) break;
                var token = next;
                var page = Await((c, ct) => c.GetQueryAsync(submitted.Id, token, ct));
                result = page.Items[0];
                next = page.NextPageToken;
            }
        }

        private void Complete(ProgressRecord progress)
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        /// <summary>Columns in the order the query returned them.</summary>
        private object Row(Dictionary<string, object?> row, List<string>? fields)
        {
            if (AsDictionary) return row;
            var o = new PSObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in fields ?? new List<string>())
                if (seen.Add(f)) o.Properties.Add(new PSNoteProperty(f, InvokePolytomicRequestCommand.ToPSObject(row.TryGetValue(f, out var v) ? v : null)));
            foreach (var kv in row)
                if (seen.Add(kv.Key)) o.Properties.Add(new PSNoteProperty(kv.Key, InvokePolytomicRequestCommand.ToPSObject(kv.Value)));
            return o;
        }
    }
}
