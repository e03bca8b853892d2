using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Polytomic.Sandbox.Catalogue;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Bulk sync runs (executions): start, list, cancel a run or one schema of it, console logs, log export and status.</summary>
    public static partial class BulkSyncRoutes
    {
        private static void MapExecutions(SandboxApi api, SandboxState s)
        {
            api.Post("/api/bulk/syncs/{id}/cancel", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var running = Current(s, (string)sync["id"]!) ?? throw ApiError.BadRequest("the bulk sync has no execution in progress");
                running["_cancel_at"] ??= s.Clock.Now.ToString("o");
                return Task.FromResult(r.Data(new JsonObject { ["message"] = "Cancellation requested" }));
            });

            api.Post("/api/bulk/syncs/{id}/schemas/{schema_id}/cancel", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var running = Current(s, (string)sync["id"]!) ?? throw ApiError.BadRequest("the bulk sync has no execution in progress");
                var schema = r.Route("schema_id");
                if (!running["_schemas"]!.AsArray().Any(x => (string?)x == schema))
                    throw ApiError.NotFound("schema execution", schema);
                running["_schema_cancel"]!.AsObject()[schema] ??= s.Clock.Now.ToString("o");
                return Task.FromResult(r.Data(new JsonObject { ["message"] = "Cancellation requested" }));
            });

            api.Post("/api/bulk/syncs/{id}/executions", async r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var syncId = (string)sync["id"]!;
                var body = r.Http.Request.ContentLength > 0 ? await r.BodyAsync() : new JsonObject();
                if (r.Is2025 && body.ContainsKey("resync"))
                    throw ApiError.BadRequest("resync is no longer accepted in API version 2025-09-18: send resync_mode");
                var resync = Str(body["resync_mode"]);
                if (resync == null && (bool?)body["resync"] == true) resync = "resync";
                if (resync != null && !ResyncModes.Contains(resync)) throw ApiError.BadRequest($"invalid resync_mode '{resync}'");
                var test = (bool?)body["test"] ?? false;
                if (test && resync != null) throw ApiError.BadRequest("test and resync_mode cannot be used together");
                var fetch = Str(body["fetch_mode"]) ?? "none";
                if (!FetchModes.Contains(fetch)) throw ApiError.BadRequest($"invalid fetch_mode '{fetch}'");
                if (Current(s, syncId) != null) throw new ApiError(409, "a bulk sync execution is already running", "conflict");

                var enabled = sync["_schemas"]!.AsArray().OfType<JsonObject>().Where(x => (bool?)x["enabled"] == true).Select(x => (string)x["id"]!).ToList();
                var schemas = enabled;
                if (body["schemas"] is JsonArray only && only.Count > 0)
                {
                    schemas = only.Select(x => Str(x) ?? "").ToList();
                    var unknown = schemas.Where(x => !enabled.Contains(x)).ToList();
                    if (unknown.Count > 0) throw ApiError.BadRequest($"schema(s) not enabled on this bulk sync: {string.Join(", ", unknown)}");
                }
                var exec = new JsonObject
                {
                    ["id"] = SandboxState.NewId(),
                    ["_sync_id"] = syncId,
                    ["_created"] = s.Clock.Now.ToString("o"),
                    ["_schemas"] = new JsonArray(schemas.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()),
                    ["_schema_cancel"] = new JsonObject(),
                    ["_cancel_at"] = null,
                    ["_source_type"] = (string?)ConnectionRoutes.Find(s, (string)sync["source_connection_id"]!)["type"],
                    ["type"] = "manual",
                    ["is_test"] = test,
                    ["is_resync"] = resync != null,
                    ["is_partial"] = schemas.Count < enabled.Count,
                    ["fetch_mode"] = fetch,
                    ["output_disposition"] = resync == "rebuild" ? "rebuild" : "retain",
                };
                s.BulkSyncRuns.Stamp(exec, (string?)sync["name"]);
                s.Store(ExecutionStore).Add(exec);
                return r.Data(ProjectExecution(s, exec));
            });

            api.Get("/api/bulk/syncs/{id}/executions", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var list = Executions(s, (string)sync["id"]!).Select(e => ProjectExecution(s, e)).ToList();
                if (r.QueryBool("only_terminal"))
                    list = list.Where(e => Terminal.Contains((string?)e["status"])).OrderByDescending(e => (string?)e["updated_at"]).ToList();
                if (r.QueryBool("ascending")) list.Reverse();
                var (page, next) = Paginate(list.Cast<JsonNode>().ToList(), r.Query("page_token"), Limit(r, 20, 100));
                return Task.FromResult(r.Data(new JsonArray(page.ToArray()), Paging(next)));
            });

            api.Get("/api/bulk/syncs/{id}/executions/{exec_id}", r =>
                Task.FromResult(r.Data(ProjectExecution(s, FindExecution(s, r.Route("id"), r.Route("exec_id"))))));

            api.Post("/api/bulk/syncs/{id}/executions/{exec_id}/cancel", r =>
            {
                var exec = FindExecution(s, r.Route("id"), r.Route("exec_id"));
                if (Terminal.Contains((string?)ProjectExecution(s, exec)["status"]))
                    throw ApiError.BadRequest("the execution has already finished");
                exec["_cancel_at"] ??= s.Clock.Now.ToString("o");
                return Task.FromResult(r.Data(new JsonObject { ["message"] = "Cancellation requested" }));
            });

            // Console logs (2025-09-18), from the run's timeline like the model-sync ones.
            api.Get("/api/bulk/syncs/{sync_id}/executions/{execution_id}/consolelog", r =>
                Task.FromResult(r.Data(ConsoleLog.Page(r, ConsoleOf(s, FindExecution(s, r.Route("sync_id"), r.Route("execution_id")), null)))),
                SandboxVersions.Only2025);

            api.Get("/api/bulk/syncs/{sync_id}/executions/{execution_id}/schemas/{schema_id}/consolelog", r =>
                Task.FromResult(r.Data(ConsoleLog.Page(r, ConsoleOf(s, FindExecution(s, r.Route("sync_id"), r.Route("execution_id")), r.Route("schema_id"))))),
                SandboxVersions.Only2025);

            api.Get("/api/bulk/syncs/{sync_id}/executions/{execution_id}/logs", r =>
            {
                var exec = FindExecution(s, r.Route("sync_id"), r.Route("execution_id"));
                var urls = exec["_schemas"]!.AsArray().Select(x =>
                    (JsonNode)JsonValue.Create($"https://logs.sandbox.polytomic.invalid/bulk/{r.Route("sync_id")}/{exec["id"]}/{Uri.EscapeDataString((string)x!)}.jsonl.gz?sig=sandbox")!).ToArray();
                // Capitalised keys, as Polytomic sends them.
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["URLs"] = new JsonArray(urls),
                    ["Expires"] = s.Clock.Now.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"),
                }));
            });

            api.Post("/api/bulk/syncs/{sync_id}/executions/{execution_id}/logs/export", r =>
            {
                var exec = FindExecution(s, r.Route("sync_id"), r.Route("execution_id"));
                var url = $"https://logs.sandbox.polytomic.invalid/exports/{exec["id"]}.zip?sig=sandbox";
                var job = JobRoutes.Create(s, "exportlogs", new JsonObject { ["url"] = url }, TimeSpan.FromSeconds(2));
                return Task.FromResult(r.Data(new JsonObject { ["url"] = url }, new JsonObject { ["job"] = job }));
            });

            api.Get("/api/bulk/syncs/{id}/status", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var syncId = (string)sync["id"]!;
                var projected = Executions(s, syncId).Select(e => ProjectExecution(s, e)).ToList();
                var source = s.Connections.Get((string)sync["source_connection_id"]!);
                var cdc = (bool?)source?["configuration"]?["change_detection"] == true;
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["current_execution"] = projected.FirstOrDefault(e => !Terminal.Contains((string?)e["status"])),
                    ["last_execution"] = projected.FirstOrDefault(e => Terminal.Contains((string?)e["status"])),
                    ["next_execution_time"] = NextExecutionTime(s, sync),
                    ["ingestion_status"] = cdc
                        ? new JsonObject
                        {
                            ["enabled"] = true, ["is_running"] = (bool?)sync["active"] == true, ["status"] = "ok", ["status_message"] = "",
                            ["position"] = "0/16B3748", ["position_time"] = s.Clock.Stamp(), ["highwater_mark"] = "0/16B3748", ["updated_at"] = s.Clock.Stamp(),
                        }
                        : new JsonObject { ["enabled"] = false, ["is_running"] = false },
                }));
            });
        }

        /// <summary>The console log of a bulk run, or of one schema of it.</summary>
        private static List<ConsoleLog.Entry> ConsoleOf(SandboxState s, JsonObject exec, string? schema)
        {
            var projected = ProjectExecution(s, exec);
            var item = schema == null ? projected
                : projected["schemas"]!.AsArray().OfType<JsonObject>().FirstOrDefault(x => (string?)x["schema"] == schema)
                  ?? throw ApiError.NotFound("schema execution", schema);
            var created = DateTimeOffset.Parse((string)exec["_created"]!);
            var (queuedFor, runsFor) = Sandbox.BulkSyncRuns.Timing(exec);
            var started = created + queuedFor;
            DateTimeOffset? Time(string key) => Str(item[key]) is string t ? DateTimeOffset.Parse(t) : null;
            var records = (long?)item["record_count"] ?? 0;
            var status = (string?)item["status"] ?? "created";
            var end = Time("completed_at") ?? s.Clock.Now;
            return ConsoleLog.Entries(s.Clock.Now, created, created, Time("started_at"), Time("completed_at"), started + runsFor, status,
                t => end <= started ? 0 : (long)(records * Math.Clamp((t - started) / (end - started), 0, 1)), null, schema == null ? "bulk sync" : "schema " + schema);
        }

        /// <summary>A sync's executions, newest first.</summary>
        private static List<JsonObject> Executions(SandboxState s, string syncId) =>
            s.Store(ExecutionStore).All().Where(e => (string?)e["_sync_id"] == syncId)
                .OrderByDescending(e => DateTimeOffset.Parse((string)e["_created"]!)).ToList();

        private static JsonObject? Current(SandboxState s, string syncId) =>
            Executions(s, syncId).FirstOrDefault(e => !Terminal.Contains((string?)ProjectExecution(s, e)["status"]));

        private static JsonObject FindExecution(SandboxState s, string syncId, string execId)
        {
            FindSync(s, syncId);
            var e = s.Store(ExecutionStore).Get(execId);
            if (e == null || (string?)e["_sync_id"] != syncId) throw ApiError.NotFound("bulk sync execution", execId);
            return e;
        }

        /// <summary>An execution as it stands at the sandbox clock's time (see <see cref="Sandbox.BulkSyncRuns"/>).</summary>
        private static JsonObject ProjectExecution(SandboxState s, JsonObject exec) =>
            Sandbox.BulkSyncRuns.Project(exec, s.Clock.Now, Output);
    }
}
