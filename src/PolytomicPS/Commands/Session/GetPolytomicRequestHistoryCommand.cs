using System.Management.Automation;
using Polytomic.Http;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the session's recent requests: one record per attempt.</summary>
    /// <remarks>
    /// <para>Every session keeps its last 500 attempts in memory, whatever -Verbose or -TracePath say: time, method, path, query, status, milliseconds, attempt number (1 for a first try, 2 for its first retry...), Idempotency-Key and ErrorId. A change a read-only session refused shows as attempt 0 with ErrorId ReadOnlySession. Neither the key nor the Authorization header is ever recorded; request bodies only when the session was connected with -TraceBody, and then with secret fields masked.</para>
    /// <para>Output: PolytomicRequestRecord objects, oldest first. -Last keeps the most recent N.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection | Out-Null
    /// Get-PolytomicRequestHistory -Last 5
    /// </code>
    /// <para>The last five attempts of the default session.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicRequestHistory | Where-Object ErrorId | Format-List
    /// </code>
    /// <para>Every recent attempt that failed, with its status and ErrorId: what a failed job's last minutes looked like.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicRequestHistory", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicRequestHistory.md")]
    [OutputType(typeof(PolytomicRequestRecord))]
    public sealed class GetPolytomicRequestHistoryCommand : PolytomicCmdlet
    {
        /// <summary>How many of the most recent attempts to return (1-500).</summary>
        [Parameter(Position = 0)]
        [ValidateRange(1, RequestTrace.DefaultCapacity)]
        public int Last { get; set; } = RequestTrace.DefaultCapacity;

        protected override void ProcessItem()
        {
            foreach (var record in Client.Trace.Recent(Last)) WriteObject(record);
        }
    }
}
