using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Deactivates a bulk sync so that its schedules no longer start runs.</summary>
    /// <remarks>
    /// <para>Disable-PolytomicBulkSync sends POST /api/bulk/syncs/{id}/activate with active set to false. The bulk sync keeps its schemas, schedules and run history; Enable-PolytomicBulkSync turns it back on. Polytomic cancels a run that is in progress.</para>
    /// <para>Outputs nothing, or the bulk sync as it now is with -PassThru. An unknown id is a PolytomicApi.NotFound error. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Disable-PolytomicBulkSync
    /// </code>
    /// <para>Pauses the bulk sync named Salesforce Bulk Sync.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Active | Disable-PolytomicBulkSync -PassThru
    /// </code>
    /// <para>Pauses every active bulk sync and shows each one afterwards (Active is now False).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Disable, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "Disable-PolytomicBulkSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class DisablePolytomicBulkSyncCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (Id or SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Output the bulk sync (PolytomicBulkSync) after the change. By default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Named("Bulk sync", Id), "Disable bulk sync")) return;
            Await((c, ct) => c.ActivateBulkSyncAsync(Id, false, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetBulkSyncAsync(Id, ct)));
        }
    }
}
