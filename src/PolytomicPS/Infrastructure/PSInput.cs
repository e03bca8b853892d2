using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Turns what PowerShell users pass (hashtables, PSObjects, arrays, SecureStrings) into the plain values
    /// the JSON serializer writes, and refuses what has no JSON meaning.</summary>
    public static class PSInput
    {
        private const int MaxDepth = 32;

        public static Dictionary<string, object?> ToDictionary(IDictionary? table, string parameter)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (table == null) return result;
            foreach (DictionaryEntry e in table)
            {
                var key = Unwrap(e.Key)?.ToString();
                if (string.IsNullOrWhiteSpace(key))
                    throw new PolytomicInputException("InvalidConfigurationKey", $"-{parameter} has an empty key.", parameter);
                InputText.Check(key!, parameter, "a key");
                result[key!] = ToPlain(e.Value, parameter, key!, 1);
            }
            return result;
        }

        public static object? ToPlain(object? value, string parameter, string path, int depth = 0)
        {
            if (depth > MaxDepth)
                throw new PolytomicInputException("ConfigurationTooDeep", $"-{parameter} is nested more than {MaxDepth} levels deep at '{path}'.", parameter);
            value = Unwrap(value);
            switch (value)
            {
                case null: return null;
                case string s: return InputText.Check(s, parameter, $"'{path}'");
                case double dbl when double.IsNaN(dbl) || double.IsInfinity(dbl):
                    throw Unsupported(parameter, path, dbl.ToString(CultureInfo.InvariantCulture));
                case float flt when float.IsNaN(flt) || float.IsInfinity(flt):
                    throw Unsupported(parameter, path, flt.ToString(CultureInfo.InvariantCulture));
                case bool _: case int _: case long _: case double _: case decimal _: case float _:
                case short _: case byte _: case uint _: case ulong _: case ushort _: case sbyte _:
                    return value;
                case SecureString ss: return SecureStrings.ToPlain(ss);
                case DateTime dt: return dt.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset dto: return dto.ToString("o", CultureInfo.InvariantCulture);
                case Guid g: return g.ToString();
                case Uri u: return u.ToString();
                case Enum en: return en.ToString();
                case char c: return c.ToString();
                case IDictionary d:
                    var nested = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry e in d)
                    {
                        var key = InputText.Check(Unwrap(e.Key)?.ToString() ?? "", parameter, "a key");
                        nested[key] = ToPlain(e.Value, parameter, path + "." + key, depth + 1);
                    }
                    return nested;
                case ScriptBlock _:
                    throw Unsupported(parameter, path, "a script block");
                // An XML node enumerates its child nodes: it would go out as nested empty arrays.
                case System.Xml.XmlNode _:
                    throw Unsupported(parameter, path, "an XML node");
                case IEnumerable list:
                    var items = new List<object?>();
                    int i = 0;
                    foreach (var item in list) items.Add(ToPlain(item, parameter, $"{path}[{i++}]", depth + 1));
                    return items;
            }
            if (value is PSObject pso)
            {
                var props = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var p in pso.Properties) props[p.Name] = ToPlain(p.Value, parameter, path + "." + p.Name, depth + 1);
                return props;
            }
            throw Unsupported(parameter, path, $"a value of type [{value.GetType().FullName}]");
        }

        private static PolytomicInputException Unsupported(string parameter, string path, string what) =>
            new PolytomicInputException("UnsupportedConfigurationValue",
                $"-{parameter} '{path}' holds {what}, which cannot be sent to Polytomic; use strings, numbers, booleans, arrays or hashtables.", parameter);

        /// <summary>PSObject wrappers hide the real value; custom objects keep theirs (handled as property bags).</summary>
        public static object? Unwrap(object? value)
        {
            while (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject) return pso;
                value = pso.BaseObject;
            }
            return value;
        }
    }

    /// <summary>Lets a key parameter take what vaults and Azure Automation hand out: a SecureString (Get-Secret's
    /// default), a plain string (an encrypted Automation variable, Get-Secret -AsPlainText), converted at once, or a
    /// PSCredential (a credential asset or secret), whose password is the key.</summary>
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = PSInput.Unwrap(inputData);
            switch (value)
            {
                case string s: return SecureStrings.FromPlain(s);
                case PSCredential credential: return credential.Password;
                case System.Net.NetworkCredential network: return network.SecurePassword;
                default: return value;
            }
        }
    }
}
