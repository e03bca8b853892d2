using System;
using System.Collections.Generic;

namespace Polytomic
{
    /// <summary>What went wrong with a call, beyond the HTTP status.</summary>
    public enum PolytomicErrorKind
    {
        /// <summary>The API answered with an error status.</summary>
        Http,
        /// <summary>No answer within the attempt timeout.</summary>
        Timeout,
        /// <summary>The connection failed or broke.</summary>
        Transport,
        /// <summary>The API answered 2xx with a body that could not be read.</summary>
        InvalidResponse,
        /// <summary>The route does not exist in the session's API version.</summary>
        UnsupportedInVersion,
        /// <summary>The connection's schema cache stayed "not ready" until the caller's wait ran out.</summary>
        SchemaCacheNotReady,
        /// <summary>A list handed back a next-page token it had already given: following it would never end.</summary>
        PagingLoop,
        /// <summary>A create or start whose reply was lost and whose retries failed: it may have been carried out.
        /// Sending it again with the same Idempotency-Key returns Polytomic's first answer.</summary>
        OutcomeUnknown,
        /// <summary>The session is read-only and the call would change something: it was refused before anything was sent.</summary>
        ReadOnly,
    }

    /// <summary>The one exception type for every failed Polytomic call. Never carries the API key.</summary>
    public sealed class PolytomicApiException : Exception
    {
        public PolytomicApiException(PolytomicErrorKind kind, string message, int? statusCode = null,
            string? apiMessage = null, string? key = null, IReadOnlyDictionary<string, object?>? metadata = null,
            string? method = null, string? path = null, int attempts = 1, Exception? inner = null, string? idempotencyKey = null)
            : base(message, inner)
        {
            Kind = kind;
            StatusCode = statusCode;
            ApiMessage = apiMessage;
            Key = key;
            Metadata = metadata ?? new Dictionary<string, object?>();
            Method = method;
            Path = path;
            Attempts = attempts;
            IdempotencyKey = idempotencyKey;
        }

        public PolytomicErrorKind Kind { get; }
        public int? StatusCode { get; }
        /// <summary>Polytomic's own message, as sent.</summary>
        public string? ApiMessage { get; }
        /// <summary>Polytomic's error key, when it sends one.</summary>
        public string? Key { get; }
        public IReadOnlyDictionary<string, object?> Metadata { get; }
        public string? Method { get; }
        public string? Path { get; }
        public int Attempts { get; }
        /// <summary>The Idempotency-Key the call was sent with (a POST); the same key replays its first outcome.</summary>
        public string? IdempotencyKey { get; }
    }
}
