using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Calls a connection's upstream API through Polytomic with the connection's own credentials.</summary>
    /// <remarks>
    /// <para>Invoke-PolytomicProxy sends POST /api/connections/{id}/proxy: Polytomic calls the upstream service (the connection's base URL plus -Path) with the stored credentials, so the script never holds them, and answers with a PolytomicProxyResponse carrying the upstream Status, Headers, ContentType and Body. An upstream error status such as 404 is a result, not an error.</para>
    /// <para>The connection proxy exists only in API version 2025-09-18 (ApiVersionNotSupported in a 2024-02-08 session, before anything is sent) and only for connections on which Polytomic has enabled it (PolytomicApi.Forbidden otherwise). -Path must be relative and start with / (InvalidProxyPath otherwise); headers that the connection locks, such as Authorization, are PolytomicApi.BadRequest. A body cut at the proxy's size limit comes with a warning. Get-PolytomicProxyInfo shows the base URL and limits.</para>
    /// <para>Methods other than GET support -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $r = Get-PolytomicConnection -Name 'Billing API' | Invoke-PolytomicProxy -Path /v1/customers -Query @{ limit = 10 }
    /// $r.Body | ConvertFrom-Json
    /// </code>
    /// <para>Lists customers from the upstream API with the connection's credentials and parses the JSON body.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Invoke-PolytomicProxy -ConnectionId $conn.Id -Method POST -Path /v1/things -Header @{ 'X-Trace' = 't1' } -Body @{ name = 'widget' }
    /// </code>
    /// <para>Creates an object upstream with a JSON body and an extra header.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "PolytomicProxy", HelpUri = HelpLinks.Cmdlets + "Invoke-PolytomicProxy.md", SupportsShouldProcess = true, DefaultParameterSetName = QuerySet)]
    [OutputType(typeof(PolytomicProxyResponse))]
    public sealed class InvokePolytomicProxyCommand : PolytomicCmdlet
    {
        public const string QuerySet = "Query";
        public const string RawQuerySet = "RawQuery";

        /// <summary>The id of the connection whose API to call. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The upstream path, relative to the connection's base URL; it must start with /.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>The HTTP method: GET (default), POST, PUT, PATCH or DELETE.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>Query-string parameters as a hashtable.</summary>
        [Parameter(ParameterSetName = QuerySet)]
        public IDictionary? Query { get; set; }

        /// <summary>A ready-made query string, without the leading '?'; instead of -Query.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RawQuerySet)]
        public string? RawQuery { get; set; }

        /// <summary>Extra request headers as a hashtable. Polytomic adds the connection's own authentication headers, and locked headers are refused.</summary>
        [Parameter]
        public IDictionary? Header { get; set; }

        /// <summary>The request body: a hashtable or object is sent as JSON, a string as it is.</summary>
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
