using System;
using System.Text.Json;

namespace Polytomic
{
    /// <summary>A successful response, body unread.</summary>
    public sealed class ApiResponse
    {
        public ApiResponse(int status, byte[] body, Uri? location, string? contentType)
        {
            StatusCode = status; Body = body; Location = location; ContentType = contentType;
        }

        /// <summary>An empty 204, for a call whose goal already holds (a DELETE that finds the object gone).</summary>
        internal static ApiResponse NoContent() => new ApiResponse(204, Array.Empty<byte>(), null, null);

        public int StatusCode { get; }
        public byte[] Body { get; }
        public Uri? Location { get; }
        public string? ContentType { get; }

        public T Read<T>(string method, string path)
        {
            try
            {
                if (Body.Length == 0) throw new JsonException("empty body");
                return JsonSerializer.Deserialize<T>(Body, Http.PolytomicJson.Options)
                       ?? throw new JsonException("null body");
            }
            catch (JsonException ex)
            {
                throw new PolytomicApiException(PolytomicErrorKind.InvalidResponse,
                    $"{method} {path} returned a body that is not the expected JSON: {ex.Message}",
                    StatusCode, method: method, path: path, inner: ex);
            }
        }
    }
}
