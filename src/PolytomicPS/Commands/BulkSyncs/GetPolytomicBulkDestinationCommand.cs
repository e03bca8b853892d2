using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets what a connection asks for and supports as a bulk-sync destination.</summary>
    /// <remarks>
    /// <para>Get-PolytomicBulkDestination reads GET /api/connections/{id}/bulksync/target and outputs one PolytomicBulkDestination: its Options (name, type, whether required), RequiredOptions (which must go in -DestinationConfiguration of New-PolytomicBulkSync), the Modes it supports (replicate, snapshot) and its SupportedResyncModes.</para>
    /// <para>A connection whose type cannot be a bulk-sync destination is a PolytomicApi.BadRequest error; an unknown id is PolytomicApi.NotFound. A bulk sync piped in binds by its DestinationConnectionId.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Snowflake Connection' | Get-PolytomicBulkDestination
    /// </code>
    /// <para>Shows the options and modes of the Snowflake connection as a destination.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Get-PolytomicBulkDestination).RequiredOptions
    /// </code>
    /// <para>Lists the options the destination of an existing bulk sync requires (for Snowflake: schema).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkDestination", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicBulkDestination.md")]
    [OutputType(typeof(PolytomicBulkDestination))]
    public sealed class GetPolytomicBulkDestinationCommand : PolytomicCmdlet
    {
        /// <summary>The destination connection: an id or a connection object. Takes pipeline input by property name (ConnectionId, or DestinationConnectionId of a bulk sync).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DestinationConnectionId")]
        [IdTransformation(ObjectKinds.Connection, "DestinationConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetBulkDestinationAsync(ConnectionId, ct)));
    }
}
