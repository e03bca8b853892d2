using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Activates a bulk sync so that its schedules start runs.</summary>
    /// <remarks>
    /// <para>Enable-PolytomicBulkSync sends POST /api/bulk/syncs/{id}/activate with active set to true. With a manual schedule nothing runs until Start-PolytomicBulkSync; other frequencies start running at their next scheduled time.</para>
    /// <para>Outputs nothing, or the bulk sync as it now is with -PassThru. An unknown id is a PolytomicApi.NotFound error. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Enable-PolytomicBulkSync -PassThru
    /// </code>
    /// <para>Activates the bulk sync and outputs it, showing Active as True.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Enable-PolytomicBulkSync -Id $sync.Id -WhatIf
    /// </code>
    /// <para>Shows which bulk sync would be activated without changing it.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Enable, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "Enable-PolytomicBulkSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicBulkSync))]
    public sealed class EnablePolytomicBulkSyncCommand : PolytomicCmdlet
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
            if (!ShouldProcess(Named("Bulk sync", Id), "Enable bulk sync")) return;
            Await((c, ct) => c.ActivateBulkSyncAsync(Id, true, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetBulkSyncAsync(Id, ct)));
        }
    }
}
