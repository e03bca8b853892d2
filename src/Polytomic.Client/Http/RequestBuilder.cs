using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Polytomic.Http
{
    /// <summary>One logical call, ready to send as many attempts as the retry policy allows: every attempt sends the
    /// same URL, body and Idempotency-Key.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string path, string pathAndQuery, string url, byte[]? payload, string? idempotencyKey,
            IRequestObserver? observer)
        {
            Method = method; Path = path; PathAndQuery = pathAndQuery; Url = url; Payload = payload;
            IdempotencyKey = idempotencyKey; Observer = observer;
        }

        public HttpMethod Method { get; }
        public string Path { get; }
        public string PathAndQuery { get; }
        public string Url { get; }
        public byte[]? Payload { get; }
        public string? IdempotencyKey { get; }
        /// <summary>Who hears about this call's attempts (read once, when the call starts).</summary>
        public IRequestObserver? Observer { get; }
    }

    /// <summary>Builds requests: the URL under the session's base URL, the Authorization and X-Polytomic-Version
    /// headers, the JSON body and the Idempotency-Key of a POST.</summary>
    internal sealed class RequestBuilder
    {
        private static readonly MediaTypeHeaderValue Json = new MediaTypeHeaderValue("application/json");

        private readonly string baseUrl;
        private readonly AuthenticationHeaderValue authorization;
        private readonly string version;

        public RequestBuilder(PolytomicClientOptions options)
        {
            ValidateBaseUrl(options.BaseUrl);
            baseUrl = options.BaseUrl.GetLeftPart(UriPartial.Authority) + options.BaseUrl.AbsolutePath.TrimEnd('/');
            authorization = Authorization(options);
            version = options.ApiVersion;
        }

        public string BaseUrl => baseUrl;

        /// <summary>Checks and prepares one call. A POST gets the caller's Idempotency-Key, or a new one: one key per
        /// logical call, so a retry after a lost response cannot create a second object.</summary>
        public ApiRequest Prepare(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string?>>? query, object? body,
            string? idempotencyKey, IRequestObserver? observer)
        {
            ApiPath.RequireRoute(path, nameof(path));
            if (idempotencyKey != null) RequireIdempotencyKey(idempotencyKey);
            else if (method == HttpMethod.Post) idempotencyKey = Guid.NewGuid().ToString("N");
            var pathAndQuery = path + ApiPath.Query(query);
            byte[]? payload = body == null ? null
                : body is byte[] raw ? raw
                : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), PolytomicJson.Options);
            return new ApiRequest(method, path, pathAndQuery, baseUrl + pathAndQuery, payload, idempotencyKey, observer);
        }

        /// <summary>One attempt's request message (a message can be sent only once).</summary>
        public HttpRequestMessage Build(ApiRequest call)
        {
            var request = new HttpRequestMessage(call.Method, call.Url);
            request.Headers.Authorization = authorization;
            request.Headers.TryAddWithoutValidation("X-Polytomic-Version", version);
            if (call.IdempotencyKey != null) request.Headers.TryAddWithoutValidation("Idempotency-Key", call.IdempotencyKey);
            if (call.Payload != null)
            {
                request.Content = new ByteArrayContent(call.Payload);
                request.Content.Headers.ContentType = Json;
            }
            return request;
        }

        /// <summary>Refuses plain http except on loopback: the key would cross the network in clear text.</summary>
        public static void ValidateBaseUrl(Uri? url)
        {
            if (url == null || !url.IsAbsoluteUri)
                throw new ArgumentException("The base URL must be an absolute http(s) URL.");
            if (url.Scheme == Uri.UriSchemeHttps) return;
            if (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback) return;
            throw new ArgumentException(url.Scheme == Uri.UriSchemeHttp
                ? $"Plain http is only allowed for loopback addresses; use https for '{url.Host}'."
                : $"The base URL scheme '{url.Scheme}' is not supported; use https.");
        }

        /// <summary>A key goes into an HTTP header as it is: line breaks would end the header and non-ASCII characters
        /// cannot be sent, so both are refused here rather than failing (or retrying) on every call. The message never
        /// shows the key.</summary>
        public static void RequireApiKey(string key)
        {
            if (key.Length == 0) throw new PolytomicInputException("InvalidApiKey", "The API key is empty.", "ApiKey");
            foreach (var c in key)
            {
                if (c == '\r' || c == '\n')
                    throw new PolytomicInputException("InvalidApiKey", "The API key contains a line break; copy it again without the line end.", "ApiKey");
                if (c < 0x21 || c > 0x7E)
                    throw new PolytomicInputException("InvalidApiKey",
                        "The API key contains a character that is not printable ASCII (a space, a control character or a letter such as é); Polytomic keys are ASCII.", "ApiKey");
            }
        }

        /// <summary>Polytomic accepts 8 to 255 letters, digits, '-' or '_' as an Idempotency-Key.</summary>
        public static void RequireIdempotencyKey(string key)
        {
            var ok = key.Length >= 8 && key.Length <= 255;
            for (int i = 0; ok && i < key.Length; i++)
            {
                var c = key[i];
                ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            }
            if (!ok)
                throw new PolytomicInputException("InvalidIdempotencyKey",
                    "An idempotency key is 8 to 255 letters, digits, '-' or '_' (a GUID works).", "IdempotencyKey", key);
        }

        private static AuthenticationHeaderValue Authorization(PolytomicClientOptions options)
        {
            var key = SecureStrings.ToPlain(options.ApiKey!);
            RequireApiKey(key);
            if (options.AuthMode == PolytomicAuthMode.OrganizationPartnerKey)
            {
                if (string.IsNullOrEmpty(options.OrganizationId))
                    throw new ArgumentException("An organization id is required with an organization-scoped partner key.");
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.OrganizationId + ":" + key));
                return new AuthenticationHeaderValue("Basic", basic);
            }
            if (options.AuthMode == PolytomicAuthMode.DeploymentKey)
            {
                var pair = string.IsNullOrEmpty(options.OrganizationId) ? key + ":" : options.OrganizationId + ":" + key;
                return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            }
            return new AuthenticationHeaderValue("Bearer", key);
        }
    }
}
