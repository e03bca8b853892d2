using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Ends a maintenance window: reactivates exactly the syncs and bulk syncs that Suspend-PolytomicSync recorded in the state file.</summary>
    /// <remarks>
    /// <para>Resume-PolytomicSync reads -StateFile and reactivates each recorded sync (POST /api/syncs/{id}/activate, POST /api/bulk/syncs/{id}/activate), and nothing else: syncs that were off when the window began, and syncs created since, are left as they are.</para>
    /// <para>Restart-safe: the file is marked resuming (written whole: a temporary file renamed over it) before the first change, and each sync is recorded as resumed as soon as it is. Run it again after a failure, a Ctrl+C or a killed job and it reactivates only what is left; run it on a finished window and it changes nothing. A suspend that was itself interrupted can be resumed: every recorded sync was active when the file was written. A sync deleted meanwhile is a warning and is recorded as missing. See docs/reliability.md.</para>
    /// <para>A missing file is StateFileNotFound; a file that is not a state file is InvalidStateFile (it is never changed). Outputs one PolytomicSuspendedSync per recorded sync. Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Suspend-PolytomicSync -All -StateFile ./window.json -Wait
    /// Resume-PolytomicSync -StateFile ./window.json
    /// </code>
    /// <para>Turns everything that was active back on after the window.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Suspend-PolytomicSync -Name 'Users*' -StateFile ./window.json
    /// Resume-PolytomicSync -StateFile ./window.json -WhatIf
    /// </code>
    /// <para>Shows which syncs the resume would turn back on, without changing anything.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Resume, "PolytomicSync", HelpUri = HelpLinks.Cmdlets + "Resume-PolytomicSync.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSuspendedSync))]
    public sealed class ResumePolytomicSyncCommand : PolytomicCmdlet
    {
        /// <summary>The state file Suspend-PolytomicSync wrote.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string StateFile { get; set; } = "";

        protected override object? ErrorTarget => StateFile;

        protected override void ProcessItem()
        {
            var path = SuspendState.CheckPath(SessionState.Path.GetUnresolvedProviderPathFromPSPath(StateFile), StateFile);
            var state = SuspendState.TryLoad(path) ?? throw new PolytomicInputException("StateFileNotFound",
                $"-StateFile '{StateFile}' does not exist; give the file Suspend-PolytomicSync wrote.", "StateFile", StateFile);
            if (state.Phase == SuspendState.Suspending || state.Phase == SuspendState.Suspended)
            {
                if (!ShouldProcess(path, "Mark the window as resuming"))
                {
                    foreach (var e in state.Syncs.Where(x => !x.Resumed && !x.Missing)) ShouldProcess(Describe(e), "Reactivate");
                    return;
                }
                state.Phase = SuspendState.Resuming;
                state.Save(path);
            }
            foreach (var e in state.Syncs.Where(x => !x.Resumed && !x.Missing))
            {
                if (!ShouldProcess(Describe(e), "Reactivate")) continue;
                try
                {
                    if (e.Kind == "Sync") Await((c, ct) => c.ActivateSyncAsync(e.Id, true, ct));
                    else Await((c, ct) => c.ActivateBulkSyncAsync(e.Id, true, ct));
                    e.Resumed = true;
                }
                catch (PolytomicApiException ex) when (ex.StatusCode == 404)
                {
                    e.Missing = true;
                    WriteWarning($"{Describe(e)} no longer exists; it is recorded as missing.");
                }
                state.Save(path);
            }
            if (state.Phase != SuspendState.Resumed && state.Syncs.All(x => x.Resumed || x.Missing) && ShouldProcess(path, "Mark the window as resumed"))
            {
                state.Phase = SuspendState.Resumed;
                state.Save(path);
            }
            foreach (var e in state.Syncs) WriteObject(e);
        }

        private string Describe(PolytomicSuspendedSync e) => Named(e.Kind == "Sync" ? "Sync" : "Bulk sync", e.Id);
    }
}
