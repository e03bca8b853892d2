using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Closes a Polytomic session.</summary>
    /// <remarks>
    /// <para>Disconnect-Polytomic closes the default session of this runspace, or the one given with -Session, and releases its HTTP client. Cmdlets that use a closed session fail with the SessionClosed error. Closing when there is no session does nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Disconnect-Polytomic
    /// </code>
    /// <para>Closes the default session.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $eu = Connect-Polytomic -ApiKey $euKey -BaseUrl https://app.eu.polytomic.com -NoDefault
    /// $eu | Disconnect-Polytomic
    /// </code>
    /// <para>Closes a second session kept in a variable (opened with -NoDefault); the default session stays open.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "Polytomic", HelpUri = HelpLinks.Cmdlets + "Disconnect-Polytomic.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPolytomicCommand : PSCmdlet
    {
        /// <summary>The session to close. Defaults to the default session of this runspace.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PolytomicSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var current = SessionStore.Current;
            var session = Session ?? current;
            if (session == null) return;
            if (ReferenceEquals(session, current)) SessionStore.Current = null;
            session.Dispose();
            Notes.Write(this, $"Disconnected from {session.BaseUrl}.");
        }
    }
}
