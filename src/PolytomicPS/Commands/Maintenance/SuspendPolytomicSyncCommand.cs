using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Starts a maintenance window: records which model syncs and bulk syncs are active in a state file, deactivates them, and waits for or cancels the runs in flight.</summary>
    /// <remarks>
    /// <para>Suspend-PolytomicSync lists the model syncs (GET /api/syncs) and bulk syncs (GET /api/bulk/syncs), keeps those chosen by -All, -Name (wildcards) or -Id that are active now, and writes them to -StateFile before it changes anything. Then it deactivates each one (POST /api/syncs/{id}/activate, POST /api/bulk/syncs/{id}/activate), recording each in the file as it goes. Syncs that were already off are not recorded, so Resume-PolytomicSync -StateFile never turns them on.</para>
    /// <para>Deactivating stops schedules, not a run already in flight. -Wait waits until none of the recorded syncs is running (up to -TimeoutSeconds, default 3600; then a SuspendWaitTimeout error, the syncs stay off); -CancelRunning cancels their runs in flight instead (POST /api/syncs/{id}/cancel, POST /api/bulk/syncs/{id}/cancel). Without either, the runs in flight finish on their own and are reported as Running.</para>
    /// <para>Restart-safe: the state file is written whole (a temporary file renamed over it) before the first change and after each one. Run the same command again after a failure, a Ctrl+C or a killed job, and it reads the file instead of listing again: it deactivates what is recorded and not yet done, and never records a sync that it had already turned off itself. A file whose window is being resumed is refused (StateFileInUse). See docs/reliability.md.</para>
    /// <para>Outputs one PolytomicSuspendedSync per recorded sync (Kind, Name, Id, Suspended, Running). Supports -WhatIf and -Confirm: with -WhatIf nothing is written or changed.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Suspend-PolytomicSync -All -StateFile ./window.json -Wait -TimeoutSeconds 1800
    /// # ... upgrade the warehouse ...
    /// Resume-PolytomicSync -StateFile ./window.json
    /// </code>
    /// <para>Turns off every active sync and bulk sync, waits for the runs in flight to end, and afterwards turns back on exactly those.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Suspend-PolytomicSync -Name 'Users*', 'Salesforce*' -StateFile ./crm-window.json -CancelRunning
    /// </code>
    /// <para>Turns off the active syncs whose names match, cancelling their runs in flight.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Suspend, "PolytomicSync", DefaultParameterSetName = "All", HelpUri = HelpLinks.Cmdlets + "Suspend-PolytomicSync.md",
        SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicSuspendedSync))]
    public sealed class SuspendPolytomicSyncCommand : PolytomicCmdlet
    {
        /// <summary>Every active model sync and bulk sync.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "All")]
        public SwitchParameter All { get; set; }

        /// <summary>The syncs and bulk syncs whose names match (wildcards allowed).</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>The syncs and bulk syncs with these ids (Tab completes model-sync names to ids). An id that is neither is a SyncNotFound error.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id")]
        [Alias("SyncId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string[]? Id { get; set; }

        /// <summary>The state file to write (or, if it exists, to continue). Resume-PolytomicSync reads it.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string StateFile { get; set; } = "";

        /// <summary>Wait until no recorded sync is running any more.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Cancel the runs in flight of the recorded syncs.</summary>
        [Parameter]
        public SwitchParameter CancelRunning { get; set; }

        /// <summary>How long -Wait waits, in seconds (default 3600).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 3600;

        protected override object? ErrorTarget => StateFile;

        protected override void ProcessItem()
        {
            if (Wait && CancelRunning)
                throw new PolytomicInputException("ConflictingParameters", "-Wait and -CancelRunning cannot be used together: wait for the runs in flight, or cancel them.", "CancelRunning");
            var path = SuspendState.CheckPath(SessionState.Path.GetUnresolvedProviderPathFromPSPath(StateFile), StateFile);
            var patterns = Name?.Select(n => Wildcards.Get(n, "Name")).ToList();
            var state = SuspendState.TryLoad(path);
            if (state != null)
            {
                if (state.Phase == SuspendState.Resuming || state.Phase == SuspendState.Resumed)
                    throw new PolytomicInputException("StateFileInUse",
                        $"-StateFile '{StateFile}' records a window that is being resumed or was resumed; give a new state file for a new window.", "StateFile", StateFile);
                WriteVerbose($"Continuing the suspend recorded in {path} ({state.Syncs.Count} sync(s)); the syncs are not listed again.");
            }
            else
            {
                state = new SuspendState { CreatedAt = DateTimeOffset.UtcNow, OrganizationId = CurrentSession.OrganizationId };
                state.Syncs.AddRange(Record(patterns, path));
                if (!ShouldProcess(path, $"Write the state file recording {state.Syncs.Count} active sync(s)"))
                {
                    foreach (var e in state.Syncs) ShouldProcess(Describe(e), "Deactivate");
                    return;
                }
                state.Save(path);
            }
            foreach (var e in state.Syncs.Where(x => !x.Suspended && !x.Missing))
            {
                if (!ShouldProcess(Describe(e), "Deactivate")) continue;
                try
                {
                    if (e.Kind == "Sync") Await((c, ct) => c.ActivateSyncAsync(e.Id, false, ct));
                    else Await((c, ct) => c.ActivateBulkSyncAsync(e.Id, false, ct));
                    e.Suspended = true;
                }
                catch (PolytomicApiException ex) when (ex.StatusCode == 404)
                {
                    e.Missing = true;
                    WriteWarning($"{Describe(e)} no longer exists; it is recorded as missing.");
                }
                state.Save(path);
            }
            if (!state.Syncs.All(x => x.Suspended || x.Missing))
            {
                // Declined (-WhatIf, -Confirm) for some: the window is not complete, so nothing is waited for or canceled.
                foreach (var e in state.Syncs) WriteObject(e);
                return;
            }
            if (state.Phase != SuspendState.Suspended && ShouldProcess(path, "Mark the window as suspended"))
            {
                state.Phase = SuspendState.Suspended;
                state.Save(path);
            }
            var active = state.Syncs.Where(x => x.Suspended).ToList();
            if (CancelRunning) Cancel(active);
            else if (Wait) WaitForRuns(active, path);
            else foreach (var e in active) e.Running = IsRunning(e);
            foreach (var e in state.Syncs) WriteObject(e);
        }

        private List<PolytomicSuspendedSync> Record(List<WildcardPattern>? patterns, string path)
        {
            var found = new List<PolytomicSuspendedSync>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool Chosen(string id, string? name) =>
                All || (Id != null && Id.Contains(id, StringComparer.OrdinalIgnoreCase)) || (patterns != null && patterns.Any(p => p.IsMatch(name ?? "")));
            foreach (var s in Paged<PolytomicSync>((c, token, ct) => c.ListSyncsPageAsync(null, token, null, ct)))
            {
                seen.Add(s.Id);
                if (s.Active == true && Chosen(s.Id, s.Name)) found.Add(new PolytomicSuspendedSync { Kind = "Sync", Id = s.Id, Name = s.Name, StateFile = path });
            }
            foreach (var b in Paged<PolytomicBulkSync>((c, token, ct) => c.ListBulkSyncsPageAsync(null, token, ct)))
            {
                seen.Add(b.Id);
                if (b.Active && Chosen(b.Id, b.Name)) found.Add(new PolytomicSuspendedSync { Kind = "BulkSync", Id = b.Id, Name = b.Name, StateFile = path });
            }
            foreach (var id in Id ?? Array.Empty<string>())
                if (!seen.Contains(id)) WriteError(ErrorFactory.NotFound("SyncNotFound", "sync or bulk sync", id));
            return found;
        }

        private string Describe(PolytomicSuspendedSync e) => Named(e.Kind == "Sync" ? "Sync" : "Bulk sync", e.Id);

        private bool IsRunning(PolytomicSuspendedSync e) => RunInFlight(e) != null;

        private string? RunInFlight(PolytomicSuspendedSync e) => Await((c, ct) => RunInFlightAsync(c, e, ct));

        /// <summary>The id of the sync's run in flight, or null: its kind's current run, unless that has ended.</summary>
        private static Task<string?> RunInFlightAsync(PolytomicClient client, PolytomicSuspendedSync e, CancellationToken ct) => e.Kind == "Sync"
            ? RunInFlightAsync(SyncRunKind.Instance, client, e.Id, ct)
            : RunInFlightAsync(BulkSyncRunKind.Instance, client, e.Id, ct);

        private static async Task<string?> RunInFlightAsync<TRun>(RunKind<TRun> kind, PolytomicClient client, string syncId, CancellationToken ct) where TRun : class
        {
            var (current, _) = await kind.FindAsync(client, syncId, ct).ConfigureAwait(false);
            return current != null && !kind.HasEnded(current) ? kind.IdOf(current) : null;
        }

        private void Cancel(List<PolytomicSuspendedSync> syncs)
        {
            foreach (var e in syncs)
            {
                var run = RunInFlight(e);
                if (run == null || !ShouldProcess(Describe(e), "Cancel the run in flight")) continue;
                if (e.Kind == "Sync") Await((c, ct) => c.CancelSyncAsync(e.Id, ct));
                else Await((c, ct) => c.CancelBulkSyncAsync(e.Id, null, null, ct));
                e.CanceledExecutionId = run;
            }
        }

        private void WaitForRuns(List<PolytomicSuspendedSync> syncs, string path)
        {
            var options = new PollOptions("Waiting for the runs in flight", TimeoutSeconds, 1) { PercentOfTimeout = true, ProgressId = 0x5A5E };
            var result = Poll(options, (IReadOnlyList<PolytomicSuspendedSync>)syncs, async (c, ct) =>
            {
                var running = new List<PolytomicSuspendedSync>();
                foreach (var e in syncs)
                    if (await RunInFlightAsync(c, e, ct).ConfigureAwait(false) != null) running.Add(e);
                return (IReadOnlyList<PolytomicSuspendedSync>)running;
            }, running => running.Count == 0, running => $"{running.Count} run(s) in flight: " + string.Join(", ", running.Take(5).Select(e => e.Name ?? e.Id)));
            foreach (var e in syncs) e.Running = result.Last.Contains(e);
            if (result.TimedOut)
                WriteError(ErrorFactory.About(path, "SuspendWaitTimeout", ErrorCategory.OperationTimeout,
                    $"{result.Last.Count} run(s) were still in flight after {TimeoutSeconds} s{result.PendingText}; the syncs stay deactivated.",
                    "Wait again (run the same Suspend-PolytomicSync), or cancel the runs with -CancelRunning."));
        }
    }
}
