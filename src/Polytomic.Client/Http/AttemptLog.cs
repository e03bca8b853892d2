using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Polly.Timeout;

namespace Polytomic.Http
{
    /// <summary>What the attempts of one call tell about its outcome. A reply lost in transit (a broken connection, an
    /// attempt timeout) leaves the server's outcome unknown: the request may have been carried out.</summary>
    internal sealed class AttemptLog
    {
        public int Count { get; private set; }

        /// <summary>An attempt reached the server (or may have) and its answer never arrived.</summary>
        public bool ReplyLost { get; private set; }

        /// <summary>An attempt may have been carried out: a lost reply, or a 408/5xx that a gateway can send after
        /// the work was done.</summary>
        public bool MayHaveApplied { get; private set; }

        public void Start() => Count++;

        public void Answered(int status)
        {
            if (status == 408 || (status >= 500 && status != 501)) MayHaveApplied = true;
        }

        /// <summary>Records a failed attempt; always false, for use in an exception filter (no unwinding). A cancellation
        /// the caller did not ask for is the attempt's timeout.</summary>
        public bool Failed(Exception ex, bool callerCancelled)
        {
            if (MayHaveReachedServer(ex, callerCancelled)) ReplyLost = MayHaveApplied = true;
            return false;
        }

        /// <summary>A refused or unresolvable connection never carried the request; anything else may have.</summary>
        internal static bool MayHaveReachedServer(Exception ex, bool callerCancelled)
        {
            if (ex is OperationCanceledException) return !callerCancelled;
            if (!(ex is HttpRequestException || ex is IOException || ex is TimeoutRejectedException)) return false;
            for (var e = (Exception?)ex; e != null; e = e.InnerException)
                if (e is SocketException s && (s.SocketErrorCode == SocketError.ConnectionRefused || s.SocketErrorCode == SocketError.HostNotFound
                    || s.SocketErrorCode == SocketError.NetworkUnreachable || s.SocketErrorCode == SocketError.HostUnreachable))
                    return false;
            return true;
        }

        /// <summary>A DELETE whose earlier attempt may have deleted the object, answered 404 now: the object is gone,
        /// as asked.</summary>
        public bool DeleteFoundGone(HttpMethod method, int status) =>
            status == 404 && method == HttpMethod.Delete && Count > 1 && MayHaveApplied;
    }
}
