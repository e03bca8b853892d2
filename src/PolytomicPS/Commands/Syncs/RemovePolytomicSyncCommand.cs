using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Deletes a model sync.</summary>
    /// <remarks>
    /// <para>Remove-PolytomicSync sends DELETE /api/syncs/{id}; Polytomic cancels the sync's running executions. An unknown id is a PolytomicApi.NotFound error.</para>
    /// <para>It asks for confirmation (ConfirmImpact High) unless -Force or -Confirm:$false is given. Outputs nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Users to CRM' | Remove-PolytomicSync -Force
    /// </code>
    /// <para>Deletes the sync without prompting.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Test *' | Remove-PolytomicSync -WhatIf
    /// </code>
    /// <para>Shows which syncs whose names start with 'Test ' would be deleted.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Remove-PolytomicSync.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePolytomicSyncCommand : PolytomicCmdlet
    {
        /// <summary>The sync to delete: an id or a sync object. Takes pipeline input by property name (Id or SyncId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcessUnlessForced(Force, Named("Sync", Id), "Delete sync")) return;
            Await((c, ct) => c.DeleteSyncAsync(Id, ct));
            CurrentSession.Completion.Invalidate("syncs");
        }
    }
}
