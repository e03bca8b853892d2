using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>The wait shared by Wait-PolytomicBulkSyncExecution and Start-PolytomicBulkSync -Wait: polls with backoff
    /// until a terminal status, showing the run and each schema's record count as progress; a failed, interrupted or
    /// canceled run (or a timeout) becomes an error record whose TargetObject is the execution, as for model syncs.</summary>
    public abstract class BulkSyncRunCmdlet : RunWaitCmdlet
    {
        /// <summary>Waits for the run; returns it as it last was (terminal unless the wait timed out).</summary>
        protected PolytomicBulkSyncExecution WaitForBulkRun(PolytomicBulkSyncExecution run, int timeoutSeconds, double pollIntervalSeconds)
        {
            var parentId = Math.Abs(run.Id.GetHashCode() % 1000000) * 100 + 1;
            var progress = new ProgressRecord(parentId, $"{Named("Bulk sync", run.SyncId)}: run {ObjectNames.Short(run.Id)}", "Checking");
            var schemas = new Dictionary<string, ProgressRecord>(StringComparer.Ordinal);
            bool timedOut;
            try
            {
                run = PollUntilDone(run, r => Await((c, ct) => c.GetBulkSyncExecutionAsync(r.SyncId, r.Id, ct)), r => r.IsTerminal,
                    (r, waited) =>
                    {
                        progress.StatusDescription = $"{r.Status}: {r.RecordCount ?? 0} records in {r.Schemas.Count} schema(s) ({waited.TotalSeconds:0} s)";
                        WriteProgress(progress);
                        ShowSchemas(r, parentId, schemas);
                    },
                    r => $"Run {r.Id}: {r.Status}, {r.RecordCount ?? 0} records", timeoutSeconds, pollIntervalSeconds, out timedOut);
            }
            finally
            {
                foreach (var child in schemas.Values)
                {
                    child.RecordType = ProgressRecordType.Completed;
                    WriteProgress(child);
                }
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
            if (timedOut)
            {
                WriteError(RunError(run, "BulkSyncExecutionTimeout", System.Management.Automation.ErrorCategory.OperationTimeout,
                    $"Run {run.Id} of {Named("bulk sync", run.SyncId)} was still '{run.Status}' after {timeoutSeconds} s.",
                    "Wait longer with -TimeoutSeconds, or stop it with Stop-PolytomicBulkSync."));
                return run;
            }

            var failed = run.Schemas.Where(s => s.Status == "failed" || s.Status == "interrupted").ToList();
            if (run.Status == "failed" || run.Status == "interrupted")
                WriteError(RunError(run, "BulkSyncExecutionFailed", System.Management.Automation.ErrorCategory.InvalidResult,
                    $"Run {run.Id} of {Named("bulk sync", run.SyncId)} {run.Status}" + Reasons(run, failed),
                    "Read the run's console log with Get-PolytomicConsoleLog (2025-09-18) or its logs with Get-PolytomicBulkSyncLog (the execution is the error's TargetObject)."));
            else if (run.Status == "canceled")
                WriteError(RunError(run, "BulkSyncExecutionCanceled", System.Management.Automation.ErrorCategory.OperationStopped,
                    $"Run {run.Id} of {Named("bulk sync", run.SyncId)} was canceled.", null));
            else if (run.Status == "errors" || run.ErrorCount > 0 || failed.Count > 0)
                WriteWarning($"Run {run.Id} of {Named("bulk sync", run.SyncId)} ended '{run.Status}' with {run.ErrorCount ?? 0} record error(s)"
                    + (failed.Count > 0 ? "; failed schemas: " + string.Join(", ", failed.Select(s => s.Schema)) : "")
                    + "; Get-PolytomicBulkSyncLog lists them.");
            return run;
        }

        /// <summary>One child progress record per schema, under the run's, with its status and record count.</summary>
        private void ShowSchemas(PolytomicBulkSyncExecution run, int parentId, Dictionary<string, ProgressRecord> shown)
        {
            foreach (var schema in run.Schemas)
            {
                var key = schema.Schema ?? "";
                if (!shown.TryGetValue(key, out var child))
                {
                    if (shown.Count >= 98) continue; // ids parentId+1 … parentId+98 stay this run's
                    shown[key] = child = new ProgressRecord(parentId + shown.Count + 1, "Schema " + key, "created") { ParentActivityId = parentId };
                }
                child.StatusDescription = $"{schema.Status}: {schema.RecordCount ?? 0} records" + (schema.ErrorCount > 0 ? $", {schema.ErrorCount} errors" : "");
                WriteProgress(child);
            }
        }

        private static string Reasons(PolytomicBulkSyncExecution run, List<PolytomicBulkSchemaExecution> failed)
        {
            var parts = failed.Select(s => string.IsNullOrEmpty(s.StatusMessage) ? s.Schema : $"{s.Schema} ({s.StatusMessage})").ToList();
            if (parts.Count > 0) return ": " + string.Join("; ", parts);
            return string.IsNullOrEmpty(run.StatusMessage) ? "." : ": " + run.StatusMessage;
        }

        /// <summary>The bulk sync's run in progress, or null.</summary>
        protected PolytomicBulkSyncExecution? CurrentBulkRun(string syncId) => Await((c, ct) => c.GetBulkSyncStatusAsync(syncId, ct)).CurrentExecution;
    }
}
