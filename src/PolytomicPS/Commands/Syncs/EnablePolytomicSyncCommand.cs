using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Activates a model sync so that its schedule starts runs.</summary>
    /// <remarks>
    /// <para>Enable-PolytomicSync sends POST /api/syncs/{id}/activate with active set to true.</para>
    /// <para>Outputs nothing, or the sync as it now is with -PassThru. An unknown id is a PolytomicApi.NotFound error. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSync -Name 'Users to CRM' | Enable-PolytomicSync -PassThru
    /// </code>
    /// <para>Activates the sync and outputs it, showing Active as True.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Enable-PolytomicSync -Id $sync.Id -WhatIf
    /// </code>
    /// <para>Shows which sync would be activated without changing it.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Enable, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Enable-PolytomicSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSync))]
    public sealed class EnablePolytomicSyncCommand : PolytomicCmdlet
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
            if (!ShouldProcess(Named("Sync", Id), "Enable sync")) return;
            Await((c, ct) => c.ActivateSyncAsync(Id, true, ct));
            if (PassThru) WriteObject(Await((c, ct) => c.GetSyncAsync(Id, ct)));
        }
    }
}
