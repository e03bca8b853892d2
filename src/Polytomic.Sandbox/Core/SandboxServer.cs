using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Polytomic.Sandbox
{
    /// <summary>The sandbox: a Kestrel server on loopback that behaves like the Polytomic API. Start it standalone
    /// (Program) or in-process (tests, the host's --sandbox).</summary>
    public sealed class SandboxServer : IAsyncDisposable
    {
        internal const string VersionItem = "polytomic.version";
        internal const string CallerItem = "polytomic.caller";

        /// <summary>Every area's routes. A new area adds its Map method here.</summary>
        private static readonly Action<SandboxApi>[] RouteModules =
        {
            Routes.ConnectionRoutes.Map,
            Routes.ConnectionSchemaRoutes.Map,
            Routes.ConnectionSharingRoutes.Map,
            Routes.ConnectionProxyRoutes.Map,
            Routes.ConnectionLookupRoutes.Map,
            Routes.JobRoutes.Map,
            Routes.BulkSyncRoutes.Map,
            Routes.BulkSyncConnectionRoutes.Map,
            Routes.BulkSyncSchemaRoutes.Map,
            Routes.BulkSyncScheduleRoutes.Map,
            Routes.BulkSyncRunRoutes.Map,
            Routes.ModelRoutes.Map,
            Routes.SyncRoutes.Map,
            Routes.IdentityRoutes.Map,
            Routes.PermissionRoutes.Map,
            Routes.WebhookRoutes.Map,
            Routes.QueryRoutes.Map,
            Routes.SyncRunRoutes.Map,
            Routes.EventRoutes.Map,
            Routes.RunHistoryRoutes.Map,
        };

        private readonly WebApplication app;

        private SandboxServer(WebApplication app, SandboxState state, Uri baseUrl)
        {
            this.app = app; State = state; BaseUrl = baseUrl;
            Deliveries = new WebhookDeliveries(state);
        }

        /// <summary>Signed deliveries of events to each organization's (loopback) event webhook.</summary>
        public WebhookDeliveries Deliveries { get; }

        public SandboxState State { get; }
        public Uri BaseUrl { get; }

        /// <summary>Starts a sandbox on a free loopback port.</summary>
        public static Task<SandboxServer> StartAsync(string? apiKey = null, TimeSpan? schemaCacheDelay = null) =>
            StartAsync(new SandboxOptions
            {
                Urls = "http://127.0.0.1:0",
                ApiKey = apiKey ?? SandboxOptions.DefaultApiKey,
                SchemaCacheDelay = schemaCacheDelay ?? TimeSpan.FromMilliseconds(300),
            });

        public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken ct = default)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.ConfigureKestrel(k => k.AllowSynchronousIO = false);
            var app = builder.Build();
            var state = new SandboxState(options);

            app.Use((ctx, next) => Pipeline(ctx, next, state));
            MapControlRoutes(app, state);
            var api = new SandboxApi(app, state);
            foreach (var map in RouteModules) map(api);
            app.MapFallback((HttpContext ctx) =>
                SandboxRequest.Json(SandboxApi.ErrorBody(404, $"no route for {ctx.Request.Method} {ctx.Request.Path}", "not_found"), 404));

            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new SandboxServer(app, state, new Uri(address.Replace("localhost", "127.0.0.1")));
        }

        /// <summary>Recording, faults, auth, version, then idempotency around the handler.</summary>
        private static async Task Pipeline(HttpContext ctx, RequestDelegate next, SandboxState state)
        {
            var req = ctx.Request;
            var path = req.Path.Value ?? "";
            if (path.StartsWith("/_sandbox", StringComparison.Ordinal)) { await next(ctx); return; }

            req.EnableBuffering();
            string body;
            using (var reader = new StreamReader(req.Body, Encoding.UTF8, false, 4096, leaveOpen: true)) body = await reader.ReadToEndAsync();
            req.Body.Position = 0;
            var record = new RecordedRequest
            {
                Method = req.Method,
                Path = path,
                Query = req.QueryString.Value ?? "",
                Version = req.Headers["X-Polytomic-Version"].FirstOrDefault(),
                IdempotencyKey = req.Headers["Idempotency-Key"].FirstOrDefault(),
                UserAgent = req.Headers.UserAgent.FirstOrDefault(),
                Body = body,
            };
            state.Requests.Enqueue(record);

            if (state.RateLimit.TryTake() is TimeSpan wait)
            {
                record.Status = 429;
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
                ctx.Response.Headers["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Write(ctx, SandboxApi.ErrorBody(429, "rate limit exceeded"));
                return;
            }

            var delay = state.Faults.Take(req.Method, path, FaultKind.Delay);
            if (delay != null) await Task.Delay(delay.Delay, ctx.RequestAborted);
            var fault = state.Faults.Take(req.Method, path, FaultKind.Status, FaultKind.ResetBeforeHandling, FaultKind.Html);
            if (fault != null)
            {
                if (fault.Kind == FaultKind.ResetBeforeHandling) { record.Status = -1; ctx.Abort(); return; }
                record.Status = fault.Status;
                ctx.Response.StatusCode = fault.Status;
                if (fault.RetryAfter != null) ctx.Response.Headers.RetryAfter = fault.RetryAfter;
                if (fault.Kind == FaultKind.Html)
                {
                    ctx.Response.ContentType = "text/html";
                    await ctx.Response.WriteAsync($"<html><body><h1>{fault.Status} Error</h1><p>upstream proxy</p></body></html>");
                }
                else if (fault.Body != null)
                {
                    ctx.Response.ContentType = fault.ContentType ?? "application/json";
                    await ctx.Response.WriteAsync(fault.Body.Replace("{n}", fault.Served.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    await Write(ctx, SandboxApi.ErrorBody(fault.Status, fault.Status == 429 ? "rate limit exceeded" : "internal server error (injected)"));
                }
                return;
            }

            var caller = Authenticate(req.Headers.Authorization.FirstOrDefault(), state);
            if (caller == null)
            {
                record.Status = 401;
                ctx.Response.StatusCode = 401;
                await Write(ctx, SandboxApi.ErrorBody(401, "invalid or unknown API key", "unauthorized"));
                return;
            }
            // Partner keys "are limited to the Organization and User endpoints", as Polytomic documents partner keys.
            if (caller.Kind == CallerKind.Partner && !PartnerRoute(path))
            {
                record.Status = 403;
                ctx.Response.StatusCode = 403;
                await Write(ctx, SandboxApi.ErrorBody(403, "partner keys can only call the organization and user endpoints; use a user API key or -OrganizationId", "forbidden"));
                return;
            }
            ctx.Items[CallerItem] = caller;
            // Every store the handler touches now shows this organization's objects only.
            state.EnterOrganization(caller);

            var version = record.Version ?? state.Options.DefaultVersion;
            if (!SandboxVersions.Both.Contains(version))
            {
                record.Status = 400;
                ctx.Response.StatusCode = 400;
                await Write(ctx, SandboxApi.ErrorBody(400, $"unsupported API version '{version}'", "invalid_version"));
                return;
            }
            ctx.Items[VersionItem] = version;
            ctx.Response.Headers["X-Polytomic-Version"] = version;

            var key = record.IdempotencyKey;
            bool idempotent = key != null && req.Method != "GET" && req.Method != "DELETE";
            // Keys are remembered per organization: another organization's request never replays this one's answer.
            var cacheKey = caller.OrganizationId + "/" + key;
            if (idempotent)
            {
                if (key!.Length < 8 || key.Length > 255 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
                {
                    record.Status = 400;
                    ctx.Response.StatusCode = 400;
                    await Write(ctx, SandboxApi.ErrorBody(400, "invalid Idempotency-Key: use 8-255 letters, digits, '-' or '_'", "invalid_idempotency_key"));
                    return;
                }
                var (proceed, replay) = state.Idempotency.Claim(cacheKey);
                if (!proceed)
                {
                    if (replay == null)
                    {
                        record.Status = 409;
                        ctx.Response.StatusCode = 409;
                        await Write(ctx, SandboxApi.ErrorBody(409, "a request with this Idempotency-Key is already in progress", "idempotency_key_in_use"));
                        return;
                    }
                    // A replayed reply can be lost too: LoseResponse with count N loses N replies, replays included.
                    if (LoseResponse(ctx, state, record)) return;
                    record.Status = replay.Status;
                    ctx.Response.StatusCode = replay.Status;
                    if (replay.ContentType != null) ctx.Response.ContentType = replay.ContentType;
                    await ctx.Response.Body.WriteAsync(replay.Body);
                    return;
                }
            }

            // Buffer the response so an outcome can be stored for replays, or lost on purpose.
            var original = ctx.Response.Body;
            using var buffer = new MemoryStream();
            ctx.Response.Body = buffer;
            try
            {
                await next(ctx);
            }
            catch
            {
                if (idempotent) state.Idempotency.Release(cacheKey);
                throw;
            }
            finally
            {
                ctx.Response.Body = original;
            }
            record.Status = ctx.Response.StatusCode;
            state.Contract?.Observe(version, req.Method, path, ctx.Response.StatusCode, ctx.Response.ContentType, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            if (idempotent)
                state.Idempotency.Complete(cacheKey, new IdempotencyCache.Outcome { Status = ctx.Response.StatusCode, Body = buffer.ToArray(), ContentType = ctx.Response.ContentType });
            if (LoseResponse(ctx, state, record)) return;
            buffer.Position = 0;
            await buffer.CopyToAsync(original);
        }

        /// <summary>Closes the connection instead of answering when a LoseResponse fault applies.</summary>
        private static bool LoseResponse(HttpContext ctx, SandboxState state, RecordedRequest record)
        {
            if (state.Faults.Take(ctx.Request.Method, ctx.Request.Path.Value ?? "", FaultKind.LoseResponse) == null) return false;
            record.Status = -2;
            ctx.Abort();
            return true;
        }

        /// <summary>The caller behind an Authorization header, or null for a key the sandbox does not know.</summary>
        private static SandboxCaller? Authenticate(string? header, SandboxState state)
        {
            if (header == null) return null;
            if (header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                var token = header.Substring(7);
                // The pre-2024 Go client sent base64(key); Polytomic accepted it.
                if (token == state.ApiKey || token == Convert.ToBase64String(Encoding.UTF8.GetBytes(state.ApiKey)))
                    return new SandboxCaller { Kind = CallerKind.User, OrganizationId = state.OrganizationId, UserId = state.UserId };
                if (token == state.PartnerKey)
                    return new SandboxCaller { Kind = CallerKind.Partner, OrganizationId = state.OrganizationId, UserId = state.PartnerId };
                if (state.MintedKeys.TryGetValue(token, out var minted))
                    return new SandboxCaller { Kind = CallerKind.User, OrganizationId = minted.OrganizationId, UserId = minted.UserId };
                return null;
            }
            if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return null;
            string pair;
            try { pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6))); }
            catch (FormatException) { return null; }
            var colon = pair.IndexOf(':');
            if (colon < 0) return null;
            string user = pair.Substring(0, colon), password = pair.Substring(colon + 1);
            if (password.Length == 0 && user == state.DeploymentKey)
                return new SandboxCaller { Kind = CallerKind.System, OrganizationId = state.OrganizationId };
            if (password == state.DeploymentKey && Routes.IdentityRoutes.OrganizationExists(state, user))
                return new SandboxCaller { Kind = CallerKind.System, OrganizationId = user };
            if (password == state.PartnerKey && Routes.IdentityRoutes.OrganizationExists(state, user))
                return new SandboxCaller { Kind = CallerKind.Organization, OrganizationId = user, UserId = state.PartnerId };
            return null;
        }

        private static bool PartnerRoute(string path) =>
            path == "/api/me" || path == "/api/organizations" || path.StartsWith("/api/organizations/", StringComparison.Ordinal)
            || (path.StartsWith("/api/connections/", StringComparison.Ordinal) && path.EndsWith("/share", StringComparison.Ordinal));

        private static Task Write(HttpContext ctx, JsonNode body)
        {
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync(body.ToJsonString());
        }

        /// <summary>Unauthenticated switches for a sandbox run standalone (tests in-process use State directly).</summary>
        private static void MapControlRoutes(WebApplication app, SandboxState state)
        {
            app.MapPost("/_sandbox/faults", async (HttpContext ctx) =>
            {
                var fault = await ctx.Request.ReadFromJsonAsync<Fault>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
                {
                    Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
                });
                if (fault != null) state.Faults.Add(fault);
                return Results.NoContent();
            });
            app.MapDelete("/_sandbox/faults", () => { state.Faults.Clear(); return Results.NoContent(); });
            app.MapGet("/_sandbox/contract", () => Results.Json(new { enabled = state.Contract != null, @checked = state.Contract?.Checked ?? 0, violations = state.Contract?.Violations ?? Array.Empty<string>() }));
            app.MapGet("/_sandbox/requests", () => Results.Json(state.Requests.Select(r => new { r.Method, r.Path, r.Query, r.Status, r.IdempotencyKey })));
        }

        public async ValueTask DisposeAsync()
        {
            await Deliveries.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
