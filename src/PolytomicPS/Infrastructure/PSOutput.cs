using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>Turns free-form JSON (plain dictionaries and lists from PolytomicJson) into what PowerShell shows well.</summary>
    internal static class PSOutput
    {
        /// <summary>JSON objects become PSCustomObjects (dot access, Format-Table), arrays object[].</summary>
        public static object? FromJson(object? value)
        {
            switch (value)
            {
                case IDictionary<string, object?> d:
                    var o = new PSObject();
                    foreach (var kv in d) o.Properties.Add(new PSNoteProperty(kv.Key, FromJson(kv.Value)));
                    return o;
                case IList<object?> l:
                    return l.Select(FromJson).ToArray();
                default:
                    return value;
            }
        }
    }
}
