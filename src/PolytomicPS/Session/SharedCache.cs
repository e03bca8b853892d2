using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PolytomicPS
{
    /// <summary>Values read once per session and shared by every caller (connection-type schemas).
    /// One fill serves all the callers waiting on it; each caller stops waiting as soon as its own token fires
    /// (Ctrl+C), and the fill itself is cancelled once no caller waits for it any longer. A fill that fails or is
    /// cancelled is forgotten, so the next caller sends a fresh request instead of receiving the old failure.</summary>
    internal sealed class SharedCache<T> : IDisposable
    {
        private sealed class Fill
        {
            public readonly CancellationTokenSource Cancel = new CancellationTokenSource();
            public Task<T> Task = null!;
            public int Waiters;
        }

        private readonly object gate = new object();
        private readonly Dictionary<string, Fill> fills;
        private readonly Func<string, CancellationToken, Task<T>> load;

        public SharedCache(Func<string, CancellationToken, Task<T>> load, IEqualityComparer<string> comparer)
        {
            this.load = load;
            fills = new Dictionary<string, Fill>(comparer);
        }

        /// <summary>The value, only when it has already been read: never starts or waits for a fill.</summary>
        public bool TryGetCompleted(string key, out T value)
        {
            lock (gate)
            {
                if (fills.TryGetValue(key, out var fill) && fill.Task.Status == TaskStatus.RanToCompletion)
                {
                    value = fill.Task.Result;
                    return true;
                }
            }
            value = default!;
            return false;
        }

        public async Task<T> GetAsync(string key, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            Fill fill;
            lock (gate)
            {
                if (!fills.TryGetValue(key, out fill!))
                {
                    var created = fill = new Fill();
                    fills[key] = created;
                    // Started off the caller's thread: a caller that blocks on the result would otherwise send this
                    // request synchronously itself, beyond the reach of its own token.
                    created.Task = Task.Run(() => load(key, created.Cancel.Token));
                    created.Task.ContinueWith(_ => Forget(key, created), CancellationToken.None,
                        TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
                fill.Waiters++;
            }
            try
            {
                return await WaitAsync(fill.Task, ct).ConfigureAwait(false);
            }
            finally
            {
                lock (gate)
                {
                    if (--fill.Waiters == 0 && !fill.Task.IsCompleted)
                    {
                        // The last waiter left: nobody needs the answer, so the request stops too.
                        Forget(key, fill);
                        fill.Cancel.Cancel();
                    }
                }
            }
        }

        /// <summary>The task's result, or OperationCanceledException as soon as the token fires.</summary>
        private static async Task<T> WaitAsync(Task<T> task, CancellationToken ct)
        {
            if (!task.IsCompleted && ct.CanBeCanceled)
            {
                var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (ct.Register(s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), stopped))
                {
                    if (await Task.WhenAny(task, stopped.Task).ConfigureAwait(false) != task)
                        throw new OperationCanceledException(ct);
                }
            }
            return await task.ConfigureAwait(false);
        }

        private void Forget(string key, Fill fill)
        {
            lock (gate)
            {
                if (fills.TryGetValue(key, out var current) && ReferenceEquals(current, fill)) fills.Remove(key);
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                foreach (var fill in fills.Values) fill.Cancel.Cancel();
                fills.Clear();
            }
        }
    }
}
