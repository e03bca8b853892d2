using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the default Polytomic session of this runspace.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSession shows which account, base URL and API version cmdlets use by default. The key is shown masked. Without a session it writes a NoSession error.</para>
    /// <para>With -All it lists every open session of this runspace (those made with -NoDefault, with -Profile, or one per organization), oldest first, with the profile each came from (ProfileName), whether it is read-only and its trace file; no session is no output, not an error.</para>
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
    /// <example>
    /// <code>
    /// Get-PolytomicSession -All | Format-Table ProfileName, Organization, ReadOnly, IsDefault
    /// </code>
    /// <para>Lists the runspace's open sessions and the profiles they came from.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSession", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSession.md")]
    [OutputType(typeof(PolytomicSession))]
    public sealed class GetPolytomicSessionCommand : PSCmdlet
    {
        /// <summary>Lists every open session of this runspace, not only the default.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        protected override void EndProcessing()
        {
            if (All)
            {
                foreach (var s in SessionStore.All()) WriteObject(s);
                return;
            }
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
