using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The connection proxy (2025-09-18; camelCase shapes).</summary>
    public static class ConnectionProxyRoutes
    {
        private static readonly string[] ProxyTypes = { "api", "stripe", "hubspot", "salesforce" };
        private static readonly string[] ProxyMethods = { "GET", "POST", "PUT", "PATCH", "DELETE" };
        private static readonly string[] LockedHeaders = { "authorization", "cookie", "host", "proxy-authorization" };

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var proxyCalls = new ConcurrentDictionary<string, int>();

            // Connection proxy (2025-09-18; camelCase shapes).
            api.Post("/api/connections/{id}/proxy", async r =>
            {
                var c = ProxyConnection(s, r.Route("id"));
                var body = await r.BodyAsync();
                if (!(body["request"] is JsonObject call)) throw ApiError.BadRequest("request is required");
                var method = ((string?)call["method"] ?? "").ToUpperInvariant();
                if (!ProxyMethods.Contains(method)) throw ApiError.BadRequest($"method '{method}' is not allowed; use one of {string.Join(", ", ProxyMethods)}");
                var path = (string?)call["path"] ?? "";
                if (!path.StartsWith("/", StringComparison.Ordinal) || path.Contains("://")) throw ApiError.BadRequest("path must be relative and start with '/'");
                if (call["query"] is JsonObject && call["rawQuery"] is JsonValue) throw ApiError.BadRequest("query and rawQuery cannot be used together");
                if (call["headers"] is JsonObject headers)
                    foreach (var h in headers)
                        if (LockedHeaders.Contains(h.Key.ToLowerInvariant())) throw ApiError.BadRequest($"header '{h.Key}' is locked by the connection");
                proxyCalls.AddOrUpdate(r.Route("id"), 1, (_, n) => n + 1);
                var status = path.StartsWith("/status/", StringComparison.Ordinal) && int.TryParse(path.Substring(8), out var st) ? st : 200;
                var echo = new JsonObject
                {
                    ["method"] = method, ["path"] = path, ["query"] = call["query"]?.DeepClone(), ["rawQuery"] = (string?)call["rawQuery"],
                    ["received_body"] = call["body"]?.DeepClone(),
                };
                return r.Data(new JsonObject
                {
                    ["status"] = status,
                    ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                    ["body"] = echo.ToJsonString(),
                    ["contentType"] = "application/json",
                    ["latencyMs"] = 12,
                    ["truncated"] = path == "/large",
                    ["proxyCallId"] = SandboxState.NewId(),
                });
            }, SandboxVersions.Only2025);
            api.Get("/api/connections/{id}/proxy/info", r =>
            {
                var c = ProxyConnection(s, r.Route("id"));
                var calls = proxyCalls.TryGetValue(r.Route("id"), out var n) ? n : 0;
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["connectionId"] = r.Route("id"),
                    ["backendType"] = (string?)c["type"],
                    ["inheritedBase"] = new JsonObject
                    {
                        ["baseUrl"] = BaseUrl(c),
                        ["lockedHeaders"] = new JsonArray(new JsonObject { ["name"] = "Authorization", ["value"] = ConnectionRoutes.Redacted, ["redacted"] = true }),
                        ["lockedQuery"] = new JsonObject(),
                    },
                    ["mergeRules"] = new JsonObject { ["headers"] = "request_overrides_unlocked", ["query"] = "merge" },
                    ["requestContract"] = new JsonObject
                    {
                        ["allowedMethods"] = new JsonArray(ProxyMethods.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                        ["blockedRequestHeaders"] = new JsonArray(LockedHeaders.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                        ["blockedResponseHeaders"] = new JsonArray("set-cookie"),
                        ["bodyTypes"] = new JsonArray("json", "text"),
                        ["maxRequestBodyBytes"] = 262144, ["maxResponseBodyBytes"] = 1048576,
                        ["pathRule"] = "relative", ["queryModes"] = new JsonArray("query", "rawQuery"),
                        ["queryValueTypes"] = new JsonArray("string", "number", "boolean", "array"),
                        ["rateLimitPerMinute"] = 60, ["rawQueryRule"] = "no_leading_question_mark", ["timeoutMs"] = 30000,
                    },
                    ["stats"] = new JsonObject
                    {
                        ["callsLast24h"] = calls, ["proxyCallsLast24h"] = calls, ["proxy2xxLast24h"] = calls, ["proxy4xxLast24h"] = 0,
                        ["proxy5xxLast24h"] = 0, ["lastProxyCallAt"] = calls > 0 ? s.Clock.Stamp() : null,
                    },
                }));
            }, SandboxVersions.Only2025);
        }

        private static JsonObject ProxyConnection(SandboxState s, string id)
        {
            var c = ConnectionRoutes.Find(s, id);
            if (!ProxyTypes.Contains((string?)c["type"])) throw new ApiError(403, "the connection proxy is not enabled for this connection", "proxy_not_enabled");
            return c;
        }

        private static string BaseUrl(JsonObject c) => (string?)c["type"] switch
        {
            "api" => (string?)c["configuration"]?["url"] ?? "https://api.example.com",
            "stripe" => "https://api.stripe.com",
            "hubspot" => "https://api.hubapi.com",
            _ => "https://example.my.salesforce.com",
        };

    }
}
