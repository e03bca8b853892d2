using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Polytomic.Http
{
    /// <summary>The HTTP handler under a client: TLS and proxy as each runtime needs them.</summary>
    internal static class Transport
    {
        static Transport()
        {
            // Windows PowerShell 5.1 (.NET Framework) may not offer TLS 1.2 by default: add it, never replace the
            // process's other protocols. .NET Core negotiates with the OS and needs nothing.
            if (IsNetFramework) ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        internal static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>The handler a client makes when its caller brings none.</summary>
        internal static HttpMessageHandler CreateHandler(IWebProxy? proxy) => new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            Proxy = proxy ?? EnvironmentProxy(),
            UseProxy = true,
        };

        /// <summary>.NET Core reads HTTPS_PROXY/NO_PROXY itself; .NET Framework only knows the system proxy, so the
        /// variables are honoured here for Windows PowerShell 5.1.</summary>
        internal static IWebProxy? EnvironmentProxy()
        {
            if (!IsNetFramework) return null;
            var value = Environment.GetEnvironmentVariable("HTTPS_PROXY") ?? Environment.GetEnvironmentVariable("https_proxy");
            if (string.IsNullOrEmpty(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri)) return null;
            var bypass = (Environment.GetEnvironmentVariable("NO_PROXY") ?? Environment.GetEnvironmentVariable("no_proxy") ?? "")
                .Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(h => "^(.*\\.)?" + Regex.Escape(h.Trim().TrimStart('.')) + "$").ToArray();
            return new WebProxy(uri, true, bypass);
        }
    }
}
