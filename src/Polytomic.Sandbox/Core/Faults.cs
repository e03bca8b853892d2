using System;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Sandbox
{
    public enum FaultKind
    {
        /// <summary>Answer with a status (and optional Retry-After) before the request is handled.</summary>
        Status,
        /// <summary>Wait before handling the request.</summary>
        Delay,
        /// <summary>Close the connection before the request is handled.</summary>
        ResetBeforeHandling,
        /// <summary>Handle the request, then close the connection instead of answering: the response is lost.</summary>
        LoseResponse,
        /// <summary>Answer a status with an HTML page instead of JSON.</summary>
        Html,
    }

    /// <summary>One planned fault: applies to the next <see cref="Count"/> matching requests.</summary>
    public sealed class Fault
    {
        public FaultKind Kind { get; set; } = FaultKind.Status;
        public int Status { get; set; } = 500;
        public string? RetryAfter { get; set; }
        /// <summary>Raw body to answer with instead of Polytomic's error JSON (legacy shapes, truncated JSON…). "{n}" in
        /// it becomes the number of the answer (1, 2…), so each answer can differ (a fresh page token every time).</summary>
        public string? Body { get; set; }

        /// <summary>Requests this fault has answered so far.</summary>
        public int Served { get; internal set; }
        public string? ContentType { get; set; }
        public TimeSpan Delay { get; set; }
        public string? Method { get; set; }
        public string? PathPrefix { get; set; }
        public int Count { get; set; } = 1;

        /// <summary>Matching requests let through before the fault applies (say, the third page of a list).</summary>
        public int Skip { get; set; }

        internal bool Matches(string method, string path) =>
            (Method == null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            && (PathPrefix == null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Fault-injection switches tests turn on (in-process, or POST /_sandbox/faults when standalone).</summary>
    public sealed class FaultPlan
    {
        private readonly object gate = new object();
        private readonly List<Fault> faults = new List<Fault>();

        public void Add(Fault fault) { lock (gate) faults.Add(fault); }

        public void FailNext(int status, int count = 1, string? retryAfter = null, string? method = null, string? pathPrefix = null) =>
            Add(new Fault { Kind = FaultKind.Status, Status = status, Count = count, RetryAfter = retryAfter, Method = method, PathPrefix = pathPrefix });

        public void Clear() { lock (gate) faults.Clear(); }

        /// <summary>Takes the first fault of the given kinds that matches, using up one of its count.</summary>
        internal Fault? Take(string method, string path, params FaultKind[] kinds)
        {
            lock (gate)
            {
                var f = faults.FirstOrDefault(x => kinds.Contains(x.Kind) && x.Matches(method, path));
                if (f == null) return null;
                if (f.Skip > 0) { f.Skip--; return null; }
                if (--f.Count <= 0) faults.Remove(f);
                f.Served++;
                return f;
            }
        }
    }
}
