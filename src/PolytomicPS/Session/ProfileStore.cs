using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Where a profile's key comes from. The profile records only the source's name, never the key.</summary>
    public enum PolytomicKeySource
    {
        /// <summary>A SecretManagement secret, read with Get-Secret.</summary>
        SecretManagement,
        /// <summary>An environment variable holding the key's text.</summary>
        EnvironmentVariable,
        /// <summary>An Azure Automation variable, read with Get-AutomationVariable.</summary>
        AutomationVariable,
        /// <summary>An Azure Automation credential, read with Get-AutomationPSCredential (its password is the key).</summary>
        AutomationCredential,
    }

    /// <summary>What kind of key a profile's source holds.</summary>
    public enum PolytomicKeyType { ApiKey, PartnerKey, DeploymentKey }

    /// <summary>A saved way to connect: URL, API version, organization, read-only, and where the key comes from.</summary>
    public sealed class PolytomicProfile
    {
        public string Name { get; set; } = "";
        public Uri? BaseUrl { get; set; }
        public string? ApiVersion { get; set; }
        public string? OrganizationId { get; set; }
        public bool ReadOnly { get; set; }
        public PolytomicKeyType KeyType { get; set; }
        public PolytomicKeySource KeySource { get; set; }
        /// <summary>The secret's, variable's or credential's name (never the key).</summary>
        public string KeyName { get; set; } = "";
        /// <summary>The SecretManagement vault, when the profile names one.</summary>
        public string? Vault { get; set; }

        public override string ToString() => $"Polytomic profile {Name} ({KeyType} from {KeySource} '{KeyName}')";
    }

    /// <summary>The profiles file: one JSON file per user, written whole (a temporary file renamed over it), never
    /// holding a key. Problems are PolytomicInputExceptions with the ErrorIds of ErrorFactory.FromProfile.</summary>
    internal static class ProfileStore
    {
        public const string HomeVariable = "POLYTOMICPS_HOME";
        public const string FileName = "profiles.json";
        private static readonly Regex NamePattern = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);

        /// <summary>The folder: POLYTOMICPS_HOME, else %APPDATA%\PolytomicPS on Windows, else
        /// $XDG_CONFIG_HOME/PolytomicPS or ~/.config/PolytomicPS.</summary>
        public static string Folder(Func<string, string?> env, bool windows, string userHome)
        {
            var home = env(HomeVariable);
            if (!string.IsNullOrWhiteSpace(home)) return home!;
            if (windows)
            {
                var appData = env("APPDATA");
                return Path.Combine(string.IsNullOrEmpty(appData) ? Path.Combine(userHome, "AppData", "Roaming") : appData!, "PolytomicPS");
            }
            var xdg = env("XDG_CONFIG_HOME");
            return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(userHome, ".config") : xdg!, "PolytomicPS");
        }

        public static string FilePath() => Path.Combine(Folder(Environment.GetEnvironmentVariable,
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)), FileName);

        public static void CheckName(string name)
        {
            if (!NamePattern.IsMatch(name ?? ""))
                throw new PolytomicInputException("InvalidProfileName",
                    $"'{name}' is not a profile name: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.", "Name", name);
        }

        public static List<PolytomicProfile> Read(string file)
        {
            var list = new List<PolytomicProfile>();
            if (!File.Exists(file)) return list;
            RefuseLink(file);
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                if (!doc.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
                    throw new FormatException("it has no profiles list");
                foreach (var p in profiles.EnumerateArray())
                {
                    var profile = new PolytomicProfile
                    {
                        Name = Text(p, "name") ?? throw new FormatException("a profile has no name"),
                        BaseUrl = Text(p, "baseUrl") is string url ? new Uri(url, UriKind.Absolute) : null,
                        ApiVersion = Text(p, "apiVersion"),
                        OrganizationId = Text(p, "organizationId"),
                        ReadOnly = p.TryGetProperty("readOnly", out var ro) && ro.ValueKind == JsonValueKind.True,
                        KeyType = Parse<PolytomicKeyType>(Text(p, "keyType") ?? "ApiKey"),
                        KeySource = Parse<PolytomicKeySource>(Text(p, "keySource") ?? throw new FormatException("a profile has no keySource")),
                        KeyName = Text(p, "keyName") ?? throw new FormatException("a profile has no keyName"),
                        Vault = Text(p, "vault"),
                    };
                    CheckName(profile.Name);
                    list.Add(profile);
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException || ex is PolytomicInputException)
            {
                throw new PolytomicInputException("ProfileFileInvalid",
                    $"The profiles file {file} cannot be read ({ex.Message}). Fix or delete it; it holds no keys.", "Path", file);
            }
            return list;
        }

        /// <summary>Writes the whole file: a temporary file in the same folder, renamed over the old one, so a reader
        /// never sees half a file and a failed write leaves the old one.</summary>
        public static void Write(string file, IEnumerable<PolytomicProfile> profiles)
        {
            var folder = Path.GetDirectoryName(file)!;
            RefuseLink(file);
            var temp = Path.Combine(folder, "." + FileName + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                Directory.CreateDirectory(folder);
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    w.WriteStartObject();
                    w.WriteNumber("version", 1);
                    w.WriteStartArray("profiles");
                    foreach (var p in profiles)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", p.Name);
                        Optional(w, "baseUrl", p.BaseUrl?.ToString());
                        Optional(w, "apiVersion", p.ApiVersion);
                        Optional(w, "organizationId", p.OrganizationId);
                        w.WriteBoolean("readOnly", p.ReadOnly);
                        w.WriteString("keyType", p.KeyType.ToString());
                        w.WriteString("keySource", p.KeySource.ToString());
                        w.WriteString("keyName", p.KeyName);
                        Optional(w, "vault", p.Vault);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                if (File.Exists(file)) File.Replace(temp, file, null);
                else File.Move(temp, file);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                try { File.Delete(temp); } catch (IOException) { /* best effort: only our own temporary file */ } catch (UnauthorizedAccessException) { }
                throw new PolytomicInputException("ProfileFileWriteFailed", $"The profiles file {file} could not be written: {ex.Message}", "Path", file);
            }
        }

        /// <summary>Never follows a link: a profiles file that is one could redirect the write anywhere.</summary>
        private static void RefuseLink(string file)
        {
            if (File.Exists(file) && (File.GetAttributes(file) & FileAttributes.ReparsePoint) != 0)
                throw new PolytomicInputException("ProfileFileIsLink",
                    $"The profiles file {file} is a link; PolytomicPS does not follow links. Replace it with a plain file.", "Path", file);
        }

        private static void Optional(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null) w.WriteString(name, value);
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static T Parse<T>(string text) where T : struct =>
            Enum.TryParse<T>(text, true, out var value) && Enum.IsDefined(typeof(T), value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}");
    }
}
