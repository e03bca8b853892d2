using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Polytomic.Http
{
    /// <summary>Fetches a paged list ahead of its reader. Each page asks for its successor the moment it arrives (its
    /// token is known before its items are converted, see <see cref="Page{T}.Read"/>) and is then converted while the
    /// successor is being prepared, so the chain of requests never waits for the conversion nor for the reader's thread
    /// to wake up, while at most <see cref="Depth"/> pages wait unread: memory stays flat.
    /// The first page's successor is only asked for once the reader has its first item out (<see cref="FirstItemOut"/>).
    /// No page is asked for beyond the <c>wanted</c> number of items, none for a token the list gave before, and none
    /// after too many pages that brought nothing new (<see cref="PageTokens"/>: the reader gets a PagingLoop error after
    /// the page that ended the list).</summary>
    public sealed class PageStream<T>
    {
        /// <summary>Pages fetched or in flight that the reader has not taken yet.</summary>
        public const int Depth = 4;

        private readonly object gate = new object();
        private readonly Func<string?, Task<Page<T>>> fetch;
        private readonly ulong wanted;
        private readonly Queue<Slot> queue = new Queue<Slot>();
        private ulong fetchedItems;
        private string? held;          // a next token not yet asked for (the first page, or Depth pages waiting)
        private readonly PageTokens tokens = new PageTokens();
        private PolytomicApiException? loop; // a repeated token: the reader gets this error after the page that gave it
        private bool firstOut, stopped;

        public PageStream(Func<string?, Task<Page<T>>> fetch, ulong wanted = ulong.MaxValue)
        {
            this.fetch = fetch;
            this.wanted = wanted;
            lock (gate) Begin(null);
        }

        /// <summary>The next page in order (block on it), or null when the list has ended.</summary>
        public Task<Page<T>>? Next()
        {
            lock (gate)
            {
                // A reader asking with nothing queued is past its first item whatever it reported: go on at once.
                if (queue.Count == 0) { firstOut = true; StartHeld(); }
                var next = queue.Count > 0 ? queue.Dequeue().Task : null;
                StartHeld();
                return next;
            }
        }

        /// <summary>The reader has written its first item: the first page's successor may now be asked for.</summary>
        public void FirstItemOut()
        {
            if (firstOut) return;
            lock (gate)
            {
                firstOut = true;
                StartHeld();
            }
        }

        /// <summary>The reader stopped early: nothing more is asked for, and pages in flight end unobserved.</summary>
        public void Stop()
        {
            lock (gate)
            {
                stopped = true;
                foreach (var slot in queue) slot.Task?.ContinueWith(x => x.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                queue.Clear();
            }
        }

        private async Task<Page<T>> Fetch(string? token)
        {
            // The task the reader waits on ends only after the page's successor has been decided on, so Next() never
            // sees an empty queue for a list that goes on.
            var page = await fetch(token).ConfigureAwait(false);
            lock (gate)
            {
                // Counting may mean converting the items first: only a bounded list (-First) needs the count.
                if (wanted != ulong.MaxValue) fetchedItems += (ulong)page.Count;
                if (page.NextPageToken != null && fetchedItems < wanted && !stopped)
                {
                    try { held = tokens.Next(page, "The list"); }
                    catch (PolytomicApiException ex) { loop = ex; }
                }
                StartHeld();
            }
            // Convert the items here, while Polytomic prepares the next page, rather than on the reader's thread.
            _ = page.Items;
            return page;
        }

        /// <summary>Under the gate: asks for the held token's page if the reader is past the first item and fewer than
        /// Depth pages wait. (A send's synchronous start runs under the gate; the gate is re-entrant.)</summary>
        private void StartHeld()
        {
            if (stopped || !firstOut || queue.Count >= Depth) return;
            if (loop != null)
            {
                queue.Enqueue(new Slot { Task = Task.FromException<Page<T>>(loop) });
                loop = null;
                return;
            }
            if (held == null) return;
            var token = held;
            held = null;
            Begin(token);
        }

        /// <summary>Under the gate: queues the page's slot before its fetch starts, so a fetch that completes at once (and
        /// starts its successor from inside this call) cannot queue the successor ahead of it.</summary>
        private void Begin(string? token)
        {
            var slot = new Slot();
            queue.Enqueue(slot);
            slot.Task = Fetch(token);
        }

        private sealed class Slot { public Task<Page<T>>? Task; }
    }
}
