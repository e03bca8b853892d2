using System;
using System.Text.Json.Nodes;

namespace Polytomic.Sandbox.Routes
{
    /// <summary>The one place that hides what the sandbox keeps for itself. A stored object may carry sandbox-only
    /// facts (a connection's schema-cache times, a bulk sync's schemas and schedules, an organization's SSO secret)
    /// under keys that start with "_"; the API never shows them. Routes answer with <see cref="Hide"/> of a stored
    /// object, never with the object itself (SandboxShapeTests refuses a "_" filter anywhere else).</summary>
    public static class InternalFields
    {
        public static bool IsInternal(string key) => key.StartsWith("_", StringComparison.Ordinal);

        /// <summary>A deep copy of a stored object without its internal fields, in the stored key order.</summary>
        public static JsonObject Hide(JsonObject stored)
        {
            var result = new JsonObject();
            foreach (var kv in stored) if (!IsInternal(kv.Key)) result[kv.Key] = kv.Value?.DeepClone();
            return result;
        }
    }
}
