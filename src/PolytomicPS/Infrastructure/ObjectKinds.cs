using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace PolytomicPS
{
    /// <summary>What an id parameter accepts (issue 28, type-safe pipelines): its own kind of object, a plain id, or an
    /// object that carries the kind's …Id property. Anything else is refused before any request, as WrongObjectType,
    /// naming what was expected and what came. Types are matched by name: binding may run before the client assembly
    /// is resolved.</summary>
    public static class ObjectKinds
    {
        public const string Connection = "connection";
        public const string Model = "model";
        public const string Sync = "sync";
        public const string BulkSync = "bulk sync";
        public const string Organization = "organization";
        public const string User = "user";
        public const string Role = "role";
        public const string Policy = "policy";
        public const string Webhook = "webhook";

        private sealed class KindInfo
        {
            public KindInfo(string type, string idProperty) { Type = "Polytomic.Models." + type; IdProperty = idProperty; }
            public string Type { get; }
            public string IdProperty { get; }
        }

        private static readonly Dictionary<string, KindInfo> Kinds = new Dictionary<string, KindInfo>(StringComparer.OrdinalIgnoreCase)
        {
            [Connection] = new KindInfo("PolytomicConnection", "ConnectionId"),
            [Model] = new KindInfo("PolytomicModel", "ModelId"),
            [Sync] = new KindInfo("PolytomicSync", "SyncId"),
            [BulkSync] = new KindInfo("PolytomicBulkSync", "SyncId"),
            [Organization] = new KindInfo("PolytomicOrganization", "OrganizationId"),
            [User] = new KindInfo("PolytomicUser", "UserId"),
            [Role] = new KindInfo("PolytomicRole", "RoleId"),
            [Policy] = new KindInfo("PolytomicPolicy", "PolicyId"),
            [Webhook] = new KindInfo("PolytomicWebhook", "WebhookId"),
        };

        /// <summary>The kind an object is, when it is one of the module's own objects of a kind ("model"), else null.</summary>
        public static string? KindOf(object? value)
        {
            var name = PSInput.Unwrap(value)?.GetType().FullName;
            return name == null ? null : Kinds.FirstOrDefault(k => k.Value.Type == name).Key;
        }

        /// <summary>The id <paramref name="value"/> stands for as a <paramref name="kind"/>, or a refusal (see <see cref="FindRefusal(InvocationInfo, Type, PolytomicSession)"/>).</summary>
        public static string Resolve(string kind, IReadOnlyList<string> extraProperties, object value)
        {
            var info = Kinds[kind];
            var type = value.GetType();
            if (value is Guid || value is IConvertible) return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var own = KindOf(value);
            var pso = PSObject.AsPSObject(value);
            if (own == kind) return Text(pso.Properties["Id"]?.Value) ?? Refuse(kind, value);
            var isOurs = type.FullName?.StartsWith("Polytomic.", StringComparison.Ordinal) == true;
            var ownId = isOurs ? Text(pso.Properties["Id"]?.Value) : null;
            foreach (var property in new[] { info.IdProperty }.Concat(extraProperties))
            {
                // A bulk sync's SyncId is not a model sync's, and the reverse: the family is in the type's name.
                if (isOurs && property == "SyncId" && (kind == BulkSync) != type.Name.Contains("Bulk")) continue;
                var found = Text(Lookup(value, pso, property));
                // A property that only repeats the object's own id (a sync's SyncId) says what the object is, not what it uses.
                if (found != null && !(own != null && found == ownId)) return found;
            }
            if (!isOurs && Text(Lookup(value, pso, "Id")) is string id) return id;
            return Refuse(kind, value);
        }

        private static object? Lookup(object value, PSObject pso, string property)
        {
            if (value is IDictionary d)
            {
                foreach (DictionaryEntry e in d)
                    if (string.Equals(PSInput.Unwrap(e.Key)?.ToString(), property, StringComparison.OrdinalIgnoreCase)) return e.Value;
                return null;
            }
            return pso.Properties[property]?.Value;
        }

        private static string? Text(object? v)
        {
            var s = PSInput.Unwrap(v)?.ToString();
            return string.IsNullOrEmpty(s) ? null : s;
        }

        /// <summary>How an object is named in a refusal: "the model 'Active Users'", "a [System.IO.FileInfo]".</summary>
        public static string Describe(object value)
        {
            var kind = KindOf(value);
            var pso = PSObject.AsPSObject(value);
            if (kind != null)
            {
                var name = Text(pso.Properties["Name"]?.Value) ?? Text(pso.Properties["Email"]?.Value);
                var id = Text(pso.Properties["Id"]?.Value);
                return name != null ? $"the {kind} '{name}'" : $"the {kind} {id}";
            }
            var type = value.GetType();
            if (type.FullName?.StartsWith("Polytomic.Models.", StringComparison.Ordinal) == true)
                return "a " + (type.Name.StartsWith("Polytomic", StringComparison.Ordinal) ? type.Name.Substring("Polytomic".Length) : type.Name) + " object";
            return value is PSObject ? "an object without an Id property" : $"a [{type.FullName}]";
        }

        private sealed class Refused
        {
            public Refused(string message, object value) { Message = message; Value = value; }
            public string Message { get; }
            public object Value { get; }
        }

        // The transformation cannot write an error of its own (PowerShell would report a generic binding error), so it
        // returns a string that stands for the refusal and PolytomicCmdlet reports it before the command does anything.
        // Keyed by that string instance, so no text a user types can ever look like one.
        private static readonly ConditionalWeakTable<string, Refused> refusals = new ConditionalWeakTable<string, Refused>();

        private static string Refuse(string kind, object value)
        {
            var info = Kinds[kind];
            var message = $"expects a {kind} (its id, a {kind} object, or an object with a {info.IdProperty} property); got {Describe(value)}.";
            var marker = new string(message.ToCharArray());
            refusals.Add(marker, new Refused(message, value));
            return marker;
        }

        /// <summary>The first refusal among a command's bound parameters: the message (after the command's name) and
        /// the object that was refused. A plain id the session knows as another kind (it has seen that connection) is
        /// refused too: typed or pasted, it is the same mistake as piping the object.</summary>
        public static (string Message, object Value)? FindRefusal(InvocationInfo invocation, Type cmdlet, PolytomicSession? session)
        {
            var bound = invocation.BoundParameters;
            if (FindRefusal(bound) is { } refused) return refused;
            if (session == null) return null;
            var kinds = KindParameters.GetOrAdd(cmdlet, ParametersWithKinds);
            if (kinds.Count == 0) return null;
            foreach (var kv in bound)
            {
                if (!kinds.TryGetValue(kv.Key, out var kind)) continue;
                var values = PSInput.Unwrap(kv.Value) is string one ? new[] { one }
                    : PSInput.Unwrap(kv.Value) is IEnumerable list ? list.Cast<object?>().Select(i => PSInput.Unwrap(i) as string) : Enumerable.Empty<string?>();
                foreach (var id in values)
                {
                    var known = session.Completion.KindOf(id);
                    if (known == null || known == session.Completion.KindKeyOf(kind)) continue;
                    var name = session.Completion.NameOf(id);
                    var info = Kinds[kind];
                    var what = Kinds.Keys.FirstOrDefault(k => session.Completion.KindKeyOf(k) == known) ?? known;
                    return ($"expects a {kind} (its id, a {kind} object, or an object with a {info.IdProperty} property); got the id of {(name == null ? "a " + what : $"the {what} '{name}'")}.", id!);
                }
            }
            return null;
        }

        /// <summary>Which parameters of a cmdlet type name a kind: fixed per type, so read once, not per record.</summary>
        private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, string>> KindParameters =
            new ConcurrentDictionary<Type, IReadOnlyDictionary<string, string>>();

        private static IReadOnlyDictionary<string, string> ParametersWithKinds(Type cmdlet)
        {
            var kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                if (property.GetCustomAttributes(typeof(IdTransformationAttribute), true).OfType<IdTransformationAttribute>().FirstOrDefault()?.Kind is string kind)
                    kinds[property.Name] = kind;
            return kinds;
        }

        private static (string Message, object Value)? FindRefusal(IDictionary<string, object> bound)
        {
            foreach (var v in bound.Values)
            {
                switch (PSInput.Unwrap(v))
                {
                    case string s when refusals.TryGetValue(s, out var r): return (r.Message, r.Value);
                    case IEnumerable list when !(list is IDictionary) && !(list is string):
                        foreach (var item in list)
                            if (PSInput.Unwrap(item) is string t && refusals.TryGetValue(t, out var ri)) return (ri.Message, ri.Value);
                        break;
                }
            }
            return null;
        }
    }
}
