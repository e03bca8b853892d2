using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Polytomic.Http
{
    /// <summary>For a caller that blocks until its call ends (a cmdlet on its pipeline thread): that call's attempts
    /// send with HttpClient.Send on the caller's own thread, where the runtime has it, instead of awaiting on the
    /// thread pool while the caller waits. Anything awaited for real (a retry delay) continues asynchronously.
    /// BENCHMARKS.md gives the figure this is kept for.</summary>
    public static class BlockingSend
    {
        /// <summary>HttpClient.Send of .NET 5+ (absent from netstandard2.0 and .NET Framework, so found by reflection;
        /// null on Windows PowerShell 5.1, which keeps the async path).</summary>
        private static readonly Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>? SendSync =
            typeof(HttpClient).GetMethod("Send", new[] { typeof(HttpRequestMessage), typeof(HttpCompletionOption), typeof(CancellationToken) }) is MethodInfo m
                ? (Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>)Delegate.CreateDelegate(
                    typeof(Func<HttpClient, HttpRequestMessage, HttpCompletionOption, CancellationToken, HttpResponseMessage>), m)
                : null;

        /// <summary>Set while the thread's caller blocks on the call it started.</summary>
        [ThreadStatic] private static bool callerBlocks;

        /// <summary>Off: every send awaits (the benchmark compares the two).</summary>
        public static bool Enabled { get; set; } = true;

        /// <summary>Whether the runtime offers a synchronous send at all.</summary>
        internal static bool Available => SendSync != null;

        /// <summary>Runs a call its caller blocks on, and waits for it.</summary>
        public static T Run<T>(Func<Task<T>> start)
        {
            Task<T> task;
            var outer = callerBlocks;
            callerBlocks = Enabled;
            try { task = start(); }
            finally { callerBlocks = outer; }
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Read per attempt: only attempts that run on the blocked caller's own thread send synchronously.</summary>
        internal static bool Applies(bool handlerAllows) => handlerAllows && callerBlocks && SendSync != null;

        internal static HttpResponseMessage Send(HttpClient http, HttpRequestMessage request, CancellationToken token) =>
            SendSync!(http, request, HttpCompletionOption.ResponseContentRead, token);

        /// <summary>Waits out a pacing hold: on the caller's thread when it blocks anyway, else asynchronously.</summary>
        internal static Task HoldAsync(TimeSpan hold, bool sync, CancellationToken token)
        {
            if (hold <= TimeSpan.Zero) return Task.CompletedTask;
            if (!sync) return Task.Delay(hold, token);
            if (token.WaitHandle.WaitOne(hold)) token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }
}
