using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Calls any Polytomic API route with the session's credentials and returns the JSON as objects.</summary>
    /// <remarks>
    /// <para>Invoke-PolytomicRequest is the escape hatch for routes no cmdlet covers yet. It sends the request through the session's client, so it gets the same authentication, API version header, retries, idempotency keys and error records as every cmdlet; prefer the cmdlets where they exist.</para>
    /// <para>The response JSON becomes PSCustomObjects (arrays are enumerated unless -NoEnumerate); the data envelope is not removed. -Path must be a route of the session's host starting with /api/: absolute URLs and paths with . or .. segments in any spelling (%2e, %252e, backslashes) are refused with InvalidRequestPath before anything is sent, so the key is never sent elsewhere. A query string in -Path is kept and -Query adds to it.</para>
    /// <para>API failures become error records such as PolytomicApi.NotFound. Methods other than GET support -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// (Invoke-PolytomicRequest -Path /api/me).data.email
    /// </code>
    /// <para>Reads the caller's identity straight from the API.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Invoke-PolytomicRequest -Method POST -Path /api/permissions/roles -Body @{ name = 'Analysts' }
    /// </code>
    /// <para>Creates a role with a hand-written body.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "PolytomicRequest", HelpUri = HelpLinks.Cmdlets + "Invoke-PolytomicRequest.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokePolytomicRequestCommand : PolytomicCmdlet
    {
        /// <summary>The HTTP method: GET (default), POST, PUT, PATCH or DELETE.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>The route, starting with /api/ (for example /api/me); it may carry a query string. Ids in it must already be URL-escaped.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Query-string parameters as a hashtable; array values repeat the parameter and booleans are sent as true/false.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>The request body, sent as JSON: a hashtable or any object.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>Output a JSON array as one object instead of one object per element.</summary>
        [Parameter]
        public SwitchParameter NoEnumerate { get; set; }

        protected override object? ErrorTarget => Path;

        protected override void ProcessItem()
        {
            var path = Path;
            var query = new List<KeyValuePair<string, string?>>();
            var q = path.IndexOf('?');
            if (q >= 0)
            {
                foreach (var part in path.Substring(q + 1).Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = part.IndexOf('=');
                    query.Add(eq < 0 ? new KeyValuePair<string, string?>(Uri.UnescapeDataString(part), "")
                        : new KeyValuePair<string, string?>(Uri.UnescapeDataString(part.Substring(0, eq)), Uri.UnescapeDataString(part.Substring(eq + 1))));
                }
                path = path.Substring(0, q);
            }
            // Only routes of this session's host, checked as a server would read them (escapes decoded, backslashes as
            // slashes): an absolute URL or a dot segment would send the key elsewhere.
            Polytomic.Http.ApiPath.RequireRoute(path, "Path");
            foreach (var kv in PSInput.ToDictionary(Query, nameof(Query)))
            {
                if (kv.Value is IList list && !(kv.Value is string))
                    foreach (var item in list) query.Add(new KeyValuePair<string, string?>(kv.Key, Scalar(item)));
                else query.Add(new KeyValuePair<string, string?>(kv.Key, Scalar(kv.Value)));
            }
            var body = Body == null ? null : PSInput.ToPlain(Body, nameof(Body), "Body");
            var method = Method.ToUpperInvariant() == "PATCH" ? PolytomicClient.PatchMethod : new HttpMethod(Method.ToUpperInvariant());
            if (method != HttpMethod.Get && !ShouldProcess(path, method.Method)) return;

            var result = Await((c, ct) => c.SendRawAsync(method, path, query, body, ct));
            if (result == null) return;
            var output = PSOutput.FromJson(result);
            WriteObject(output, enumerateCollection: !NoEnumerate);
        }

        private static string? Scalar(object? v) => v switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        };
    }
}
