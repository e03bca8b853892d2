using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>Lets an id parameter take the object itself (a connection, model, sync…): its Id is used.
    /// Strings pass through; arrays are mapped item by item. Given a kind (<see cref="ObjectKinds"/>), only that kind's
    /// objects, objects with its …Id property (or one of <see cref="Properties"/>) and plain ids are taken; any other
    /// object is refused before any request (WrongObjectType).</summary>
    public sealed class IdTransformationAttribute : ArgumentTransformationAttribute
    {
        public IdTransformationAttribute() { }

        public IdTransformationAttribute(string kind, params string[] properties)
        {
            Kind = kind;
            Properties = properties;
        }

        /// <summary>The kind of object the parameter names ("sync"), or null for any.</summary>
        public string? Kind { get; }

        /// <summary>Further properties that carry the id, after the kind's own (SourceConnectionId for a bulk sync's source).</summary>
        public IReadOnlyList<string> Properties { get; } = new string[0];

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
            if (Kind != null) return ObjectKinds.Resolve(Kind, Properties, value);
            // A sync's Target (bound by property name when a sync is piped into New-PolytomicSync) names its connection.
            // Matched by name: binding may run before the client assembly is resolved.
            if (value.GetType().FullName == "Polytomic.Models.SyncTarget")
                return PSInput.Unwrap(PSObject.AsPSObject(value).Properties["ConnectionId"]?.Value)?.ToString();
            var id = PSObject.AsPSObject(value).Properties["Id"]?.Value;
            return id != null ? PSInput.Unwrap(id)?.ToString() : value.ToString();
        }
    }
}
