using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Invoke-PolytomicRequest: calls any Polytomic route through the session's client (same auth, version,
    /// retries, idempotency and error records as every cmdlet) and returns the JSON as plain objects. For routes a
    /// cmdlet does not cover yet; prefer the cmdlets.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PolytomicRequest", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokePolytomicRequestCommand : PolytomicCmdlet
    {
        /// <summary>The HTTP method.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>The route, starting with /api/ (e.g. /api/me). Ids in it must already be escaped.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Query-string parameters; arrays repeat the parameter.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>The JSON body (a hashtable or object).</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>Write the whole response as one object even when it is a JSON array.</summary>
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
            // Only routes of this session's host: an absolute URL would send the key elsewhere.
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || path.Contains("//") || path.Split('/').Any(s => s == "." || s == ".."))
                throw new PolytomicInputException("InvalidRequestPath",
                    $"-Path must be a Polytomic route starting with /api/ (for example /api/me), not '{path}'.", "Path", Path);
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
            var output = ToPSObject(result);
            WriteObject(output, enumerateCollection: !NoEnumerate);
        }

        private static string? Scalar(object? v) => v switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        };

        /// <summary>JSON objects become PSCustomObjects (dot access, Format-Table), arrays object[].</summary>
        internal static object? ToPSObject(object? value)
        {
            switch (value)
            {
                case IDictionary<string, object?> d:
                    var o = new PSObject();
                    foreach (var kv in d) o.Properties.Add(new PSNoteProperty(kv.Key, ToPSObject(kv.Value)));
                    return o;
                case IList<object?> l:
                    return l.Select(ToPSObject).ToArray();
                default:
                    return value;
            }
        }
    }
}
