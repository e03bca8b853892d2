using System.Linq;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>What the bulk-sync route classes share: where bulk syncs are kept, the internal fields a stored bulk
    /// sync carries (its schemas and schedules, which the API shows through their own routes), and how a sync's runs
    /// are reached. Each route class owns everything else it needs.</summary>
    public static class BulkSyncData
    {
        /// <summary>The store of bulk syncs (runs are typed, in <see cref="SandboxState.BulkSyncRuns"/>).</summary>
        public const string SyncStore = "bulk_syncs";
        /// <summary>A stored bulk sync's schemas, in the API's snake_case shape.</summary>
        public const string SchemasKey = "_schemas";
        /// <summary>A stored bulk sync's schedules, in the schedules sub-resource's camelCase shape.</summary>
        public const string SchedulesKey = "_schedules";

        public static JsonObject FindSync(SandboxState s, string id) => s.Store(SyncStore).Get(id) ?? throw ApiError.NotFound("bulk sync", id);

        public static JsonArray Schemas(JsonObject sync) => sync[SchemasKey]!.AsArray();

        public static JsonArray Schedules(JsonObject sync) => sync[SchedulesKey]!.AsArray();

        /// <summary>The run in progress of a sync, if any.</summary>
        public static BulkSyncRun? Current(SandboxState s, string syncId)
        {
            var now = s.Clock.Now;
            return s.BulkSyncRuns.Of(syncId).FirstOrDefault(e => !e.At(now).IsTerminal);
        }

        /// <summary>A run of a sync the caller can see; 404 otherwise.</summary>
        public static BulkSyncRun FindRun(SandboxState s, string syncId, string runId)
        {
            FindSync(s, syncId);
            var run = s.BulkSyncRuns.Get(runId);
            if (run == null || run.SyncId != syncId) throw ApiError.NotFound("bulk sync execution", runId);
            return run;
        }

        /// <summary>A string or integer JSON value as text; anything else is null.</summary>
        public static string? Str(JsonNode? n) =>
            n is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.TryGetValue<long>(out var l) ? l.ToString() : null) : null;

        /// <summary>A schema's or field's default output name.</summary>
        public static string OutputName(string id) => id.Replace('.', '_').ToLowerInvariant();
    }
}
