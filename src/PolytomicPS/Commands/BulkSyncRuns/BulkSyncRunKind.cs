using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>A bulk-sync run (POST/GET /api/bulk/syncs/{id}/executions, GET /api/bulk/syncs/{id}/status), with one
    /// progress part per schema.</summary>
    internal sealed class BulkSyncRunKind : RunKind<PolytomicBulkSyncExecution, StartBulkSyncRequest>
    {
        public static readonly BulkSyncRunKind Instance = new BulkSyncRunKind();

        public override string Noun => "Bulk sync";
        public override string ErrorPrefix => "BulkSync";
        public override string StartCmdlet => "Start-PolytomicBulkSync";
        public override string StopCmdlet => "Stop-PolytomicBulkSync";

        public override string IdOf(PolytomicBulkSyncExecution run) => run.Id;
        public override string SyncIdOf(PolytomicBulkSyncExecution run) => run.SyncId;
        public override string? StatusOf(PolytomicBulkSyncExecution run) => run.Status;
        public override PolytomicBulkSyncExecution Known(string syncId, string runId) => new PolytomicBulkSyncExecution { SyncId = syncId, Id = runId };

        public override Task<PolytomicBulkSyncExecution> StartAsync(PolytomicClient client, string syncId, StartBulkSyncRequest request, string? idempotencyKey, CancellationToken ct) =>
            client.StartBulkSyncAsync(syncId, request, ct, idempotencyKey);

        public override Task<PolytomicBulkSyncExecution> ReadAsync(PolytomicClient client, PolytomicBulkSyncExecution run, CancellationToken ct) =>
            client.GetBulkSyncExecutionAsync(run.SyncId, run.Id, ct);

        public override async Task<(PolytomicBulkSyncExecution? Current, PolytomicBulkSyncExecution? Last)> FindAsync(PolytomicClient client, string syncId, CancellationToken ct)
        {
            var status = await client.GetBulkSyncStatusAsync(syncId, ct).ConfigureAwait(false);
            return (status.CurrentExecution, status.LastExecution);
        }

        public override bool HasEnded(PolytomicBulkSyncExecution run) => run.IsTerminal;

        public override string Progress(PolytomicBulkSyncExecution run) =>
            $"{run.Status}: {run.RecordCount ?? 0} records in {run.Schemas.Count} schema(s)";

        public override IEnumerable<(string Name, string Status)> Parts(PolytomicBulkSyncExecution run) =>
            run.Schemas.Select(s => (s.Schema ?? "", $"{s.Status}: {s.RecordCount ?? 0} records" + (s.ErrorCount > 0 ? $", {s.ErrorCount} errors" : "")));

        public override RunOutcome? Outcome(PolytomicBulkSyncExecution run, string named)
        {
            var failed = run.Schemas.Where(s => s.Status == "failed" || s.Status == "interrupted").ToList();
            if (run.Status == "failed" || run.Status == "interrupted")
                return RunOutcome.Error("BulkSyncExecutionFailed", ErrorCategory.InvalidResult, $"Run {run.Id} of {named} {run.Status}" + Reasons(run, failed),
                    "Read the run's console log with Get-PolytomicConsoleLog (2025-09-18) or its logs with Get-PolytomicBulkSyncLog (the execution is the error's TargetObject).");
            if (run.Status == "canceled")
                return RunOutcome.Error("BulkSyncExecutionCanceled", ErrorCategory.OperationStopped, $"Run {run.Id} of {named} was canceled.", null);
            if (run.Status == "errors" || run.ErrorCount > 0 || failed.Count > 0)
                return RunOutcome.Warning($"Run {run.Id} of {named} ended '{run.Status}' with {run.ErrorCount ?? 0} record error(s)"
                    + (failed.Count > 0 ? "; failed schemas: " + string.Join(", ", failed.Select(s => s.Schema)) : "")
                    + "; Get-PolytomicBulkSyncLog lists them.");
            return null;
        }

        private static string Reasons(PolytomicBulkSyncExecution run, List<PolytomicBulkSchemaExecution> failed)
        {
            var parts = failed.Select(s => string.IsNullOrEmpty(s.StatusMessage) ? s.Schema : $"{s.Schema} ({s.StatusMessage})").ToList();
            if (parts.Count > 0) return ": " + string.Join("; ", parts);
            return string.IsNullOrEmpty(run.StatusMessage) ? "." : ": " + run.StatusMessage;
        }
    }
}
