using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using Polly.Timeout;

namespace Polytomic.Http
{
    /// <summary>Turns a failed call into the one exception type: Polytomic's error body (message, key, metadata), a
    /// timeout, a network failure, or a create whose outcome is unknown.</summary>
    internal static class ErrorReader
    {
        /// <summary>An error status. A POST that lost a reply earlier may have been carried out whatever came after.</summary>
        public static PolytomicApiException FromResponse(ApiRequest call, AttemptLog log, HttpResponseMessage r, byte[] body)
        {
            var status = (int)r.StatusCode;
            string? apiMessage = null, key = null;
            IReadOnlyDictionary<string, object?>? metadata = null;
            try
            {
                if (body.Length > 0 && (body[0] == (byte)'{' || char.IsWhiteSpace((char)body[0])))
                {
                    using var doc = JsonDocument.Parse(body);
                    var root = doc.RootElement;
                    if (root.ValueKind == JsonValueKind.Object)
                    {
                        apiMessage = StringProp(root, "message");
                        key = StringProp(root, "key");
                        if (root.TryGetProperty("error", out var err))
                            apiMessage ??= err.ValueKind == JsonValueKind.Object ? StringProp(err, "message") : err.ValueKind == JsonValueKind.String ? err.GetString() : null;
                        if (root.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object)
                            metadata = PolytomicJson.ToPlain(md) as IReadOnlyDictionary<string, object?>;
                        else if (root.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object)
                            metadata = PolytomicJson.ToPlain(ctx) as IReadOnlyDictionary<string, object?>;
                    }
                }
            }
            catch (JsonException) { /* not JSON: described below */ }

            var reason = r.ReasonPhrase ?? ((HttpStatusCode)status).ToString();
            var detail = apiMessage;
            if (string.IsNullOrWhiteSpace(detail))
                detail = body.Length == 0 ? "no error details were returned"
                    : $"the response was not Polytomic's JSON error ({r.Content?.Headers.ContentType?.MediaType ?? "unknown content type"})";
            var message = $"{call.Method.Method} {call.Path} failed with {status} {reason}: {detail}";
            var unknown = call.Method == HttpMethod.Post && log.ReplyLost && (RetryPolicy.IsTransientStatus(status) || status == 409);
            return new PolytomicApiException(unknown ? PolytomicErrorKind.OutcomeUnknown : PolytomicErrorKind.Http,
                unknown ? OutcomeUnknownMessage(call, message) : message,
                status, apiMessage, key, metadata, call.Method.Method, call.Path, log.Count, idempotencyKey: call.IdempotencyKey);
        }

        /// <summary>No answer at all: the last attempt timed out or the connection failed.</summary>
        public static PolytomicApiException FromFailure(ApiRequest call, AttemptLog log, Exception ex, TimeSpan attemptTimeout)
        {
            var message = ex is TimeoutRejectedException
                ? $"{call.Method.Method} {call.Path} timed out after {log.Count} attempt(s) of {attemptTimeout.TotalSeconds:0.#} s each."
                : $"{call.Method.Method} {call.Path} failed after {log.Count} attempt(s): {Innermost(ex).Message}";
            if (call.Method == HttpMethod.Post && log.ReplyLost)
                return new PolytomicApiException(PolytomicErrorKind.OutcomeUnknown, OutcomeUnknownMessage(call, message),
                    method: call.Method.Method, path: call.Path, attempts: log.Count, inner: ex, idempotencyKey: call.IdempotencyKey);
            return new PolytomicApiException(ex is TimeoutRejectedException ? PolytomicErrorKind.Timeout : PolytomicErrorKind.Transport,
                message, method: call.Method.Method, path: call.Path, attempts: log.Count, inner: ex, idempotencyKey: call.IdempotencyKey);
        }

        /// <summary>Whether an exception from the pipeline is a failed call (as opposed to a bug or a cancellation).</summary>
        public static bool IsFailure(Exception ex) =>
            ex is TimeoutRejectedException || ex is HttpRequestException || ex is System.IO.IOException || ex is OperationCanceledException;

        private static string OutcomeUnknownMessage(ApiRequest call, string failure) =>
            $"{failure} A reply was lost on the way, so Polytomic may have carried out the request (created the object or started the run). " +
            $"Send it again with Idempotency-Key {call.IdempotencyKey} to get Polytomic's first answer instead of doing it twice.";

        private static string? StringProp(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        internal static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }
    }
}
