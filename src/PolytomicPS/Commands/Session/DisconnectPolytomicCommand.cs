using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Disconnect-Polytomic: closes a session (the default one unless -Session is given).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Polytomic")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPolytomicCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public PolytomicSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var current = SessionStore.Current;
            var session = Session ?? current;
            if (session == null) return;
            if (ReferenceEquals(session, current)) SessionStore.Current = null;
            session.Dispose();
            WriteVerbose($"Disconnected from {session.BaseUrl}.");
        }
    }
}
