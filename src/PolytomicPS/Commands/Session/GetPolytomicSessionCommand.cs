using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the default Polytomic session of this runspace.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSession shows which account, base URL and API version cmdlets use by default. The key is shown masked. Without a session it writes a NoSession error.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSession
    /// </code>
    /// <para>Shows the default session: base URL, API version, auth mode and the masked key.</para>
    /// </example>
    /// <example>
    /// <code>
    /// if (-not (Get-PolytomicSession -ErrorAction SilentlyContinue)) { Connect-Polytomic | Out-Null }
    /// </code>
    /// <para>Connects only when there is no session yet.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSession", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSession.md")]
    [OutputType(typeof(PolytomicSession))]
    public sealed class GetPolytomicSessionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var session = SessionStore.Current;
            if (session == null)
            {
                // The same category as every API cmdlet's NoSession: scripts match on one (ErrorId, category) pair.
                WriteError(ErrorFactory.Input("NoSession", "There is no Polytomic session. Run Connect-Polytomic first.",
                    ErrorCategory.AuthenticationError, null, "Run Connect-Polytomic -ApiKey <key>."));
                return;
            }
            WriteObject(session);
        }
    }
}
