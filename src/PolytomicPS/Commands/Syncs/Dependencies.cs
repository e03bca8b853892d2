using System.Linq;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>-RunAfter's lookups: syncs and bulk syncs by id (null when there is none) and by name.</summary>
    internal static class Dependencies
    {
        public static System.Collections.Generic.List<SyncSettingsInput.Dependency> Resolve(PolytomicCmdlet cmdlet, object[] items) =>
            SyncSettingsInput.Resolve(items,
                id => Sync(cmdlet, id),
                id => Missing(() => cmdlet.AwaitCall((c, ct) => c.GetBulkSyncAsync(id, ct))),
                name => cmdlet.AwaitCall((c, ct) => NameClaim.Syncs.FindAsync(c, name, null, ct))?.Item as PolytomicSync,
                name => cmdlet.AwaitCall((c, ct) => NameClaim.BulkSyncs.FindAsync(c, name, null, ct))?.Item as PolytomicBulkSync);

        public static PolytomicSync? Sync(PolytomicCmdlet cmdlet, string id) => Missing(() => cmdlet.AwaitCall((c, ct) => c.GetSyncAsync(id, ct)));

        private static T? Missing<T>(System.Func<T> read) where T : class
        {
            try { return read(); }
            catch (PolytomicApiException ex) when (ex.StatusCode == 404) { return null; }
        }
    }
}
