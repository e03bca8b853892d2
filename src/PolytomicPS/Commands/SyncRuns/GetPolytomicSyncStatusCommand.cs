using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets a model sync's status: its run in progress, its last finished run and its next scheduled run.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSyncStatus reads GET /api/syncs/{id}/status (both API versions) and outputs a PolytomicSyncStatus: CurrentExecution (null when idle), LastExecution, NextExecutionTime, and Status (the current run's status, else the last run's, else idle). The executions carry SyncId, so they pipe into Wait-PolytomicSyncExecution and Get-PolytomicSyncLog.</para>
    /// <para>An unknown sync is PolytomicApi.NotFound; an id that is not a UUID is InvalidId.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync | Get-PolytomicSyncStatus
    /// </code>
    /// <para>Shows what every sync is doing now and when it runs next.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-PolytomicSyncStatus -Id $sync.Id).LastExecution | Get-PolytomicSyncLog -Type errors
    /// </code>
    /// <para>Gets the signed URLs of the error log of the sync's last run.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSyncStatus", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSyncStatus.md")]
    [OutputType(typeof(PolytomicSyncStatus))]
    public sealed class GetPolytomicSyncStatusCommand : PolytomicCmdlet
    {
        /// <summary>The id of the sync; takes sync objects (or anything with an Id or SyncId) and ids from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string Id { get; set; } = "";

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetSyncStatusAsync(Id, ct)));
    }
}
