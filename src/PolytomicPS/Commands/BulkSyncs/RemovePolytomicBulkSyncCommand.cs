using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a bulk sync with its schedules, schema settings and run history.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicBulkSync sends DELETE /api/bulk/syncs/{id}. The data already copied into the destination stays. An unknown id is a PolytomicApi.NotFound error.</para>
    /// <para>It asks for confirmation (ConfirmImpact High) unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Salesforce Bulk Sync' | Remove-PolytomicBulkSync -Force
    /// </code>
    /// <para>Deletes the bulk sync without prompting.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicBulkSync -Name 'Test *' | Remove-PolytomicBulkSync -WhatIf
    /// </code>
    /// <para>Shows which bulk syncs whose names start with 'Test ' would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicBulkSync", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicBulkSync.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicBulkSyncCommand : PolytomicCmdlet
    {
        /// <summary>The bulk sync: an id or a bulk sync object. Takes pipeline input by property name (Id or SyncId), so bulk syncs, executions, schemas and schedules pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.BulkSync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BulkSyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Named("Bulk sync", Id), "Delete bulk sync, its schedules and its run history")) return;
            Await((c, ct) => c.DeleteBulkSyncAsync(Id, ct));
            CurrentSession.Completion.Invalidate("bulk_syncs");
        }
    }
}
