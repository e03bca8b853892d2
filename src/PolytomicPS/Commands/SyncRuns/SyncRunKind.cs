using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>A model-sync run (POST/GET /api/syncs/{id}/executions, GET /api/syncs/{id}/status).</summary>
    internal sealed class SyncRunKind : RunKind<PolytomicSyncExecution, StartSyncRequest>
    {
        public static readonly SyncRunKind Instance = new SyncRunKind();

        public override string Noun => "Sync";
        public override string ErrorPrefix => "Sync";
        public override string StartCmdlet => "Start-PolytomicSync";
        public override string StopCmdlet => "Stop-PolytomicSync";

        public override string IdOf(PolytomicSyncExecution run) => run.Id;
        public override string SyncIdOf(PolytomicSyncExecution run) => run.SyncId;
        public override string? StatusOf(PolytomicSyncExecution run) => run.Status;
        public override PolytomicSyncExecution Known(string syncId, string runId) => new PolytomicSyncExecution { SyncId = syncId, Id = runId };

        public override Task<PolytomicSyncExecution> StartAsync(PolytomicClient client, string syncId, StartSyncRequest request, string? idempotencyKey, CancellationToken ct) =>
            client.StartSyncAsync(syncId, request, ct, idempotencyKey);

        public override Task<PolytomicSyncExecution> ReadAsync(PolytomicClient client, PolytomicSyncExecution run, CancellationToken ct) =>
            client.GetSyncExecutionAsync(run.SyncId, run.Id, ct);

        public override async Task<(PolytomicSyncExecution? Current, PolytomicSyncExecution? Last)> FindAsync(PolytomicClient client, string syncId, CancellationToken ct)
        {
            var status = await client.GetSyncStatusAsync(syncId, ct).ConfigureAwait(false);
            return (status.CurrentExecution, status.LastExecution);
        }

        public override bool HasEnded(PolytomicSyncExecution run) => run.IsTerminal;

        public override string Progress(PolytomicSyncExecution run)
        {
            var c = run.Counts;
            return c == null || run.Status == "created" || run.Status == "queued" ? run.Status ?? "?"
                : $"{run.Status}: {c.Total ?? 0} records (inserted {c.Insert ?? 0}, updated {c.Update ?? 0}, deleted {c.Delete ?? 0}, errors {c.Error ?? 0})";
        }

        public override RunOutcome? Outcome(PolytomicSyncExecution run, string named)
        {
            if (run.Status == "failed")
                return RunOutcome.Error("SyncExecutionFailed", ErrorCategory.InvalidResult,
                    $"Run {run.Id} of {named} failed" + (run.Errors != null && run.Errors.Count > 0 ? ": " + string.Join("; ", run.Errors) : "."),
                    "Read the run's errors with Get-PolytomicSyncLog -Type errors (the execution is the error's TargetObject).");
            if (run.Status == "canceled")
                return RunOutcome.Error("SyncExecutionCanceled", ErrorCategory.OperationStopped, $"Run {run.Id} of {named} was canceled.", null);
            if (run.ErrorCount > 0)
                return RunOutcome.Warning($"Run {run.Id} of {named} completed with {run.ErrorCount} record error(s); Get-PolytomicSyncLog -Type errors lists them.");
            return null;
        }
    }
}
