using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Model-sync runs: start (409 while running), cancel, executions paged newest first, status,
    /// log files behind signed URLs the sandbox serves itself, 2025-09-18 console logs and the 2024-02-08 status PUT
    /// (the events runs emit are in Events.cs and SyncRunEvents.cs). Runs move on the sandbox clock (Core/SyncRuns.cs).</summary>
    public static class SyncRunRoutes
    {
        /// <summary>Runs per page of GET /api/syncs/{id}/executions (the API takes no limit).</summary>
        public const int PageSize = 50;
        public const int MaxConsoleEntries = 50;

        private static readonly string[] LogTypes = { "records", "errors", "warnings", "inserts", "updates", "deletes" };
        private static readonly string[] Statuses = { "created", "scheduled", "queued", "waiting", "running", "processing", "canceling", "canceled", "completed", "failed", "interrupted" };
        private static readonly byte[] SigningKey = Guid.NewGuid().ToByteArray();

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            var runs = s.SyncRuns;

            api.Post("/api/syncs/{id}/executions", async r =>
            {
                var sync = SyncRoutes.Find(s, r.Route("id"));
                var syncId = (string)sync["id"]!;
                runs.RunAfter.Follow(s);
                var body = r.Http.Request.ContentLength > 0 ? await r.BodyAsync() : new JsonObject();
                if (body["identities"] is JsonNode ids && !(ids is JsonArray arr && arr.All(x => x is JsonValue v && v.TryGetValue<string>(out _))))
                    throw ApiError.BadRequest("identities must be an array of strings");
                var running = Current(s, syncId);
                if (running != null)
                    throw new ApiError(409, "sync is already running", "conflict", new JsonObject { ["execution_id"] = running.Id });
                var test = (bool?)body["test"] == true;
                var run = new SyncRun
                {
                    Id = SandboxState.NewId(), SyncId = syncId, SyncName = (string?)sync["name"] ?? "",
                    TargetConnectionId = (string?)sync["target"]?["connection_id"], Mode = (string?)sync["mode"] ?? "updateOrCreate",
                    Type = "manual", Test = test, Resync = (bool?)body["resync"] == true, Created = s.Clock.Now,
                    QueuedAfter = runs.QueuedAfter, StartsAfter = runs.StartsAfter, RunsFor = runs.RunsFor,
                    Records = test ? Math.Min(10, runs.RecordsPerRun) : runs.RecordsPerRun,
                    Outcome = SyncRuns.OutcomeFor((string?)sync["name"]),
                };
                runs.Add(run);
                var state = run.At(s.Clock.Now);
                return r.Data(new JsonObject { ["id"] = run.Id, ["status"] = state.Status, ["created_at"] = Stamp(run.Created) });
            });

            api.Get("/api/syncs/{sync_id}/executions", r =>
            {
                var sync = SyncRoutes.Find(s, r.Route("sync_id"));
                var syncId = (string)sync["id"]!;
                runs.RunAfter.Follow(s);
                var now = s.Clock.Now;
                var ascending = r.QueryBool("ascending");
                var onlyCompleted = r.QueryBool("only_completed");
                var from = FromToken(runs, syncId, r.Query("page_token"));
                var page = runs.Page(syncId, from, ascending, PageSize, x => !onlyCompleted || x.At(now).IsTerminal, out var more);
                var next = more && page.Count > 0 ? Token(page[page.Count - 1]) : null;
                return Task.FromResult(r.Data(new JsonArray(page.Select(x => (JsonNode)Project(x, now)).ToArray()), ListPages.Pagination(next)));
            });

            api.Get("/api/syncs/{sync_id}/executions/{id}", r =>
            {
                runs.RunAfter.Follow(s);
                return Task.FromResult(r.Data(Project(FindRun(s, r.Route("sync_id"), r.Route("id")), s.Clock.Now)));
            });

            // "Retry or resolve stalled executions": 2024-02-08 only.
            api.Put("/api/syncs/{sync_id}/executions/{id}", async r =>
            {
                var run = FindRun(s, r.Route("sync_id"), r.Route("id"));
                var body = await r.BodyAsync();
                var status = (string?)(body["status"] as JsonValue);
                if (string.IsNullOrEmpty(status)) throw ApiError.BadRequest("status is required");
                if (!Statuses.Contains(status)) throw ApiError.BadRequest($"invalid status '{status}': use one of {string.Join(", ", Statuses)}");
                run.Override = status;
                run.OverrideAt = s.Clock.Now;
                return r.Data(Project(run, s.Clock.Now));
            }, SandboxVersions.Only2024);

            api.Post("/api/syncs/{sync_id}/executions/{id}/cancel", r =>
            {
                var run = FindRun(s, r.Route("sync_id"), r.Route("id"));
                if (run.At(s.Clock.Now).IsTerminal) throw ApiError.BadRequest("the execution has already finished");
                run.CancelAt ??= s.Clock.Now;
                return Task.FromResult(r.Data(new JsonObject { ["message"] = "Cancellation requested" }));
            }, SandboxVersions.Only2025);

            api.Post("/api/syncs/{id}/cancel", r =>
            {
                var sync = SyncRoutes.Find(s, r.Route("id"));
                var run = Current(s, (string)sync["id"]!) ?? throw ApiError.BadRequest("the sync has no execution in progress");
                run.CancelAt ??= s.Clock.Now;
                return Task.FromResult(r.Data(new JsonObject { ["message"] = "Cancellation requested" }));
            });

            api.Get("/api/syncs/{id}/status", r =>
            {
                var sync = SyncRoutes.Find(s, r.Route("id"));
                var syncId = (string)sync["id"]!;
                runs.RunAfter.Follow(s);
                var now = s.Clock.Now;
                var newest = runs.Page(syncId, null, false, 1, _ => true, out _).FirstOrDefault();
                var current = newest != null && !newest.At(now).IsTerminal ? newest : null;
                var last = runs.Page(syncId, null, false, 1, x => x.At(now).IsTerminal, out _).FirstOrDefault();
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["current_execution"] = current == null ? null : Project(current, now),
                    ["last_execution"] = last == null ? null : Project(last, now),
                    ["next_execution_time"] = NextExecutionTime(sync, now),
                }));
            });

            api.Get("/api/syncs/{sync_id}/executions/{id}/consolelog", r =>
            {
                var run = FindRun(s, r.Route("sync_id"), r.Route("id"));
                var now = s.Clock.Now;
                var state = run.At(now);
                var error = state.Status == "failed" ? FailureMessage(run) : null;
                var entries = ConsoleLog.Entries(now, run.Created, run.Created + run.QueuedAfter, state.StartedAt, state.CompletedAt,
                    run.Finished, state.Status, t => run.At(t).Processed, error, "sync");
                return Task.FromResult(r.Data(ConsoleLog.Page(r, entries)));
            }, SandboxVersions.Only2025);

            api.Get("/api/syncs/{sync_id}/executions/{id}/{type}", r =>
            {
                var run = FindRun(s, r.Route("sync_id"), r.Route("id"));
                var type = r.Route("type");
                if (!LogTypes.Contains(type)) throw ApiError.BadRequest($"invalid log type '{type}': use one of {string.Join(", ", LogTypes)}");
                var expires = s.Clock.Now.AddHours(1);
                var files = Files(run, type, s.Clock.Now);
                var origin = r.Http.Request.Scheme + "://" + r.Http.Request.Host;
                return Task.FromResult(r.Data(new JsonObject
                {
                    ["urls"] = new JsonArray(files.Select(f => (JsonNode)JsonValue.Create(SignedUrl(origin, run, type, f.Name, expires))!).ToArray()),
                    ["expires"] = expires.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                }));
            });

            // One file: Polytomic answers with the file itself; the sandbox sends the caller to its signed URL.
            api.Get("/api/syncs/{sync_id}/executions/{id}/{type}/{filename}", r =>
            {
                var run = FindRun(s, r.Route("sync_id"), r.Route("id"));
                var type = r.Route("type");
                if (!LogTypes.Contains(type)) throw ApiError.BadRequest($"invalid log type '{type}'");
                var name = r.Route("filename");
                if (!Files(run, type, s.Clock.Now).Any(f => f.Name == name)) throw ApiError.NotFound("log file", name);
                var origin = r.Http.Request.Scheme + "://" + r.Http.Request.Host;
                return Task.FromResult(Results.Redirect(SignedUrl(origin, run, type, name, s.Clock.Now.AddHours(1))));
            });

            // Signed URLs: no API key (a storage bucket refuses a second auth scheme, so an Authorization header is a 400).
            api.MapUnversioned("GET", "/_sandbox/files/syncs/{sync_id}/{id}/{type}/{file}", (HttpContext ctx) =>
            {
                string V(string n) => ctx.Request.RouteValues[n]?.ToString() ?? "";
                var hadAuth = ctx.Request.Headers.ContainsKey("Authorization");
                runs.Downloads.Enqueue((ctx.Request.Path.Value ?? "", hadAuth));
                if (hadAuth) return Results.Text("<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>", "application/xml", Encoding.UTF8, 400);
                var run = runs.Get(V("id"));
                if (run == null || run.SyncId != V("sync_id")) return Results.NotFound();
                if (!long.TryParse(ctx.Request.Query["expires"], out var exp) || ctx.Request.Query["signature"] != Sign(run, V("type"), V("file"), exp))
                    return Results.Text("<Error><Code>AccessDenied</Code><Message>signature does not match</Message></Error>", "application/xml", Encoding.UTF8, 403);
                if (DateTimeOffset.FromUnixTimeSeconds(exp) < s.Clock.Now)
                    return Results.Text("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", "application/xml", Encoding.UTF8, 403);
                var file = Files(run, V("type"), s.Clock.Now).FirstOrDefault(f => f.Name == V("file"));
                return file.Name == null ? Results.NotFound() : Results.Text(file.Content, "application/json", Encoding.UTF8);
            });
        }

        // ---------------------------------------------------------------- runs

        private static SyncRun? Current(SandboxState s, string syncId)
        {
            var newest = s.SyncRuns.Page(syncId, null, false, 1, _ => true, out _).FirstOrDefault();
            return newest != null && !newest.At(s.Clock.Now).IsTerminal ? newest : null;
        }

        private static SyncRun FindRun(SandboxState s, string syncId, string id)
        {
            SyncRoutes.Find(s, syncId);
            var run = s.SyncRuns.Get(id);
            if (run == null || run.SyncId != syncId) throw ApiError.NotFound("execution", id);
            return run;
        }

        /// <summary>GetExecutionResponseSchema at time now.</summary>
        public static JsonObject Project(SyncRun run, DateTimeOffset now)
        {
            var st = run.At(now);
            var c = st.Counts(run.Mode);
            return new JsonObject
            {
                ["id"] = run.Id,
                ["status"] = st.Status,
                ["type"] = run.Type,
                ["created_at"] = Stamp(run.Created),
                ["started_at"] = Stamp(st.StartedAt),
                ["completed_at"] = Stamp(st.CompletedAt),
                ["errors"] = st.Status == "failed" ? new JsonArray(FailureMessage(run)) : c.Error > 0 ? new JsonArray($"{c.Error} record(s) were rejected by the target") : new JsonArray(),
                ["counts"] = new JsonObject
                {
                    ["total"] = c.Total, ["insert"] = c.Insert, ["update"] = c.Update, ["upserts"] = c.Upserts,
                    ["delete"] = c.Delete, ["error"] = c.Error, ["warnings"] = c.Warnings,
                },
            };
        }

        internal static string FailureMessage(SyncRun run) =>
            $"target rejected the batch: INVALID_FIELD_FOR_INSERT_UPDATE on {run.SyncName} (sandbox: the sync name contains [fail])";

        /// <summary>Keyset tokens (the last run's created time and id), so runs started while a client pages through
        /// the list cause neither duplicates nor gaps.</summary>
        private static string Token(SyncRun last) => ListPages.Token("runs", $"{last.Created.UtcTicks}:{last.Id}");

        private static SyncRun? FromToken(SyncRuns runs, string syncId, string? token)
        {
            if (!(ListPages.Position(token, "runs") is string position)) return null;
            var parts = position.Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], out var ticks))
                return new SyncRun { Id = parts[1], SyncId = syncId, Created = new DateTimeOffset(ticks, TimeSpan.Zero) };
            throw ApiError.BadRequest(ListPages.InvalidToken);
        }

        private static string? NextExecutionTime(JsonObject sync, DateTimeOffset now)
        {
            if ((bool?)sync["active"] != true) return null;
            var sched = sync["schedule"];
            int.TryParse((string?)(sched?["minute"] as JsonValue), out var minute);
            int.TryParse((string?)(sched?["hour"] as JsonValue), out var hour);
            DateTimeOffset? next = (string?)(sched?["frequency"] as JsonValue) switch
            {
                "continuous" => now.AddMinutes(1),
                "hourly" => new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, minute % 60, 0, TimeSpan.Zero) is var h && h > now ? h : h.AddHours(1),
                "daily" => new DateTimeOffset(now.Year, now.Month, now.Day, hour % 24, minute % 60, 0, TimeSpan.Zero) is var d && d > now ? d : d.AddDays(1),
                _ => null,
            };
            return next?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        // ---------------------------------------------------------------- log files

        private static (string Name, string Content)[] Files(SyncRun run, string type, DateTimeOffset now)
        {
            var st = run.At(now);
            var c = st.Counts(run.Mode);
            long count = type switch
            {
                "records" => c.Total, "errors" => c.Error, "warnings" => c.Warnings,
                "inserts" => c.Insert, "updates" => c.Update, "deletes" => c.Delete, _ => 0,
            };
            // 100 lines per file, so a full records log spans two files.
            var files = new List<(string, string)>();
            for (long first = 0, n = 1; first < count; first += 100, n++)
            {
                var sb = new StringBuilder();
                for (var i = first; i < Math.Min(count, first + 100); i++)
                {
                    var record = new JsonObject { ["email"] = $"user{i + 1}@example.com", ["first_name"] = $"User{i + 1}" };
                    JsonObject line = type switch
                    {
                        "errors" => new JsonObject { ["record"] = record, ["error"] = "INVALID_EMAIL_ADDRESS: Email: invalid email address" },
                        "warnings" => new JsonObject { ["record"] = record, ["warning"] = "field LastName truncated to 80 characters" },
                        _ => new JsonObject { ["record"] = record, ["operation"] = type == "records" ? "upsert" : type.TrimEnd('s') },
                    };
                    sb.Append(line.ToJsonString()).Append('\n');
                }
                files.Add(($"{type}-{n:0000}.json", sb.ToString()));
            }
            return files.ToArray();
        }

        private static string SignedUrl(string origin, SyncRun run, string type, string file, DateTimeOffset expires)
        {
            var exp = expires.ToUnixTimeSeconds();
            return $"{origin}/_sandbox/files/syncs/{run.SyncId}/{run.Id}/{type}/{Uri.EscapeDataString(file)}?expires={exp}&signature={Sign(run, type, file, exp)}";
        }

        private static string Sign(SyncRun run, string type, string file, long expires)
        {
            using var hmac = new HMACSHA256(SigningKey);
            return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{run.SyncId}/{run.Id}/{type}/{file}/{expires}"))).ToLowerInvariant();
        }

        public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

        public static string? Stamp(DateTimeOffset? t) => t is DateTimeOffset v ? Stamp(v) : null;
    }
}
