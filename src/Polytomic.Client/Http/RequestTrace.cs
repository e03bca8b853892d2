using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Polytomic.Http
{
    /// <summary>One attempt of one call, as the history and the trace file record it. Never holds the key or the
    /// Authorization header; a body only when the session traces bodies, and then with its secrets masked.</summary>
    public sealed class PolytomicRequestRecord
    {
        public DateTimeOffset Time { get; internal set; }
        public string Method { get; internal set; } = "";
        public string Path { get; internal set; } = "";
        /// <summary>The query string, without its '?', or null.</summary>
        public string? Query { get; internal set; }
        /// <summary>The HTTP status; null when no answer came (timeout, network) or nothing was sent (a read-only refusal).</summary>
        public int? Status { get; internal set; }
        public double Milliseconds { get; internal set; }
        /// <summary>1 for the first attempt of a call, 2 for its first retry...; 0 for a call refused before sending.</summary>
        public int Attempt { get; internal set; }
        public string? IdempotencyKey { get; internal set; }
        /// <summary>The ErrorId the attempt's failure has (PolytomicApi.NotFound, PolytomicApi.Timeout, ReadOnlySession...), or null.</summary>
        public string? ErrorId { get; internal set; }
        /// <summary>The request body with secret fields masked (only with -TraceBody).</summary>
        public string? Body { get; internal set; }

        public override string ToString() => $"{Time:u} {Method} {Path} -> {(Status?.ToString() ?? ErrorId ?? "-")} (attempt {Attempt})";
    }

    /// <summary>Where a session's attempts are recorded: a bounded in-memory ring (Get-PolytomicRequestHistory) and,
    /// with a path, one JSON line per attempt appended to a file. Written from the threads that send; a file that cannot
    /// be written never fails a call (the first such failure is kept in <see cref="WriteFailure"/>).</summary>
    public sealed class RequestTrace
    {
        public const int DefaultCapacity = 500;
        private readonly object gate = new object();
        /// <summary>One writer at a time for every trace file of the process: sessions of several organizations may share one file.</summary>
        private static readonly object fileGate = new object();
        private readonly PolytomicRequestRecord?[] ring;
        private int next, count;

        public RequestTrace(string? path = null, bool bodies = false, int capacity = DefaultCapacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            ring = new PolytomicRequestRecord?[capacity];
            Path = path;
            Bodies = bodies;
        }

        /// <summary>The trace file (full path), or null for the history alone.</summary>
        public string? Path { get; }
        /// <summary>Whether request bodies are recorded (masked by <see cref="BodyMasker"/>).</summary>
        public bool Bodies { get; }
        public int Capacity => ring.Length;

        /// <summary>Masks a request body (method, path, body) for the trace; without one, <see cref="TraceMask.Mask"/>
        /// with no connection-type knowledge masks every configuration value.</summary>
        public Func<string, string, byte[], string>? BodyMasker { get; set; }

        /// <summary>The ErrorId of a failed attempt (status, or the exception when no answer came).</summary>
        public Func<int?, Exception?, string?>? ErrorIdOf { get; set; }

        public string? WriteFailure { get; private set; }

        /// <summary>The most recent attempts, oldest first (at most <paramref name="last"/>).</summary>
        public IReadOnlyList<PolytomicRequestRecord> Recent(int last = int.MaxValue)
        {
            lock (gate)
            {
                var n = Math.Min(Math.Max(0, last), count);
                var list = new List<PolytomicRequestRecord>(n);
                for (int i = count - n; i < count; i++)
                    list.Add(ring[(next - count + i + ring.Length) % ring.Length]!);
                return list;
            }
        }

        internal void Record(ApiRequest call, int attempt, int? status, TimeSpan elapsed, Exception? failure, string? errorId = null)
        {
            var record = new PolytomicRequestRecord
            {
                Time = DateTimeOffset.UtcNow,
                Method = call.Method.Method,
                Path = call.Path,
                Query = call.PathAndQuery.Length > call.Path.Length ? call.PathAndQuery.Substring(call.Path.Length + 1) : null,
                Status = status,
                Milliseconds = Math.Round(elapsed.TotalMilliseconds, 1),
                Attempt = attempt,
                IdempotencyKey = call.IdempotencyKey,
                ErrorId = errorId ?? ((status >= 400 || failure != null) ? ErrorId(status, failure) : null),
            };
            if (Bodies && call.Payload != null && call.Payload.Length > 0)
            {
                try { record.Body = BodyMasker?.Invoke(record.Method, record.Path, call.Payload) ?? TraceMask.Mask(call.Payload, null); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { record.Body = "(body not recorded: " + ex.GetType().Name + ")"; }
            }
            string? line = Path == null ? null : Line(record);
            lock (gate)
            {
                ring[next] = record;
                next = (next + 1) % ring.Length;
                if (count < ring.Length) count++;
            }
            if (line != null) lock (fileGate) Append(line);
        }

        private string? ErrorId(int? status, Exception? failure)
        {
            try { return ErrorIdOf?.Invoke(status, failure) ?? (status != null ? "HTTP " + status : failure?.GetType().Name); }
            catch (Exception ex) when (!(ex is OutOfMemoryException)) { return null; }
        }

        private void Append(string line)
        {
            try
            {
                // Opened per line: a job that dies mid-run keeps every line written so far, and another process may read
                // (or rotate) the file meanwhile.
                using var file = new FileStream(Path!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                var bytes = Encoding.UTF8.GetBytes(line + "\n");
                file.Write(bytes, 0, bytes.Length);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteFailure ??= ex.Message;
            }
        }

        /// <summary>One JSON object on one line.</summary>
        public static string Line(PolytomicRequestRecord r)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteString("time", r.Time.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("method", r.Method);
                w.WriteString("path", r.Path);
                if (r.Query == null) w.WriteNull("query"); else w.WriteString("query", r.Query);
                if (r.Status == null) w.WriteNull("status"); else w.WriteNumber("status", r.Status.Value);
                w.WriteNumber("ms", r.Milliseconds);
                w.WriteNumber("attempt", r.Attempt);
                if (r.IdempotencyKey == null) w.WriteNull("idempotencyKey"); else w.WriteString("idempotencyKey", r.IdempotencyKey);
                if (r.ErrorId == null) w.WriteNull("errorId"); else w.WriteString("errorId", r.ErrorId);
                if (r.Body != null) w.WriteString("body", r.Body);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
