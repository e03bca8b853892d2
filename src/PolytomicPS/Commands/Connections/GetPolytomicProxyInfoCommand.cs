using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets how a connection's proxy works and how much it was used.</summary>
    /// <remarks>
    /// <para>Get-PolytomicProxyInfo calls GET /api/connections/{id}/proxy/info and outputs a PolytomicProxyInfo: the backend type, the base URL that Invoke-PolytomicProxy paths are relative to, the headers the connection locks, the rate and size limits, and Stats on the calls of the last 24 hours.</para>
    /// <para>API version 2025-09-18 only (ApiVersionNotSupported in a 2024-02-08 session). A connection on which the proxy is not enabled is PolytomicApi.Forbidden.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Billing API' | Get-PolytomicProxyInfo
    /// </code>
    /// <para>Shows the base URL and limits of the connection's proxy.</para>
    /// </example>
    /// <example>
    /// <code>
    /// (Get-PolytomicProxyInfo -ConnectionId $conn.Id).Stats
    /// </code>
    /// <para>Shows how many proxy calls the connection made in the last 24 hours.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicProxyInfo", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicProxyInfo.md")]
    [OutputType(typeof(PolytomicProxyInfo))]
    public sealed class GetPolytomicProxyInfoCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetProxyInfoAsync(ConnectionId, ct)));
    }
}
