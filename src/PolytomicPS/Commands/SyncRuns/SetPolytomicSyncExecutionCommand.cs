using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Sets the status of a model-sync run, to retry or resolve a stalled execution.</summary>
    /// <remarks>
    /// <para>Set-PolytomicSyncExecution sends PUT /api/syncs/{id}/executions/{id} with the new status. The route exists in API version 2024-02-08 only: on 2025-09-18 it is an ApiVersionNotSupported error and nothing is sent.</para>
    /// <para>It outputs nothing unless -PassThru, which outputs the updated execution. It supports -WhatIf and -Confirm. A status outside the accepted list is refused before anything is sent; an unknown sync or execution is PolytomicApi.NotFound.</para>
    /// <para>Concurrent changes: the PUT replaces the execution's status. Two Set-PolytomicSyncExecution calls racing on one execution do not merge: the last one to arrive wins and the other's change is lost. Change one execution from one place at a time, and read it back (Get-PolytomicSyncExecution) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncExecution -SyncId $sync.Id -Id $stalledId | Set-PolytomicSyncExecution -Status failed -Confirm:$false
    /// </code>
    /// <para>Marks a stalled run as failed so the sync can run again.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicSyncExecution -SyncId $sync.Id -ExecutionId $run.Id -Status completed -PassThru -Confirm:$false
    /// </code>
    /// <para>Resolves the run as completed and shows it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicSyncExecution", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicSyncExecution.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSyncExecution))]
    public sealed class SetPolytomicSyncExecutionCommand : PolytomicCmdlet
    {
        /// <summary>The id of the sync; binds from piped executions (their SyncId) and syncs.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The id of the execution to change; binds from piped executions.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>The status to set: created, scheduled, queued, waiting, running, processing, canceling, canceled, completed, failed or interrupted (usually failed or completed, to resolve a stalled run).</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("created", "scheduled", "queued", "waiting", "running", "processing", "canceling", "canceled", "completed", "failed", "interrupted")]
        public string Status { get; set; } = "";

        /// <summary>Outputs the updated execution; by default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => ExecutionId;

        protected override void ProcessItem()
        {
            if (!ShouldProcess($"execution {ExecutionId} of sync {SyncId}", $"Set status to {Status}")) return;
            var run = Await((c, ct) => c.SetSyncExecutionStatusAsync(SyncId, ExecutionId, Status, ct));
            if (PassThru) WriteObject(run);
        }
    }
}
