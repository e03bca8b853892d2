using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSession: the runspace's default session (its key masked).</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSession")]
    [OutputType(typeof(PolytomicSession))]
    public sealed class GetPolytomicSessionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var session = SessionStore.Current;
            if (session == null)
            {
                WriteError(ErrorFactory.Input("NoSession", "There is no Polytomic session. Run Connect-Polytomic first.",
                    ErrorCategory.ObjectNotFound, null));
                return;
            }
            WriteObject(session);
        }
    }
}
