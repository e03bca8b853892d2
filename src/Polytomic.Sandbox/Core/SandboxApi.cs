using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Polytomic.Sandbox
{
    /// <summary>Thrown by handlers to answer with Polytomic's error body.</summary>
    public sealed class ApiError : Exception
    {
        public ApiError(int status, string message, string? key = null, JsonObject? metadata = null) : base(message)
        {
            Status = status; Key = key; Metadata = metadata;
        }

        public int Status { get; }
        public string? Key { get; }
        public JsonObject? Metadata { get; }

        public static ApiError NotFound(string what, string id) => new ApiError(404, $"{what} {id} not found", "not_found");
        public static ApiError BadRequest(string message, JsonObject? metadata = null) => new ApiError(400, message, "bad_request", metadata);
    }

    /// <summary>One request as a handler sees it.</summary>
    public sealed class SandboxRequest
    {
        internal SandboxRequest(HttpContext http, SandboxState state, string version)
        {
            Http = http; State = state; Version = version;
        }

        public HttpContext Http { get; }
        public SandboxState State { get; }
        public string Version { get; }
        public bool Is2025 => Version == SandboxVersions.V2025;

        /// <summary>Who sent the request (set by the server's auth step).</summary>
        public SandboxCaller Caller => (SandboxCaller)Http.Items[SandboxServer.CallerItem]!;

        /// <summary>The organization a created object belongs to (<see cref="SandboxState.OrganizationFor"/>).</summary>
        public string OrganizationFor(JsonObject body) => State.OrganizationFor(body);

        public string Route(string name) => Http.Request.RouteValues[name]?.ToString() ?? "";

        public string? Query(string name)
        {
            var v = Http.Request.Query[name];
            return v.Count == 0 ? null : v.ToString();
        }

        public bool QueryBool(string name) => string.Equals(Query(name), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The JSON body as an object; anything else is Polytomic's 400.</summary>
        public async Task<JsonObject> BodyAsync()
        {
            Http.Request.EnableBuffering();
            Http.Request.Body.Position = 0;
            using var reader = new StreamReader(Http.Request.Body, Encoding.UTF8, false, 4096, leaveOpen: true);
            var text = await reader.ReadToEndAsync();
            Http.Request.Body.Position = 0;
            if (string.IsNullOrWhiteSpace(text)) throw ApiError.BadRequest("request body is required");
            try
            {
                return JsonNode.Parse(text) as JsonObject ?? throw ApiError.BadRequest("request body must be a JSON object");
            }
            catch (JsonException ex)
            {
                throw ApiError.BadRequest("invalid JSON body: " + ex.Message);
            }
        }

        public IResult Data(JsonNode? data, JsonObject? extra = null)
        {
            var envelope = new JsonObject { ["data"] = data };
            if (extra != null) foreach (var kv in extra.ToList()) { extra.Remove(kv.Key); envelope[kv.Key] = kv.Value; }
            return Json(envelope);
        }

        public static IResult Json(JsonNode node, int status = 200) =>
            Results.Content(node.ToJsonString(), "application/json", Encoding.UTF8, status);

        public static IResult Empty() => Results.StatusCode(204);
    }

    /// <summary>Registers routes with the API versions they exist in; a route called in another version answers 404
    /// the way Polytomic does for an unknown route.</summary>
    public sealed class SandboxApi
    {
        private readonly IEndpointRouteBuilder routes;
        private readonly SandboxState state;

        internal SandboxApi(IEndpointRouteBuilder routes, SandboxState state) { this.routes = routes; this.state = state; }

        public SandboxState State => state;

        public void Get(string pattern, Func<SandboxRequest, Task<IResult>> handler, string[]? versions = null) => Map("GET", pattern, handler, versions);
        public void Post(string pattern, Func<SandboxRequest, Task<IResult>> handler, string[]? versions = null) => Map("POST", pattern, handler, versions);
        public void Put(string pattern, Func<SandboxRequest, Task<IResult>> handler, string[]? versions = null) => Map("PUT", pattern, handler, versions);
        public void Patch(string pattern, Func<SandboxRequest, Task<IResult>> handler, string[]? versions = null) => Map("PATCH", pattern, handler, versions);
        public void Delete(string pattern, Func<SandboxRequest, Task<IResult>> handler, string[]? versions = null) => Map("DELETE", pattern, handler, versions);

        public void Map(string method, string pattern, Func<SandboxRequest, Task<IResult>> handler, string[]? versions = null)
        {
            var allowed = versions ?? SandboxVersions.Both;
            routes.MapMethods(pattern, new[] { method }, async (HttpContext http) =>
            {
                var version = (string)http.Items[SandboxServer.VersionItem]!;
                if (!allowed.Contains(version))
                    return SandboxRequest.Json(ErrorBody(404, $"{method} {pattern} does not exist in API version {version}", "not_found"), 404);
                try
                {
                    return await handler(new SandboxRequest(http, state, version));
                }
                catch (ApiError e)
                {
                    return SandboxRequest.Json(ErrorBody(e.Status, e.Message, e.Key, e.Metadata), e.Status);
                }
            });
        }

        /// <summary>A route outside the API (no auth, version or recording): e.g. the signed file URLs under /_sandbox.</summary>
        public void MapUnversioned(string method, string pattern, Delegate handler) => routes.MapMethods(pattern, new[] { method }, handler);

        public static JsonObject ErrorBody(int status, string message, string? key = null, JsonObject? metadata = null) =>
            new JsonObject { ["status"] = status, ["message"] = message, ["key"] = key, ["metadata"] = metadata };
    }
}
