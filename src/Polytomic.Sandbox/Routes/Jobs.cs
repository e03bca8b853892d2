using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>Asynchronous jobs: any area creates one with <see cref="Create"/>; GET /api/jobs/{type}/{id}
    /// reports it created → running → done as the sandbox clock moves.</summary>
    public static class JobRoutes
    {
        public const string StoreName = "jobs";

        /// <summary>Job types Polytomic knows; GET with another type is a 400.</summary>
        public static readonly HashSet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal) { "createmodel", "exportlogs" };

        /// <summary>Registers a job whose result appears after <paramref name="duration"/> of sandbox time.</summary>
        public static JsonObject Create(SandboxState s, string type, JsonNode? result, TimeSpan duration, string? error = null)
        {
            var job = new JsonObject
            {
                ["id"] = SandboxState.NewId(),
                ["type"] = type,
                ["_created"] = s.Clock.Now.ToString("o"),
                ["_done_at"] = s.Clock.Now.Add(duration).ToString("o"),
                ["_result"] = result,
                ["_error"] = error,
            };
            s.Store(StoreName).Add(job);
            return Project(s, job);
        }

        /// <summary>The JobResponse shape at the current sandbox time.</summary>
        public static JsonObject Project(SandboxState s, JsonObject job)
        {
            var now = s.Clock.Now;
            var created = DateTimeOffset.Parse((string)job["_created"]!);
            var done = DateTimeOffset.Parse((string)job["_done_at"]!);
            var error = (string?)job["_error"];
            var status = now >= done ? (error == null ? "done" : "failed") : now > created ? "running" : "created";
            return new JsonObject
            {
                ["job_id"] = (string)job["id"]!,
                ["type"] = (string)job["type"]!,
                ["status"] = status,
                ["result"] = status == "done" ? job["_result"]?.DeepClone() : null,
                ["error"] = status == "failed" ? error : null,
            };
        }

        public static void Map(SandboxApi api)
        {
            var s = api.State;
            api.Get("/api/jobs/{type}/{id}", r =>
            {
                var type = r.Route("type");
                if (!KnownTypes.Contains(type)) throw ApiError.BadRequest($"unknown job type '{type}'");
                var job = s.Store(StoreName).Get(r.Route("id"));
                if (job == null || (string?)job["type"] != type) throw ApiError.NotFound("job", r.Route("id"));
                return Task.FromResult(r.Data(Project(s, job)));
            });
        }
    }
}
