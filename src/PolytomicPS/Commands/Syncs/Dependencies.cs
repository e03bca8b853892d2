using System.Linq;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>-RunAfter's lookups: syncs and bulk syncs by id (null when there is none) and by name.</summary>
    internal static class Dependencies
    {
        /// <summary>Each whole list is read at most once per call, however many names -RunAfter gives.</summary>
        public static System.Collections.Generic.List<SyncSettingsInput.Dependency> Resolve(PolytomicCmdlet cmdlet, object[] items)
        {
            var syncs = new System.Lazy<System.Collections.Generic.List<PolytomicSync>>(() =>
                cmdlet.AwaitCall((c, ct) => c.ListAllAsync((t, k) => c.ListSyncsPageAsync(null, t, null, k), "syncs", ct)));
            var bulks = new System.Lazy<System.Collections.Generic.List<PolytomicBulkSync>>(() =>
                cmdlet.AwaitCall((c, ct) => c.ListAllAsync((t, k) => c.ListBulkSyncsPageAsync(null, t, k), "bulk syncs", ct)));
            return SyncSettingsInput.Resolve(items,
                id => Sync(cmdlet, id),
                id => Missing(() => cmdlet.AwaitCall((c, ct) => c.GetBulkSyncAsync(id, ct))),
                name => Named(syncs.Value, s => s.Name, name),
                name => Named(bulks.Value, b => b.Name, name));
        }

        /// <summary>The one object of the list with this exact name; several are refused (names are the keys).</summary>
        private static T? Named<T>(System.Collections.Generic.List<T> all, System.Func<T, string?> nameOf, string name) where T : class
        {
            var hits = all.Where(x => nameOf(x) == name).ToList();
            if (hits.Count > 1)
                throw new PolytomicInputException("AmbiguousRunAfter", $"-RunAfter: {hits.Count} objects are named '{name}'; give the id or the object instead.", "RunAfter", name);
            return hits.FirstOrDefault();
        }

        public static PolytomicSync? Sync(PolytomicCmdlet cmdlet, string id) => Missing(() => cmdlet.AwaitCall((c, ct) => c.GetSyncAsync(id, ct)));

        private static T? Missing<T>(System.Func<T> read) where T : class
        {
            try { return read(); }
            catch (PolytomicApiException ex) when (ex.StatusCode == 404) { return null; }
        }
    }
}
