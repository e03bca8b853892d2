using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>The module's verbose notes (requests, retries, waits). For a compiled cmdlet called with -Debug but
    /// not -Verbose, PowerShell sets the verbose preference to Inquire, so every verbose record would stop and ask
    /// (and fail in a non-interactive host). Then the note goes to the debug stream, which -Debug shows without asking.</summary>
    internal static class Notes
    {
        public static void Write(PSCmdlet cmdlet, string text)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (IsSet(bound, "Debug") && !bound.ContainsKey("Verbose")) cmdlet.WriteDebug(text);
            else cmdlet.WriteVerbose(text);
        }

        private static bool IsSet(System.Collections.Generic.Dictionary<string, object> bound, string name) =>
            bound.TryGetValue(name, out var value) && (value is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(value));
    }
}
