using System;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Runs a query on a connection and outputs the result rows.</summary>
    /// <remarks>
    /// <para>Invoke-PolytomicQuery submits the query (POST /api/connections/{id}/query), polls GET /api/queries/{id} with backoff until it finishes, then streams the rows page by page as PSCustomObjects whose properties are the query's columns, in order (-AsDictionary outputs dictionaries instead). Progress shows the query status while it runs; Ctrl+C stops waiting.</para>
    /// <para>The query is written in the connection's own language (SQL for databases and warehouses, SOQL for Salesforce...). A query that fails in the source is a QueryFailed error carrying the database's message; one still running after -TimeoutSeconds is a QueryTimeout error; an unknown connection is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Invoke-PolytomicQuery -Query 'select id, email from public.users limit 10'
    /// </code>
    /// <para>Runs a SQL query on a connection found by name and shows the rows as a table.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $rows = Invoke-PolytomicQuery -ConnectionId $conn.Id -Query 'select count(*) as n from orders' -TimeoutSeconds 1800 -AsDictionary
    /// $rows[0]['n']
    /// </code>
    /// <para>Waits up to 30 minutes for a slow query and reads the result from a dictionary.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "PolytomicQuery", HelpUri = HelpLinks.Cmdlets + "Invoke-PolytomicQuery.md")]
    [OutputType(typeof(PSObject), typeof(Dictionary<string, object>))]
    public sealed class InvokePolytomicQueryCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection to query. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Connection", "Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The query text, in the connection's language (SQL, SOQL...).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = "";

        /// <summary>Output each row as a Dictionary instead of a PSCustomObject.</summary>
        [Parameter]
        public SwitchParameter AsDictionary { get; set; }

        /// <summary>How long to wait for the query to finish, in seconds (1 to 86400; default 600) before a QueryTimeout error.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        /// <summary>The first wait between polls, in seconds (default 0.5); it grows 1.5 times per poll up to 10 seconds.</summary>
        [Parameter]
        [ValidateRange(0.05, 60)]
        public double PollIntervalSeconds { get; set; } = 0.5;

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var submitted = Await((c, ct) => c.RunQueryAsync(ConnectionId, Query, ct));
            WriteVerbose($"Query {submitted.Id} submitted ({submitted.Status}).");
            // The poll reads the results route until the query has finished (a finished query's first page comes from it too).
            var options = new PollOptions($"Running query on {Named("connection", ConnectionId)}", TimeoutSeconds, PollIntervalSeconds)
            {
                MaxDelaySeconds = 10, ProgressId = Math.Abs(submitted.Id.GetHashCode() % 100000),
            };
            var first = new Polytomic.Http.Page<PolytomicQueryResult>(new[] { submitted }, null);
            var polled = Poll(options, first, (c, ct) => c.GetQueryAsync(submitted.Id, null, ct),
                p => p.Items[0].IsFinished, p => p.Items[0].Status ?? "?");
            var current = polled.Last;
            var result = current.Items[0];
            if (polled.TimedOut)
            {
                WriteError(ErrorFactory.Input("QueryTimeout",
                    $"Query {submitted.Id} was still '{result.Status}' after {TimeoutSeconds} s{polled.PendingText}.", ErrorCategory.OperationTimeout, submitted.Id,
                    "Wait longer with -TimeoutSeconds."));
                return;
            }

            if (result.Status == "failed")
            {
                WriteError(ErrorFactory.Input("QueryFailed", $"Query {submitted.Id} failed: {result.Error}", ErrorCategory.InvalidOperation, submitted.Id,
                    "Check the query text against the connection's dialect."));
                return;
            }
            WriteVerbose($"Query {submitted.Id} done: {result.Count} row(s).");
            var tokens = new Polytomic.Http.PageTokens();
            while (true)
            {
                foreach (var row in result.Results ?? new List<Dictionary<string, object?>>()) WriteObject(Row(row, result.Fields));
                var token = tokens.Next(current, $"The results of query {submitted.Id}");
                if (token == null) break;
                current = Await((c, ct) => c.GetQueryAsync(submitted.Id, token, ct));
                result = current.Items[0];
            }
        }

        private object Row(Dictionary<string, object?> row, List<string>? fields)
        {
            if (AsDictionary) return row;
            var o = new PSObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in fields ?? new List<string>())
                if (seen.Add(f)) o.Properties.Add(new PSNoteProperty(f, PSOutput.FromJson(row.TryGetValue(f, out var v) ? v : null)));
            foreach (var kv in row)
                if (seen.Add(kv.Key)) o.Properties.Add(new PSNoteProperty(kv.Key, PSOutput.FromJson(kv.Value)));
            return o;
        }
    }
}
