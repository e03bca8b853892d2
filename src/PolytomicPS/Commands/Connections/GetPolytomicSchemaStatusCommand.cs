using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the state of a connection's schema cache.</summary>
    /// <remarks>
    /// <para>Polytomic caches each connection's schema (its objects and fields) and refreshes it in the background. Get-PolytomicSchemaStatus shows whether the cache is ready and when the last refresh started and finished. Use Wait-PolytomicConnection to wait until it is ready.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Get-PolytomicSchemaStatus
    /// </code>
    /// <para>Shows the schema cache status of the Warehouse connection.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSchemaStatus", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSchemaStatus.md")]
    [OutputType(typeof(PolytomicSchemaStatus))]
    public sealed class GetPolytomicSchemaStatusCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Takes objects with a ConnectionId or Id property from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() =>
            WriteObject(Await((c, ct) => c.GetSchemaStatusAsync(ConnectionId, ct)));
    }
}
