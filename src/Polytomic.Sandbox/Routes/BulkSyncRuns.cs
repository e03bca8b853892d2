using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using static Polytomic.Sandbox.Routes.BulkSyncData;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Bulk sync runs (executions): start, list, cancel a run or one schema of it, console logs, log export and
    /// status. Runs are typed (<see cref="BulkSyncRun"/>) and move on the sandbox clock; <see cref="Json"/> is their
    /// published shape.</summary>
    public static class BulkSyncRunRoutes
    {
        public static readonly string[] ResyncModes = { "refetch", "resync", "rebuild" };
        private static readonly string[] FetchModes = { "none", "incremental", "full" };

        public static void Map(SandboxApi api)
        {
            var s = api.State;

            api.Post("/api/bulk/syncs/{id}/cancel", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var running = Current(s, (string)sync["id"]!) ?? throw ApiError.BadRequest("the bulk sync has no execution in progress");
                running.CancelAt ??= s.Clock.Now;
                return Task.FromResult(r.Data(new JsonObject { ["message"] = "Cancellation requested" }));
            });

            api.Post("/api/bulk/syncs/{id}/schemas/{schema_id}/cancel", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var running = Current(s, (string)sync["id"]!) ?? throw ApiError.BadRequest("the bulk sync has no execution in progress");
                var schema = r.Route("schema_id");
                if (!running.Schemas.Contains(schema)) throw ApiError.NotFound("schema execution", schema);
                running.SchemaCancels.TryAdd(schema, s.Clock.Now);
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

                var enabled = Schemas(sync).OfType<JsonObject>().Where(x => (bool?)x["enabled"] == true).Select(x => (string)x["id"]!).ToList();
                var schemas = enabled;
                if (body["schemas"] is JsonArray only && only.Count > 0)
                {
                    schemas = only.Select(x => Str(x) ?? "").ToList();
                    var unknown = schemas.Where(x => !enabled.Contains(x)).ToList();
                    if (unknown.Count > 0) throw ApiError.BadRequest($"schema(s) not enabled on this bulk sync: {string.Join(", ", unknown)}");
                }
                var run = new BulkSyncRun
                {
                    Id = SandboxState.NewId(), SyncId = syncId, Created = s.Clock.Now, Schemas = schemas,
                    SourceType = (string?)ConnectionRoutes.Find(s, (string)sync["source_connection_id"]!)["type"] ?? "",
                    Type = "manual", IsTest = test, IsResync = resync != null, IsPartial = schemas.Count < enabled.Count,
                    FetchMode = fetch, OutputDisposition = resync == "rebuild" ? "rebuild" : "retain",
                    // The same name markers as model syncs: "[fail]" in the bulk sync's name fails the run half way.
                    Outcome = SyncRuns.OutcomeFor((string?)sync["name"]), QueuedFor = s.BulkSyncRuns.QueuedFor, RunsFor = s.BulkSyncRuns.RunsFor,
                };
                s.BulkSyncRuns.Add(run);
                return r.Data(Json(run, s.Clock.Now));
            });

            api.Get("/api/bulk/syncs/{id}/executions", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var now = s.Clock.Now;
                var list = s.BulkSyncRuns.Of((string)sync["id"]!).Select(e => Json(e, now)).ToList();
                if (r.QueryBool("only_terminal"))
                    list = list.Where(e => BulkSyncRunState.TerminalStatuses.Contains((string?)e["status"])).OrderByDescending(e => (string?)e["updated_at"]).ToList();
                if (r.QueryBool("ascending")) list.Reverse();
                var (page, next) = ListPages.Slice(list, r, "bulk_executions", 20, 100);
                return Task.FromResult(r.Data(new JsonArray(page.ToArray()), ListPages.Pagination(next)));
            });

            api.Get("/api/bulk/syncs/{id}/executions/{exec_id}", r =>
                Task.FromResult(r.Data(Json(FindRun(s, r.Route("id"), r.Route("exec_id")), s.Clock.Now))));

            api.Post("/api/bulk/syncs/{id}/executions/{exec_id}/cancel", r =>
            {
                var run = FindRun(s, r.Route("id"), r.Route("exec_id"));
                if (run.At(s.Clock.Now).IsTerminal) throw ApiError.BadRequest("the execution has already finished");
                run.CancelAt ??= s.Clock.Now;
                return Task.FromResult(r.Data(new JsonObject { ["message"] = "Cancellation requested" }));
            });

            // Console logs (2025-09-18), from the run's timeline like the model-sync ones.
            api.Get("/api/bulk/syncs/{sync_id}/executions/{execution_id}/consolelog", r =>
                Task.FromResult(r.Data(ConsoleLog.Page(r, ConsoleOf(s, FindRun(s, r.Route("sync_id"), r.Route("execution_id")), null)))),
                SandboxVersions.Only2025);

            api.Get("/api/bulk/syncs/{sync_id}/executions/{execution_id}/schemas/{schema_id}/consolelog", r =>
                Task.FromResult(r.Data(ConsoleLog.Page(r, ConsoleOf(s, FindRun(s, r.Route("sync_id"), r.Route("execution_id")), r.Route("schema_id"))))),
                SandboxVersions.Only2025);

            api.Get("/api/bulk/syncs/{sync_id}/executions/{execution_id}/logs", r =>
            {
                var run = FindRun(s, r.Route("sync_id"), r.Route("execution_id"));
                var urls = run.Schemas.Select(x =>
                    (JsonNode)JsonValue.Create($"https://logs.sandbox.polytomic.invalid/bulk/{r.Route("sync_id")}/{run.Id}/{Uri.EscapeDataString(x)}.jsonl.gz?sig=sandbox")!).ToArray();
                // Capitalised keys, as Polytomic sends them.
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["URLs"] = new JsonArray(urls),
                    ["Expires"] = s.Clock.Now.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"),
                }));
            });

            api.Post("/api/bulk/syncs/{sync_id}/executions/{execution_id}/logs/export", r =>
            {
                var run = FindRun(s, r.Route("sync_id"), r.Route("execution_id"));
                var url = $"https://logs.sandbox.polytomic.invalid/exports/{run.Id}.zip?sig=sandbox";
                var job = JobRoutes.Create(s, "exportlogs", new JsonObject { ["url"] = url }, TimeSpan.FromSeconds(2));
                return Task.FromResult(r.Data(new JsonObject { ["url"] = url }, new JsonObject { ["job"] = job }));
            });

            MapStatus(api, s);
        }

        private static void MapStatus(SandboxApi api, SandboxState s)
        {
            api.Get("/api/bulk/syncs/status", r =>
            {
                var ids = r.Http.Request.Query["sync_id"].Where(v => v != null).SelectMany(v => v!.Split(',')).ToList();
                IEnumerable<JsonObject> syncs = s.Store(SyncStore).All();
                if (r.QueryBool("active")) syncs = syncs.Where(x => (bool?)x["active"] == true);
                else if (!r.QueryBool("all") && ids.Count > 0) syncs = syncs.Where(x => ids.Contains((string)x["id"]!));
                var now = s.Clock.Now;
                var items = syncs.Select(x =>
                {
                    var run = s.BulkSyncRuns.Of((string)x["id"]!).FirstOrDefault();
                    var state = run?.At(now);
                    return (JsonNode)new JsonObject
                    {
                        ["sync_id"] = (string)x["id"]!,
                        ["status"] = state?.Status,
                        ["nextExecutionTime"] = BulkSyncScheduleRoutes.NextExecutionTime(s, x),
                        ["schemas"] = new JsonArray((state?.Schemas ?? Array.Empty<BulkSchemaRunState>()).Select(sc => (JsonNode)new JsonObject
                        {
                            ["schema"] = sc.Schema, ["execution_id"] = run!.Id, ["status"] = sc.Status,
                            ["record_count"] = sc.Records, ["error_count"] = 0, ["warning_count"] = 0,
                            ["started_at"] = SyncRunRoutes.Stamp(sc.StartedAt), ["completed_at"] = SyncRunRoutes.Stamp(sc.CompletedAt),
                        }).ToArray()),
                    };
                }).ToArray();
                return Task.FromResult(r.Data(new JsonArray(items)));
            });

            api.Get("/api/bulk/syncs/{id}/status", r =>
            {
                var sync = FindSync(s, r.Route("id"));
                var now = s.Clock.Now;
                var runs = s.BulkSyncRuns.Of((string)sync["id"]!);
                var source = s.Connections.Get((string)sync["source_connection_id"]!);
                var cdc = (bool?)source?["configuration"]?["change_detection"] == true;
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["current_execution"] = runs.FirstOrDefault(e => !e.At(now).IsTerminal) is BulkSyncRun current ? Json(current, now) : null,
                    ["last_execution"] = runs.FirstOrDefault(e => e.At(now).IsTerminal) is BulkSyncRun last ? Json(last, now) : null,
                    ["next_execution_time"] = BulkSyncScheduleRoutes.NextExecutionTime(s, sync),
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

        /// <summary>A run as Polytomic shows a bulk sync execution, as it stands at now.</summary>
        public static JsonObject Json(BulkSyncRun run, DateTimeOffset now)
        {
            var st = run.At(now);
            return new JsonObject
            {
                ["id"] = run.Id, ["type"] = run.Type, ["is_test"] = run.IsTest, ["is_resync"] = run.IsResync, ["is_partial"] = run.IsPartial,
                ["fetch_mode"] = run.FetchMode, ["output_disposition"] = run.OutputDisposition,
                ["status"] = st.Status, ["status_message"] = st.Message,
                ["record_count"] = st.Records, ["error_count"] = st.Errors, ["warning_count"] = 0,
                ["created_at"] = SyncRunRoutes.Stamp(run.Created), ["started_at"] = SyncRunRoutes.Stamp(st.StartedAt), ["completed_at"] = SyncRunRoutes.Stamp(st.CompletedAt),
                ["updated_at"] = SyncRunRoutes.Stamp(st.UpdatedAt),
                ["schemas"] = new JsonArray(st.Schemas.Select(x => (JsonNode)new JsonObject
                {
                    ["schema"] = x.Schema, ["output_name"] = OutputName(x.Schema), ["status"] = x.Status, ["record_count"] = x.Records,
                    ["error_count"] = x.Errors, ["warning_count"] = 0, ["status_message"] = x.Message,
                    ["created_at"] = SyncRunRoutes.Stamp(run.Created), ["started_at"] = SyncRunRoutes.Stamp(x.StartedAt),
                    ["completed_at"] = SyncRunRoutes.Stamp(x.CompletedAt), ["updated_at"] = SyncRunRoutes.Stamp(x.UpdatedAt),
                }).ToArray()),
            };
        }

        /// <summary>The console log of a bulk run, or of one schema of it.</summary>
        private static List<ConsoleLog.Entry> ConsoleOf(SandboxState s, BulkSyncRun run, string? schema)
        {
            var now = s.Clock.Now;
            var st = run.At(now);
            var (status, records, startedAt, completedAt) = (st.Status, st.Records, st.StartedAt, st.CompletedAt);
            if (schema != null)
            {
                var item = st.Schemas.FirstOrDefault(x => x.Schema == schema) ?? throw ApiError.NotFound("schema execution", schema);
                (status, records, startedAt, completedAt) = (item.Status, item.Records, item.StartedAt, item.CompletedAt);
            }
            var started = run.Started;
            var end = completedAt ?? now;
            return ConsoleLog.Entries(now, run.Created, run.Created, startedAt, completedAt, started + run.RunsFor, status,
                t => end <= started ? 0 : (long)(records * Math.Clamp((t - started) / (end - started), 0, 1)), null, schema == null ? "bulk sync" : "schema " + schema);
        }
    }
}
