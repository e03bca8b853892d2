using System;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Waits until a connection's schema cache is ready, then outputs the connection.</summary>
    /// <remarks>
    /// <para>Wait-PolytomicConnection polls the schema cache of each connection it is given until Polytomic reports it ready, showing progress, then outputs the connection so the pipeline can go on. After -TimeoutSeconds it writes a SchemaCacheTimeout error for that connection. Ctrl+C stops the wait at once.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// New-PolytomicConnection -Name Warehouse -Type postgresql -Configuration $config | Wait-PolytomicConnection
    /// </code>
    /// <para>Creates a connection and waits until its schema can be used.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Snow*' | Wait-PolytomicConnection -TimeoutSeconds 120 -PollIntervalSeconds 5
    /// </code>
    /// <para>Waits for several connections, checking every five seconds, at most two minutes each.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "PolytomicConnection", HelpUri = HelpLinks.Cmdlets + "Wait-PolytomicConnection.md")]
    [OutputType(typeof(PolytomicConnection))]
    public sealed class WaitPolytomicConnectionCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection to wait for. Takes objects with an Id or ConnectionId property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionId")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>How long to wait for each connection, in seconds (default 600).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        /// <summary>Seconds between checks; the first check is immediate (default 2).</summary>
        [Parameter]
        [ValidateRange(0.05, 300)]
        public double PollIntervalSeconds { get; set; } = 2;

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            // Fixed pauses, as -PollIntervalSeconds promises (a schema cache fills in seconds to minutes).
            var options = new PollOptions($"Waiting for the schema cache of {Named("connection", Id)}", TimeoutSeconds, PollIntervalSeconds)
            {
                Growth = 1, ProgressId = Math.Abs(Id.GetHashCode() % 100000), PercentOfTimeout = true,
            };
            var result = Poll(options, (PolytomicSchemaStatus?)null, async (c, ct) => (PolytomicSchemaStatus?)await c.GetSchemaStatusAsync(Id, ct).ConfigureAwait(false),
                s => s!.IsReady, s => $"Schema cache: {s!.CacheStatus}");
            if (result.TimedOut)
            {
                WriteError(ErrorFactory.Input("SchemaCacheTimeout",
                    $"The schema cache of connection {Id} was still '{result.Last?.CacheStatus ?? "unread"}' after {TimeoutSeconds} s{result.PendingText}.",
                    ErrorCategory.OperationTimeout, Id, "Wait longer with -TimeoutSeconds, or check the connection in Polytomic."));
                return;
            }
            WriteObject(Await((c, ct) => c.GetConnectionAsync(Id, ct)));
        }
    }
}
