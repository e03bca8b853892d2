using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PolytomicPS
{
    /// <summary>The default session of each runspace (never a global): Connect-Polytomic sets it, every cmdlet
    /// without -Session reads it. Weakly keyed so closed runspaces take their sessions with them.</summary>
    internal static class SessionStore
    {
        private sealed class Holder { public PolytomicSession? Session; }

        private static readonly ConditionalWeakTable<Runspace, Holder> defaults = new ConditionalWeakTable<Runspace, Holder>();

        public static PolytomicSession? Current
        {
            get
            {
                var rs = Runspace.DefaultRunspace;
                if (rs == null) return null;
                return defaults.TryGetValue(rs, out var h) && h.Session?.IsDisposed == false ? h.Session : null;
            }
            set
            {
                var rs = Runspace.DefaultRunspace;
                if (rs == null) return;
                defaults.GetValue(rs, _ => new Holder()).Session = value;
            }
        }
    }
}
