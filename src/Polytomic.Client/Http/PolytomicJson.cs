using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Polytomic.Http
{
    /// <summary>The serializer settings every request and response goes through.</summary>
    public static class PolytomicJson
    {
        public static readonly JsonSerializerOptions Options = Create();

        private static JsonSerializerOptions Create()
        {
            var o = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                PropertyNameCaseInsensitive = true,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
                TypeInfoResolver = JsonTypeInfoResolver.Combine(PolytomicJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            };
            o.Converters.Add(new PlainObjectConverter());
            return o;
        }

        /// <summary>Reads free-form JSON (configurations, metadata) as plain .NET values PowerShell shows well:
        /// case-insensitive dictionaries, lists, strings, longs, doubles, booleans. One mapping, PlainObjectConverter's,
        /// for elements and for object-typed properties alike.</summary>
        public static object? ToPlain(JsonElement e) => JsonSerializer.Deserialize<object>(e, Options);

        private sealed class PlainObjectConverter : JsonConverter<object>
        {
            // Straight from the reader: no JsonDocument per value (configurations are read on every connection a
            // cmdlet gets).
            public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

            private static object? ReadValue(ref Utf8JsonReader reader)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.String: return reader.GetString();
                    case JsonTokenType.Number: return reader.TryGetInt64(out var n) ? (object)n : reader.GetDouble();
                    case JsonTokenType.True: return true;
                    case JsonTokenType.False: return false;
                    case JsonTokenType.StartObject:
                        var d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var name = reader.GetString()!;
                            reader.Read();
                            d[name] = ReadValue(ref reader);
                        }
                        return d;
                    case JsonTokenType.StartArray:
                        var l = new List<object?>();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) l.Add(ReadValue(ref reader));
                        return l;
                    default: return null;
                }
            }

            public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
            {
                if (value.GetType() == typeof(object)) { writer.WriteStartObject(); writer.WriteEndObject(); return; }
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
            }
        }
    }

    /// <summary>Reads a string field that some API revisions send as a boolean or number.</summary>
    public sealed class ScalarAsStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                case JsonTokenType.Number: return reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);
                case JsonTokenType.Null: return null;
                default: reader.Skip(); return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
