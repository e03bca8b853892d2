using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>Lets an id parameter take the object itself (a connection, model, sync…): its Id is used.
    /// Strings pass through; arrays are mapped item by item.</summary>
    public sealed class IdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = PSInput.Unwrap(inputData);
            if (value == null || value is string) return value;
            if (value is IEnumerable list && !(value is IDictionary))
            {
                var ids = new List<object?>();
                foreach (var item in list) ids.Add(Transform(engineIntrinsics, item));
                return ids.ToArray();
            }
            // A sync's Target (bound by property name when a sync is piped into New-PolytomicSync) names its connection.
            // Matched by name: binding may run before the client assembly is resolved.
            if (value.GetType().FullName == "Polytomic.Models.SyncTarget")
                return PSInput.Unwrap(PSObject.AsPSObject(value).Properties["ConnectionId"]?.Value)?.ToString();
            var id = PSObject.AsPSObject(value).Properties["Id"]?.Value;
            return id != null ? PSInput.Unwrap(id)?.ToString() : value.ToString();
        }
    }
}
