using System;
using System.Collections.Generic;
using System.Linq;

namespace Polytomic.Workspace
{
    /// <summary>The order a folder's objects are applied in: by kind (connections, models, syncs, bulk syncs, ...) and
    /// name, except that an object comes after every object of the folder it depends on (a sync after the syncs and bulk
    /// syncs its schedule runs after). A dependency cycle is refused before anything is written.</summary>
    public static class WorkspaceOrder
    {
        public static List<WorkspaceObject> Sort(IReadOnlyList<WorkspaceObject> objects)
        {
            var ordered = objects.OrderBy(o => WorkspaceKinds.Order(o.Kind)).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
            var inFolder = new HashSet<(string, string)>(ordered.Select(o => (o.Kind, o.Name)));
            var waitsFor = ordered.ToDictionary(o => o, o => o.Type.Dependencies(o)
                .Where(d => inFolder.Contains(d) && !(d.Kind == o.Kind && d.Name == o.Name)).ToList());
            var done = new HashSet<(string, string)>();
            var result = new List<WorkspaceObject>();
            while (result.Count < ordered.Count)
            {
                // The first object, in the usual order, whose dependencies are all placed.
                var next = ordered.FirstOrDefault(o => !done.Contains((o.Kind, o.Name)) && waitsFor[o].All(done.Contains));
                if (next == null)
                {
                    var stuck = ordered.Where(o => !done.Contains((o.Kind, o.Name))).ToList();
                    throw new WorkspaceException("DependencyCycle",
                        "These objects of the folder wait for each other (schedule.run_after), so none of them can be applied first: " +
                        string.Join(", ", stuck.Select(o => $"{WorkspaceKinds.Display(o.Kind)} '{o.Name}'")) + ". Nothing was changed.",
                        stuck.Select(o => o.Name).ToList());
                }
                done.Add((next.Kind, next.Name));
                result.Add(next);
            }
            // A sync that runs after itself is a cycle of one.
            foreach (var o in ordered)
                if (o.Type.SelfCycle(o) is string cycle) throw new WorkspaceException("DependencyCycle", cycle, o.Name);
            return result;
        }
    }
}
