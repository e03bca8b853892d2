using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicProxyInfo: how a connection's proxy works (base URL, locked headers, limits) and its use
    /// in the last 24 hours. API version 2025-09-18.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicProxyInfo")]
    [OutputType(typeof(PolytomicProxyInfo))]
    public sealed class GetPolytomicProxyInfoCommand : PolytomicCmdlet
    {
        /// <summary>The connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetProxyInfoAsync(ConnectionId, ct)));
    }
}
