using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PolytomicPS
{
    /// <summary>The default session of each runspace (never a global): Connect-Polytomic sets it, every cmdlet
    /// without -Session reads it. Weakly keyed so closed runspaces take their sessions with them.</summary>
    internal static class SessionStore
    {
        private sealed class Holder
        {
            public PolytomicSession? Session;
            /// <summary>Every session made in the runspace (Get-PolytomicSession -All); weak, so a dropped one goes.</summary>
            public readonly System.Collections.Generic.List<System.WeakReference<PolytomicSession>> All = new System.Collections.Generic.List<System.WeakReference<PolytomicSession>>();
        }

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

        public static void Add(PolytomicSession session)
        {
            var rs = Runspace.DefaultRunspace;
            if (rs == null) return;
            var h = defaults.GetValue(rs, _ => new Holder());
            lock (h.All) h.All.Add(new System.WeakReference<PolytomicSession>(session));
        }

        /// <summary>The runspace's open sessions, oldest first.</summary>
        public static System.Collections.Generic.List<PolytomicSession> All()
        {
            var list = new System.Collections.Generic.List<PolytomicSession>();
            var rs = Runspace.DefaultRunspace;
            if (rs == null || !defaults.TryGetValue(rs, out var h)) return list;
            lock (h.All)
            {
                h.All.RemoveAll(w => !w.TryGetTarget(out var s) || s.IsDisposed);
                foreach (var w in h.All) if (w.TryGetTarget(out var s)) list.Add(s);
            }
            return list;
        }
    }
}
