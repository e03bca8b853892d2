using System;
using System.Collections.Generic;

namespace Polytomic.Workspace
{
    public sealed class WorkspacePlanOptions
    {
        /// <summary>The placeholders -Secret supplies.</summary>
        public ISet<string> Secrets { get; set; } = new HashSet<string>(StringComparer.Ordinal);
        /// <summary>Connection name in the folder → name of an existing connection in the target.</summary>
        public IDictionary<string, string> ConnectionMap { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
        public bool Prune { get; set; }
        /// <summary>Send supplied secrets of existing connections even when nothing else differs (a stored secret
        /// cannot be read back, so a change to it cannot be seen).</summary>
        public bool UpdateSecrets { get; set; }
    }
}
