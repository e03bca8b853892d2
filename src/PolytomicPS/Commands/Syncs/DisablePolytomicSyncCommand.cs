using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Deactivates a model sync so that its schedule no longer starts runs.</summary>
    /// <remarks>
    /// <para>Disable-PolytomicSync sends POST /api/syncs/{id}/activate with active set to false. A run already in progress is not cancelled. Enable-PolytomicSync turns the sync back on.</para>
    /// <para>Outputs nothing, or the sync as it now is with -PassThru. An unknown id is a PolytomicApi.NotFound error. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Users to CRM' | Disable-PolytomicSync
    /// </code>
    /// <para>Pauses the sync named Users to CRM.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Active | Disable-PolytomicSync -PassThru
    /// </code>
    /// <para>Pauses every active sync and shows each one afterwards.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Disable, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Disable-PolytomicSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class DisablePolytomicSyncCommand : PolytomicCmdlet
    {
        /// <summary>The sync: an id or a sync object. Takes pipeline input by property name (Id or SyncId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>Output the sync (PolytomicSync) after the change. By default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            if (!ShouldProcess(Named("Sync", Id), "Disable sync")) return;
            Await((c, ct) => c.ActivateSyncAsync(Id, false, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetSyncAsync(Id, ct)));
        }
    }
}
