using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>The Start- and Wait- cmdlets of every run kind (<see cref="RunKind{TRun}"/>): starting (a 409 is
    /// {Prefix}AlreadyRunning with the run in progress as its target, or with -Wait that run is waited for), and waiting
    /// through the one Poll, each outcome an error record whose TargetObject is the run. Not generic itself: the
    /// exported cmdlet types must load without Polytomic.Client (see PolytomicCmdlet.Relay).</summary>
    public abstract class RunCmdlet : PolytomicCmdlet
    {
        /// <summary>How long to wait for the run, in seconds, before giving up with a timeout error (SyncExecutionTimeout, or BulkSyncExecutionTimeout for a bulk sync; default 3600). Start- cmdlets wait only with -Wait.</summary>
        [Parameter]
        [ValidateRange(1, 7 * 86400)]
        public int TimeoutSeconds { get; set; } = 3600;

        /// <summary>Seconds before the first check of the run (default 1; Start- cmdlets check only with -Wait); later checks back off up to 15 seconds apart.</summary>
        [Parameter]
        [ValidateRange(0.01, 300)]
        public double PollIntervalSeconds { get; set; } = 1;

        /// <summary>Start-: starts a run (or finds the one in progress), waits for it with -Wait, and outputs it.</summary>
        private protected void StartRun<TRun, TRequest>(RunKind<TRun, TRequest> kind, string syncId, TRequest request, string? idempotencyKey,
            bool wait) where TRun : class
        {
            var timeoutSeconds = TimeoutSeconds;
            TRun run;
            try
            {
                run = Await((c, ct) => kind.StartAsync(c, syncId, request, idempotencyKey, ct));
            }
            catch (PolytomicApiException ex) when (ex.StatusCode == 409)
            {
                TRun? current;
                if (!wait) current = Await((c, ct) => kind.FindAsync(c, syncId, ct)).Current;
                else if (!TryFind(kind, syncId, ref timeoutSeconds, out current, out _)) return;
                if (!wait || current == null)
                {
                    var name = Named(kind.Noun, syncId);
                    WriteError(ErrorFactory.About((object?)current ?? syncId, kind.ErrorPrefix + "AlreadyRunning", ErrorCategory.ResourceBusy,
                        $"{name} is already running" + (current != null ? $" (run {kind.IdOf(current)}, {kind.StatusOf(current)})." : "."),
                        $"Add -Wait to wait for the run in progress, or stop it with {kind.StopCmdlet}.", ex));
                    return;
                }
                WriteVerbose($"{Named(kind.Noun, syncId)} is already running (run {kind.IdOf(current)}); waiting for that run.");
                run = current;
            }
            if (wait) run = WaitRun(kind, run, timeoutSeconds);
            WriteObject(run);
        }

        /// <summary>Wait-: waits for the run given, or else the sync's current (or last) run.</summary>
        private protected void WaitForRun<TRun>(RunKind<TRun> kind, string syncId, string? executionId, bool passThru) where TRun : class
        {
            var timeoutSeconds = TimeoutSeconds;
            TRun run;
            if (executionId != null) run = kind.Known(syncId, Polytomic.Http.ApiPath.Id(executionId, "execution id"));
            else
            {
                if (!TryFind(kind, syncId, ref timeoutSeconds, out var current, out var last)) return;
                var found = current ?? last;
                if (found == null)
                {
                    WriteError(ErrorFactory.Input("No" + kind.ErrorPrefix + "Execution", $"{Named(kind.Noun, syncId)} has no run to wait for.",
                        ErrorCategory.ObjectNotFound, syncId, $"Start one with {kind.StartCmdlet}."));
                    return;
                }
                run = found;
            }
            run = WaitRun(kind, run, timeoutSeconds);
            if (passThru) WriteObject(run);
        }

        /// <summary>Reads the sync's current and last run within the wait's time limit (the lookup is part of the wait):
        /// false, with the timeout error written, when the time ran out first; else the time left (at least a second).</summary>
        private bool TryFind<TRun>(RunKind<TRun> kind, string syncId, ref int timeoutSeconds, out TRun? current, out TRun? last) where TRun : class
        {
            var options = new PollOptions($"{Named(kind.Noun, syncId)}: finding its run", timeoutSeconds, 0);
            var result = Poll(options, ((TRun?)null, (TRun?)null), (c, ct) => kind.FindAsync(c, syncId, ct), _ => true, _ => "");
            (current, last) = result.Last;
            if (result.Done)
            {
                timeoutSeconds = Math.Max(1, timeoutSeconds - (int)Math.Floor(result.Elapsed.TotalSeconds));
                return true;
            }
            WriteError(ErrorFactory.About(syncId, kind.ErrorPrefix + "ExecutionTimeout", ErrorCategory.OperationTimeout,
                $"The run of {Named(kind.Noun, syncId)} could not be read within {timeoutSeconds} s{result.PendingText}.",
                "Wait longer with -TimeoutSeconds."));
            return false;
        }

        /// <summary>Polls the run until it ends or the time is up; writes the error (or warning) its outcome calls for
        /// and returns it as last read.</summary>
        private TRun WaitRun<TRun>(RunKind<TRun> kind, TRun run, int timeoutSeconds) where TRun : class
        {
            var runId = kind.IdOf(run);
            var syncId = kind.SyncIdOf(run);
            var parentId = Math.Abs(runId.GetHashCode() % 1000000) * 100 + 1;
            var parts = new Dictionary<string, ProgressRecord>(StringComparer.Ordinal);
            var options = new PollOptions($"{Named(kind.Noun, syncId)}: run {ObjectNames.Short(runId)}", timeoutSeconds, PollIntervalSeconds)
            {
                ProgressId = parentId,
            };
            PollResult<TRun> result;
            try
            {
                result = Poll(options, run, (c, ct) => kind.ReadAsync(c, run, ct), kind.HasEnded, kind.Progress, r => ShowParts(kind, r, parentId, parts));
            }
            finally
            {
                foreach (var child in parts.Values)
                {
                    child.RecordType = ProgressRecordType.Completed;
                    WriteProgress(child);
                }
            }
            run = result.Last;
            var name = Named(kind.Noun, syncId);
            if (result.TimedOut)
            {
                WriteError(ErrorFactory.About(run, kind.ErrorPrefix + "ExecutionTimeout", ErrorCategory.OperationTimeout,
                    $"Run {runId} of {name} was still '{kind.StatusOf(run) ?? "unread"}' after {timeoutSeconds} s{result.PendingText}.",
                    $"Wait longer with -TimeoutSeconds, or stop it with {kind.StopCmdlet}."));
                return run;
            }
            var outcome = kind.Outcome(run, name);
            if (outcome?.ErrorId != null) WriteError(ErrorFactory.About(run, outcome.ErrorId, outcome.Category, outcome.Message, outcome.Action));
            else if (outcome != null) WriteWarning(outcome.Message);
            return run;
        }

        /// <summary>One child progress record per part (schema), under the run's.</summary>
        private void ShowParts<TRun>(RunKind<TRun> kind, TRun run, int parentId, Dictionary<string, ProgressRecord> shown) where TRun : class
        {
            foreach (var (part, status) in kind.Parts(run))
            {
                if (!shown.TryGetValue(part, out var child))
                {
                    if (shown.Count >= 98) continue; // ids parentId+1 … parentId+98 stay this run's
                    shown[part] = child = new ProgressRecord(parentId + shown.Count + 1, "Schema " + part, "created") { ParentActivityId = parentId };
                }
                child.StatusDescription = status;
                WriteProgress(child);
            }
        }
    }
}
