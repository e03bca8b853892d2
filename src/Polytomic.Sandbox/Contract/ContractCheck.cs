using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Polytomic.Sandbox.Contract
{
    /// <summary>Checks every JSON answer the sandbox's routes give against Polytomic's published shapes for the
    /// request's API version, and keeps what does not fit (minus the reviewed <see cref="ContractExceptions"/>).
    /// Tests turn it on (<c>--contract FOLDER</c> or <see cref="SandboxState.Contract"/>) and fail on any violation.</summary>
    public sealed class ContractCheck
    {
        private readonly Dictionary<string, OpenApiContract> contracts;
        private readonly ConcurrentQueue<string> violations = new ConcurrentQueue<string>();
        private int checkedCount;

        public ContractCheck(IEnumerable<OpenApiContract> contracts) =>
            this.contracts = contracts.ToDictionary(c => c.Version, StringComparer.Ordinal);

        /// <summary>Loads the documents of both API versions from a folder holding openapi.sdk-derived.*.json.</summary>
        public static ContractCheck Load(string folder) =>
            new ContractCheck(SandboxVersions.Both.Select(v => OpenApiContract.Load(folder, v)));

        /// <summary>How many responses were checked.</summary>
        public int Checked => Volatile.Read(ref checkedCount);

        /// <summary>What did not fit so far.</summary>
        public IReadOnlyList<string> Violations => violations.ToArray();

        /// <summary>Takes (and forgets) what did not fit so far.</summary>
        public List<string> Drain()
        {
            var taken = new List<string>();
            while (violations.TryDequeue(out var v)) taken.Add(v);
            return taken;
        }

        /// <summary>Checks one answer. Bodies that are not JSON are left to the tests that expect them.</summary>
        public void Observe(string version, string method, string path, int status, string? contentType, ReadOnlyMemory<byte> body)
        {
            if (!contracts.TryGetValue(version, out var contract) || !path.StartsWith("/api/", StringComparison.Ordinal)) return;
            if (body.Length == 0 || contentType == null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)) return;
            Interlocked.Increment(ref checkedCount);
            JsonNode? json;
            try { json = JsonNode.Parse(body.Span); }
            catch (JsonException ex) { violations.Enqueue($"{version} {method} {path} {status}: not JSON ({ex.Message})"); return; }
            var problems = contract.Check(method, path, status, json);
            if (problems.Count == 0) return;
            var route = contract.Route(path) ?? path;
            foreach (var problem in problems)
                if (!ContractExceptions.Allows(version, method, route, problem))
                    violations.Enqueue($"API {version}: {problem}");
        }
    }
}
