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
    public abstract partial class PolytomicCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        // What calls in flight post for the pipeline thread to write, and the event that wakes it (see Block).
        private readonly ConcurrentQueue<Action> posted = new ConcurrentQueue<Action>();
        private readonly ManualResetEventSlim signal = new ManualResetEventSlim(false, spinCount: 0);
        private Relay? relay;

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
                if (ObjectKinds.FindRefusal(MyInvocation, GetType(), Session ?? SessionStore.Current) is { } refused)
                {
                    WriteError(ErrorFactory.Input("WrongObjectType", MyInvocation.MyCommand.Name + " " + refused.Message,
                        ErrorCategory.InvalidArgument, refused.Value, "Pipe the right kind of object, or pass its id."));
                    return;
                }
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
        /// and debug lines as they arrive (never from another thread).</summary>
        protected T Await<T>(Func<PolytomicClient, CancellationToken, Task<T>> call) => Await(call, stopping.Token);

        /// <summary>Await for the helpers of a cmdlet (input resolvers that look objects up).</summary>
        internal T AwaitCall<T>(Func<PolytomicClient, CancellationToken, Task<T>> call) => Await(call, stopping.Token);

        /// <summary>Await under a token of the caller's (a wait's deadline, linked to Ctrl+C): the call is canceled, and
        /// the wait given up, when it fires.</summary>
        private T Await<T>(Func<PolytomicClient, CancellationToken, Task<T>> call, CancellationToken token)
        {
            var client = Client;
            return Block(Observed(() => call(client, token)), token);
        }

        /// <summary>Starts a call with this cmdlet's relay as the observer of its requests (the observer flows with the
        /// call's async context, so a page fetched later from another thread still reports here).</summary>
        private Task<T> Observed<T>(Func<Task<T>> start)
        {
            var previous = PolytomicClient.Observer;
            PolytomicClient.Observer = relay ??= new Relay(this, Observing);
            try { return start(); }
            finally { PolytomicClient.Observer = previous; }
        }

        /// <summary>The one way the pipeline thread blocks (Await, Paged, Poll). When nobody would see the call's lines,
        /// it takes the runtime's own wait (which spins briefly first): a side-by-side run against an event wait that
        /// never spins (the former WaitQuietly of paged lists) found that wait no faster, per call or streaming (issue 24).
        /// Otherwise it sleeps on an event, wakes for each verbose or debug line the call posts, writes it, and returns
        /// once the call has ended. When <paramref name="token"/> fires first, the call (handed the same token) is
        /// abandoned and this throws.</summary>
        private T Block<T>(Task<T> task, CancellationToken token)
        {
            try
            {
                if (task.IsCompleted) { }
                else if (relay?.Writes != true)
                {
                    try { task.Wait(token); }
                    catch (AggregateException) { /* the call's own failure: thrown as it is below */ }
                }
                else
                {
                    task.ContinueWith((_, state) => ((ManualResetEventSlim)state!).Set(), signal, CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    while (true)
                    {
                        Drain();
                        if (task.IsCompleted) break;
                        signal.Reset();
                        if (task.IsCompleted || !posted.IsEmpty) continue; // set before the reset: look again
                        signal.Wait(token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                task.ContinueWith(t => t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
            Drain();
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Writes what calls posted, on the pipeline thread.</summary>
        private void Drain()
        {
            while (posted.TryDequeue(out var write)) write();
        }

        /// <summary>The request this cmdlet sent last (a wait that gives up while it is in flight names it).</summary>
        private protected string? LastRequest => relay?.LastSent;

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
            var stream = new Polytomic.Http.PageStream<T>(token => Observed(() => fetch(client, token, stopping.Token)), wanted);
            try
            {
                while (stream.Next() is Task<Polytomic.Http.Page<T>> next)
                {
                    var page = Block(next, stopping.Token);
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

        /// <summary>A paged list read one page at a time, with no look-ahead: the caller that stops reading (an execution
        /// list past -Since) sends no further request.</summary>
        protected IEnumerable<T> PageByPage<T>(Func<PolytomicClient, string?, CancellationToken, Task<Polytomic.Http.Page<T>>> fetch, string what = "items")
        {
            var tokens = new Polytomic.Http.PageTokens();
            string? token = null;
            do
            {
                var page = Await((c, ct) => fetch(c, token, ct));
                foreach (var item in page.Items) yield return item;
                token = tokens.Next(page, what);
            } while (token != null);
        }

        /// <summary>Sleeps on the pipeline thread; Ctrl+C ends it at once. For Poll: a cmdlet that waits calls Poll, never
        /// this (Native/OnePlaceTests checks).</summary>
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

        /// <summary>One rule for names (NameClaim, before a create or rename): when another object of the kind has the
        /// name, writes the kind's NameExists error and returns true. A Set- passes the id it changes.</summary>
        protected bool NameTaken(Polytomic.Http.NameClaim claim, string name, string? exceptId = null, string? organizationId = null)
        {
            var existing = Await((c, ct) => claim.FindAsync(c, name, exceptId, ct, organizationId));
            if (existing == null) return false;
            WriteError(NameRule.Exists(claim, name, existing, renaming: exceptId != null));
            return true;
        }

        /// <summary>Settles a create (NameClaim.SettleAsync): true when the new object keeps the name; false when an
        /// earlier one has it, in which case the new one was deleted and the kind's NameExists error is written.</summary>
        protected bool NameKept(Polytomic.Http.NameClaim claim, string name, string createdId)
        {
            Polytomic.Http.NameClaimResult result;
            try { result = Await((c, ct) => claim.SettleAsync(c, name, createdId, ct)); }
            catch (PolytomicApiException)
            {
                WriteWarning($"The {claim.Kind} '{name}' was created (id {createdId}), but the check that it is the only one with its name failed"
                    + (claim == Polytomic.Http.NameClaim.Syncs || claim == Polytomic.Http.NameClaim.BulkSyncs ? ", so it stays inactive" : "")
                    + $". Check with Get-Polytomic{claim.Noun} -Name '{name.Replace("'", "''")}'.");
                throw;
            }
            if (result.Outcome != Polytomic.Http.NameClaimOutcome.Lost) return true;
            WriteError(NameRule.Lost(claim, name, createdId, result.Winner!));
            return false;
        }

        /// <summary>-Force skips the confirmation prompt but never -WhatIf.</summary>
        protected bool ShouldProcessUnlessForced(bool force, string target, string action)
        {
            if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
                return true;
            return ShouldProcess(target, action);
        }

        /// <summary>Hears the client's notes. A private class rather than an interface on the cmdlet, so loading the
        /// exported cmdlet types never needs Polytomic.Client (it is resolved later, into the module's own context).
        /// It always remembers the request sent last (for a wait that gives up); it posts lines only when somebody would
        /// see them.</summary>
        private sealed class Relay : IRequestObserver
        {
            private readonly PolytomicCmdlet cmdlet;
            private readonly bool writes;
            // The request sent last, kept as its parts (formatted only when a wait gives up while it is in flight).
            private volatile string? lastMethod, lastPath;
            private volatile int lastAttempt;
            public Relay(PolytomicCmdlet cmdlet, bool writes) { this.cmdlet = cmdlet; this.writes = writes; }

            /// <summary>Whether it posts lines (somebody would see them).</summary>
            public bool Writes => writes;

            /// <summary>"GET /api/… (attempt n)", or null.</summary>
            public string? LastSent => lastPath == null ? null : $"{lastMethod} {lastPath} (attempt {lastAttempt})";

            public void OnSending(string method, string pathAndQuery, int attempt)
            {
                lastMethod = method; lastAttempt = attempt; lastPath = pathAndQuery;
                if (writes) cmdlet.Post(() => cmdlet.WriteDebug($"{method} {pathAndQuery} (attempt {attempt})"));
            }

            public void OnResponse(string method, string pathAndQuery, int status, TimeSpan elapsed)
            {
                if (writes) cmdlet.Post(() => cmdlet.WriteVerbose($"{method} {pathAndQuery} -> {status} in {elapsed.TotalMilliseconds:0} ms"));
            }

            public void OnRetry(string method, string pathAndQuery, int attempt, TimeSpan delay, string reason)
            {
                if (writes) cmdlet.Post(() => cmdlet.WriteVerbose($"{method} {pathAndQuery}: {reason}; retrying in {delay.TotalSeconds:0.0} s (attempt {attempt})"));
            }
        }

        /// <summary>Queues a write for the pipeline thread, which writes it while it blocks on a call (or at the next).</summary>
        private protected void Post(Action write)
        {
            posted.Enqueue(write);
            signal.Set();
        }
    }
}
