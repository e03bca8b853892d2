using System;

namespace Polytomic.Http
{
    /// <summary>Hears about each attempt of a call. The cmdlet layer turns these into verbose/debug records on the
    /// pipeline thread; nothing it receives contains the API key.</summary>
    public interface IRequestObserver
    {
        void OnSending(string method, string pathAndQuery, int attempt);
        void OnResponse(string method, string pathAndQuery, int status, TimeSpan elapsed);
        void OnRetry(string method, string pathAndQuery, int attempt, TimeSpan delay, string reason);
    }
}
