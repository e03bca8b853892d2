using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Http;

namespace PolytomicPS
{
    /// <summary>Base of every API cmdlet: resolves the session, runs client calls on the pipeline thread with Ctrl+C
    /// cancellation, relays the client's per-attempt notes as verbose records, and turns failures into ErrorRecords.</summary>
    public abstract class PolytomicCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private BlockingCollection<Action>? pending;

        /// <summary>The session to use; defaults to the one Connect-Polytomic made for this runspace.</summary>
        [Parameter]
        [ValidateNotNull]
        public PolytomicSession? Session { get; set; }

        protected CancellationToken StopToken => stopping.Token;

        protected PolytomicSession CurrentSession
        {
            get
            {
                var s = Session ?? SessionStore.Current;
                if (s == null)
                    ThrowTerminatingError(ErrorFactory.Input("NoSession",
                        "There is no Polytomic session. Run Connect-Polytomic first, or pass -Session.",
                        ErrorCategory.AuthenticationError, null, "Run Connect-Polytomic -ApiKey <key>."));
                if (s!.IsDisposed)
                    ThrowTerminatingError(ErrorFactory.Input("SessionClosed",
                        "This Polytomic session was closed by Disconnect-Polytomic. Run Connect-Polytomic again.",
                        ErrorCategory.InvalidOperation, s, "Run Connect-Polytomic."));
                return s;
            }
        }

        protected PolytomicClient Client => CurrentSession.Client;

        /// <summary>The work for one pipeline input. Failures on it become non-terminating errors.</summary>
        protected abstract void ProcessItem();

        /// <summary>What failures of the current item are about (an id, a name).</summary>
        protected virtual object? ErrorTarget => null;

        protected sealed override void ProcessRecord()
        {
            try
            {
                InputText.CheckBound(MyInvocation.BoundParameters);
                ProcessItem();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (PolytomicApiException ex) when (ex.Kind == PolytomicErrorKind.ReadOnly)
            {
                // Stops the command: a read-only session refuses its every change, so the next input would be refused too.
                ThrowTerminatingError(ErrorFactory.ReadOnly(MyInvocation.MyCommand.Name, ex, ErrorTarget));
            }
            catch (PolytomicApiException ex)
            {
                WriteError(ErrorFactory.FromApi(ex, ErrorTarget));
            }
            catch (PolytomicInputException ex)
            {
                WriteError(ErrorFactory.FromInput(ex));
            }
        }

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Runs an async client call and blocks the pipeline thread until it ends, writing the call's verbose
        /// notes as they arrive (never from another thread).</summary>
        protected T Await<T>(Func<PolytomicClient, CancellationToken, Task<T>> call) => Await(call, relay: false);

        /// <summary>As Await, but always relays: for calls that Post() their own progress records.</summary>
        protected T AwaitRelayed<T>(Func<PolytomicClient, CancellationToken, Task<T>> call) => Await(call, relay: true);

        private T Await<T>(Func<PolytomicClient, CancellationToken, Task<T>> call, bool relay)
        {
            var client = Client;
            if (!relay && !Observing)
            {
                // Nobody would see the notes: skip the relay and simply wait (the common, fast path).
                return call(client, stopping.Token).GetAwaiter().GetResult();
            }
            var queue = new BlockingCollection<Action>();
            pending = queue;
            Task<T> task;
            PolytomicClient.Observer = new Relay(this);
            try { task = call(client, stopping.Token); }
            finally { PolytomicClient.Observer = null; }
            task.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var write in queue.GetConsumingEnumerable()) write();
            pending = null;
            return task.GetAwaiter().GetResult();
        }

        private bool? observing;

        /// <summary>Every verbose note of the module's cmdlets goes through <see cref="Notes"/>, so -Debug alone never
        /// makes PowerShell stop and ask at each one.</summary>
        protected new void WriteVerbose(string text) => Notes.Write(this, text);

        /// <summary>Whether verbose or debug records of this command would be shown (or collected).</summary>
        private bool Observing => observing ??= Wants("Verbose", "VerbosePreference") || Wants("Debug", "DebugPreference");

        private bool Wants(string parameter, string preference)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var bound))
                return bound is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(bound);
            var value = GetVariableValue(preference);
            if (value is ActionPreference ap) return ap != ActionPreference.SilentlyContinue && ap != ActionPreference.Ignore;
            return value != null && Enum.TryParse<ActionPreference>(value.ToString(), true, out var parsed)
                && parsed != ActionPreference.SilentlyContinue && parsed != ActionPreference.Ignore;
        }

        protected void Await(Func<PolytomicClient, CancellationToken, Task> call) =>
            Await<bool>(async (c, ct) => { await call(c, ct).ConfigureAwait(false); return true; });

        /// <summary>Runs a call that Polytomic refuses while a connection's schema cache is still filling (a new
        /// connection): waits and calls again, bounded by timeoutSeconds, with a progress bar. Each attempt is a
        /// new call with a fresh Idempotency-Key (see PolytomicClient.RetryWhileSchemasCacheAsync), so a create retried
        /// here cannot create twice. Any create that depends on the schema cache should use this.</summary>
        protected T AwaitSchemaCache<T>(string activity, int timeoutSeconds, Func<PolytomicClient, CancellationToken, Task<T>> call)
        {
            var progress = new ProgressRecord(0x5C4E, activity, "Waiting for Polytomic to cache the connection's schemas");
            bool shown = false;
            try
            {
                return AwaitRelayed((c, ct) => c.RetryWhileSchemasCacheAsync(token => call(c, token), TimeSpan.FromSeconds(timeoutSeconds), wait => Post(() =>
                {
                    shown = true;
                    progress.StatusDescription = $"Schemas not cached yet (attempt {wait.Attempt}, {wait.Elapsed.TotalSeconds:0.#} s of {timeoutSeconds} s); retrying in {wait.Delay.TotalSeconds:0.#} s";
                    progress.PercentComplete = (int)Math.Min(99, 100 * wait.Elapsed.TotalSeconds / Math.Max(1, timeoutSeconds));
                    WriteProgress(progress);
                    WriteVerbose($"{activity}: {wait.Message} Retrying in {wait.Delay.TotalSeconds:0.#} s.");
                }), ct));
            }
            finally
            {
                if (shown)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
            }
        }

        /// <summary>A connection type's schema through the session cache; an unknown type is a clear input error.</summary>
        protected Polytomic.Models.PolytomicConnectionTypeSchema GetTypeSchema(string type)
        {
            var session = CurrentSession;
            try
            {
                return Await((c, ct) => session.GetTypeSchemaAsync(type, ct));
            }
            catch (PolytomicApiException ex) when (ex.StatusCode == 404)
            {
                throw new PolytomicInputException("UnknownConnectionType",
                    $"'{type}' is not a Polytomic connection type. Get-PolytomicConnectionType lists them (Tab completes -Type).", "Type", type);
            }
        }

        /// <summary>One call per id, each output as it comes; a failure on one id is that id's error and the rest go on.</summary>
        protected void WriteEach(IEnumerable<string> ids, Func<string, object?> get)
        {
            foreach (var id in ids)
            {
                try { WriteObject(get(id)); }
                catch (PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                catch (PolytomicInputException ex) { WriteError(ErrorFactory.FromInput(ex)); }
            }
        }

        /// <summary>Streams a paged list: each page's items are yielded as it arrives while the following pages are
        /// already being fetched (see PageStream: a bounded look-ahead, so memory stays flat and Polytomic, the network
        /// and the pipeline overlap). No page is fetched beyond what <paramref name="wanted"/> items need (see PagingWindow).</summary>
        protected IEnumerable<T> Paged<T>(Func<PolytomicClient, string?, CancellationToken, Task<Polytomic.Http.Page<T>>> fetch, ulong wanted = ulong.MaxValue)
        {
            var client = Client;
            var stream = new Polytomic.Http.PageStream<T>(token => fetch(client, token, stopping.Token), wanted);
            try
            {
                while (stream.Next() is Task<Polytomic.Http.Page<T>> next)
                {
                    var page = WaitQuietly(next);
                    if (page.Count == 0) stream.FirstItemOut(); // nothing to show first: go on at once
                    foreach (var item in page.Items)
                    {
                        yield return item;
                        stream.FirstItemOut();
                    }
                }
            }
            finally
            {
                stream.Stop();
            }
        }

        /// <summary>Blocks on a page without spinning first (as Task waits do): a page is a round trip away, and a
        /// spinning waiter takes a core from the threads fetching it (BENCHMARKS.md, streaming).</summary>
        private T WaitQuietly<T>(Task<T> task)
        {
            if (!task.IsCompleted)
            {
                var done = new ManualResetEventSlim(false, spinCount: 0);
                task.ContinueWith((_, state) => ((ManualResetEventSlim)state!).Set(), done, CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                done.Wait(stopping.Token);
            }
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Sleeps on the pipeline thread; Ctrl+C ends it at once.</summary>
        protected void Sleep(TimeSpan delay)
        {
            if (stopping.Token.WaitHandle.WaitOne(delay)) throw new PipelineStoppedException();
        }

        /// <summary>Outputs an object. Connections, models, syncs and bulk syncs also teach the session their names, so
        /// later progress titles and -WhatIf targets can name them (<see cref="Named"/>).</summary>
        protected new void WriteObject(object? sendToPipeline)
        {
            ObjectNames.Learn(Session ?? SessionStore.Current, sendToPipeline);
            base.WriteObject(sendToPipeline);
        }

        /// <summary>How progress titles and -WhatIf targets name an object: "Sync 'Users to Salesforce' (248df4b7…)" once
        /// the session has seen its name, else the kind and the id.</summary>
        protected string Named(string kind, string? id) => ObjectNames.Describe(Session ?? SessionStore.Current, kind, id);

        private bool idempotencyKeyUsed;

        /// <summary>The caller's -IdempotencyKey, for one request only: a second request of the same command (another
        /// piped object) with that key would get the first one's answer replayed, so it is refused.</summary>
        protected string? OneRequestKey(string? key)
        {
            if (key == null) return null;
            if (idempotencyKeyUsed)
                throw new PolytomicInputException("IdempotencyKeyReused",
                    "-IdempotencyKey names one request, and this command already sent it: pass one object per command, or leave the key out.", "IdempotencyKey", key);
            idempotencyKeyUsed = true;
            return key;
        }

        /// <summary>The key of one attempt of a call that is sent again as a new request (the schema-cache wait): the
        /// caller's key, then the key with "-r2", "-r3"… The same key given again meets the same sequence, so Polytomic
        /// replays each attempt's first answer and the one that created the object returns it.</summary>
        protected static string? AttemptKey(string? key, int attempt) =>
            key == null || attempt <= 1 ? key : (key.Length > 248 ? key.Substring(0, 248) : key) + "-r" + attempt;

        /// <summary>-Force skips the confirmation prompt but never -WhatIf.</summary>
        protected bool ShouldProcessUnlessForced(bool force, string target, string action)
        {
            if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
                return true;
            return ShouldProcess(target, action);
        }

        /// <summary>Hears the client's notes. A private class rather than an interface on the cmdlet, so loading the
        /// exported cmdlet types never needs Polytomic.Client (it is resolved later, into the module's own context).</summary>
        private sealed class Relay : IRequestObserver
        {
            private readonly PolytomicCmdlet cmdlet;
            public Relay(PolytomicCmdlet cmdlet) { this.cmdlet = cmdlet; }

            public void OnSending(string method, string pathAndQuery, int attempt) =>
                cmdlet.Post(() => cmdlet.WriteDebug($"{method} {pathAndQuery} (attempt {attempt})"));

            public void OnResponse(string method, string pathAndQuery, int status, TimeSpan elapsed) =>
                cmdlet.Post(() => cmdlet.WriteVerbose($"{method} {pathAndQuery} -> {status} in {elapsed.TotalMilliseconds:0} ms"));

            public void OnRetry(string method, string pathAndQuery, int attempt, TimeSpan delay, string reason) =>
                cmdlet.Post(() => cmdlet.WriteVerbose($"{method} {pathAndQuery}: {reason}; retrying in {delay.TotalSeconds:0.0} s (attempt {attempt})"));
        }

        private void Post(Action write)
        {
            var queue = pending;
            if (queue == null) return;
            try { queue.TryAdd(write); }
            catch (InvalidOperationException) { /* the call already finished; the note is dropped */ }
        }
    }
}
