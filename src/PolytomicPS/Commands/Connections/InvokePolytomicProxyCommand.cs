using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Invoke-PolytomicProxy: calls the connection's upstream API through Polytomic with the connection's own
    /// credentials (connection proxy, API version 2025-09-18; enabled per connection by Polytomic).</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PolytomicProxy", SupportsShouldProcess = true, DefaultParameterSetName = QuerySet)]
    [OutputType(typeof(PolytomicProxyResponse))]
    public sealed class InvokePolytomicProxyCommand : PolytomicCmdlet
    {
        public const string QuerySet = "Query";
        public const string RawQuerySet = "RawQuery";

        /// <summary>The connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The upstream path, relative to the connection's base URL; starts with /.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>The HTTP method.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>Query parameters.</summary>
        [Parameter(ParameterSetName = QuerySet)]
        public IDictionary? Query { get; set; }

        /// <summary>A ready-made query string (without '?').</summary>
        [Parameter(Mandatory = true, ParameterSetName = RawQuerySet)]
        public string? RawQuery { get; set; }

        /// <summary>Extra request headers (the connection's own auth headers are added by Polytomic).</summary>
        [Parameter]
        public IDictionary? Header { get; set; }

        /// <summary>The request body (a hashtable/object is sent as JSON).</summary>
        [Parameter]
        public object? Body { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            if (!Path.StartsWith("/", System.StringComparison.Ordinal) || Path.Contains("://"))
                throw new PolytomicInputException("InvalidProxyPath", $"-Path must be relative to the connection and start with '/', not '{Path}'.", "Path", Path);
            var call = new ProxyCall
            {
                Method = Method.ToUpperInvariant(),
                Path = Path,
                Query = Query == null ? null : PSInput.ToDictionary(Query, nameof(Query)),
                RawQuery = RawQuery,
                Headers = Header == null ? null : PSInput.ToDictionary(Header, nameof(Header)).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? ""),
                Body = Body == null ? null : PSInput.ToPlain(Body, nameof(Body), "Body"),
            };
            if (call.Method != "GET" && !ShouldProcess($"{call.Method} {Path} on {ConnectionId}", "Proxy request")) return;
            var response = Await((c, ct) => c.ProxyAsync(ConnectionId, call, ct));
            if (response.Truncated) WriteWarning($"The upstream body was cut at the proxy's size limit (proxy call {response.ProxyCallId}).");
            WriteObject(response);
        }
    }
}
