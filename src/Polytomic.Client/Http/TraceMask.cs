using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Polytomic.Http
{
    /// <summary>Masks the secrets of a request body for the trace file. A connection's configuration (a "configuration"
    /// object beside a "type") keeps only the fields its type's schema does not mark secret; when the type or its schema
    /// is not known, every configuration value is masked. Anywhere in the body, a field whose name says it holds a
    /// secret (password, secret, token, passphrase, key...) is masked too.</summary>
    public static class TraceMask
    {
        public const string Masked = "********";

        private static readonly string[] SecretWords = { "password", "secret", "token", "passphrase", "apikey", "api_key", "private_key", "privatekey", "credential", "authorization" };

        /// <summary>The body as masked JSON text; a body that is not JSON is not recorded at all.</summary>
        public static string Mask(byte[] payload, Func<string, ISet<string>?>? secretFieldsOfType)
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(payload); }
            catch (JsonException) { return "(not JSON: " + payload.Length + " bytes, not recorded)"; }
            using (doc)
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream))
                    Write(w, doc.RootElement, secretFieldsOfType, maskAll: false);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        internal static bool LooksSecret(string name)
        {
            var n = name.Replace("-", "_").ToLowerInvariant();
            foreach (var word in SecretWords) if (n.Contains(word)) return true;
            return n == "key" || n.EndsWith("_key", StringComparison.Ordinal);
        }

        private static void Write(Utf8JsonWriter w, JsonElement e, Func<string, ISet<string>?>? secretsOf, bool maskAll)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    string? type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    w.WriteStartObject();
                    foreach (var p in e.EnumerateObject())
                    {
                        w.WritePropertyName(p.Name);
                        if (maskAll || LooksSecret(p.Name)) { WriteMasked(w, p.Value); continue; }
                        if (p.Name == "configuration" && p.Value.ValueKind == JsonValueKind.Object)
                        {
                            var secrets = type == null ? null : secretsOf?.Invoke(type);
                            WriteConfiguration(w, p.Value, secrets, secretsOf);
                            continue;
                        }
                        Write(w, p.Value, secretsOf, false);
                    }
                    w.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    w.WriteStartArray();
                    foreach (var item in e.EnumerateArray()) Write(w, item, secretsOf, maskAll);
                    w.WriteEndArray();
                    break;
                default:
                    if (maskAll) WriteMasked(w, e); else e.WriteTo(w);
                    break;
            }
        }

        /// <summary>Without the type's secret fields, every value is masked: an unknown field may be a password.</summary>
        private static void WriteConfiguration(Utf8JsonWriter w, JsonElement config, ISet<string>? secrets, Func<string, ISet<string>?>? secretsOf)
        {
            w.WriteStartObject();
            foreach (var p in config.EnumerateObject())
            {
                w.WritePropertyName(p.Name);
                var mask = secrets == null || secrets.Contains(p.Name) || LooksSecret(p.Name);
                Write(w, p.Value, secretsOf, mask);
            }
            w.WriteEndObject();
        }

        private static void WriteMasked(Utf8JsonWriter w, JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Null) w.WriteNullValue();
            else if (e.ValueKind == JsonValueKind.Object || e.ValueKind == JsonValueKind.Array) Write(w, e, null, true);
            else w.WriteStringValue(Masked);
        }
    }
}
