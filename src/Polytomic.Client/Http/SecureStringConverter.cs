using System;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polytomic.Http
{
    /// <summary>Reads a secret the API returns (webhook secret, minted API key, sync encryption passphrase) straight into a
    /// SecureString, so no plain copy lives on an output object. Writing sends the text: only request bodies carry it.</summary>
    public sealed class SecureStringConverter : JsonConverter<SecureString>
    {
        public override SecureString? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? SecureStrings.FromPlain(reader.GetString() ?? "") : null;

        public override void Write(Utf8JsonWriter writer, SecureString value, JsonSerializerOptions options) =>
            writer.WriteStringValue(SecureStrings.ToPlain(value));
    }
}
