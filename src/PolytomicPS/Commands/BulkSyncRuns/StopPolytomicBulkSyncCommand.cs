using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Cancels a bulk sync's run in progress, one execution, or one schema of the current run.</summary>
    /// <remarks>
    /// <para>Stop-PolytomicBulkSync sends POST /api/bulk/syncs/{id}/cancel (the run in progress), POST /api/bulk/syncs/{id}/executions/{execution_id}/cancel (-ExecutionId, or an execution piped in) or POST /api/bulk/syncs/{id}/schemas/{schema_id}/cancel (-Schema). Cancellation is asynchronous: the run's status goes to canceling, then canceled.</para>
    /// <para>Outputs nothing; -Verbose shows Polytomic's message. When nothing is running Polytomic refuses with a PolytomicApi.BadRequest error. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $run = Start-PolytomicBulkSync -Id $sync.Id
    /// $run | Stop-PolytomicBulkSync -Confirm:$false
    /// </code>
    /// <para>Starts a run and cancels it again.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Stop-PolytomicBulkSync -SyncId $sync.Id -Schema Contact
    /// </code>
    /// <para>Cancels only the Contact schema of the current run; the other schemas finish.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "Stop-PolytomicBulkSync.md", SupportsShouldProcess = true, DefaultParameterSetName = Run)]
    [OutputType(typeof(void))]
    public sealed class StopPolytomicBulkSyncCommand : PolytomicCmdlet
    {
        public const string Run = "Run";
        public const string OneSchema = "Schema";

        /// <summary>The bulk sync: an id or a bulk sync object. Named SyncId so that executions piped in bind their bulk sync; Id is an alias.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The execution to cancel. Takes pipeline input by property name (ExecutionId). When omitted, the run in progress is cancelled.</summary>
        [Parameter(ParameterSetName = Run, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ExecutionId { get; set; }

        /// <summary>Cancel only this schema of the current run.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OneSchema)]
        [ValidateNotNullOrEmpty]
        public string? Schema { get; set; }

        protected override object? ErrorTarget => ExecutionId ?? SyncId;

        protected override void ProcessItem()
        {
            var target = Schema != null ? $"schema {Schema} of {Named("bulk sync", SyncId)}" : ExecutionId != null ? $"execution {ExecutionId} of {Named("bulk sync", SyncId)}" : Named("Bulk sync", SyncId);
            if (!ShouldProcess(target, "Cancel")) return;
            var message = Await((c, ct) => c.CancelBulkSyncAsync(SyncId, ExecutionId, Schema, ct));
            WriteVerbose($"{target}: {message ?? "cancellation requested"}");
        }
    }
}
