using System;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>POST /_sandbox/history: seeds a sync's run history (see <see cref="Sandbox.RunHistory"/>) in a sandbox
    /// run standalone (Pester, runbooks, the benchmark). Not part of Polytomic's API.</summary>
    public static class RunHistoryRoutes
    {
        public static void Map(SandboxApi api)
        {
            var s = api.State;
            api.MapUnversioned("POST", "/_sandbox/history", async (HttpContext ctx) =>
            {
                var body = (await JsonNode.ParseAsync(ctx.Request.Body))?.AsObject() ?? new JsonObject();
                var syncId = (string?)body["sync_id"] ?? "";
                var outcomes = (string?)body["outcomes"] ?? "";
                var minutes = (double?)body["spacing_minutes"] ?? 360;
                var ago = (double?)body["ago_minutes"] ?? 0;
                try
                {
                    var ids = Sandbox.RunHistory.Seed(s, syncId, outcomes, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(ago));
                    return Results.Json(new { sync_id = syncId, execution_ids = ids });
                }
                catch (ArgumentException e)
                {
                    return Results.Json(new { message = e.Message }, statusCode: 400);
                }
            });
        }
    }
}
