using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Polytomic.Workspace
{
    /// <summary>The portable file name of an object: its name as it is when every file system takes it, otherwise a
    /// readable prefix and a short hash of the real name (which stays inside the file).</summary>
    public static class WorkspaceFileName
    {
        /// <summary>Bytes a file name may take (255 on ext4, APFS and NTFS; UTF-8 never has fewer bytes than UTF-16
        /// has units).</summary>
        public const int MaxBytes = 255;

        /// <summary>Bytes of the readable prefix of a hashed name.</summary>
        public const int PrefixBytes = 64;

        private const string Extension = ".json";
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
        private static readonly char[] Refused = { '<', '>', ':', '"', '/', '\\', '|', '?', '*' };

        /// <summary>Names Windows reserves for devices, whatever the extension ("CON", "nul.json", "COM1").</summary>
        private static readonly string[] Reserved = new[] { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$" }
            .Concat(Enumerable.Range(0, 10).SelectMany(i => new[] { "COM" + i, "LPT" + i }))
            .Concat(new[] { "COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3" }).ToArray();

        /// <summary>The file name of an object's name; hashed: always the prefix-and-hash form (for names that differ only
        /// in case, which a case-insensitive file system would make one file).</summary>
        public static string Of(string name, bool hashed = false)
        {
            var sb = new StringBuilder(name.Length);
            var changed = false;
            for (int i = 0; i < name.Length; i++)
            {
                var ch = name[i];
                if (char.IsHighSurrogate(ch) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) { sb.Append(ch).Append(name[++i]); continue; }
                if (Array.IndexOf(Refused, ch) >= 0 || char.IsControl(ch) || char.IsSurrogate(ch)) { sb.Append('_'); changed = true; }
                else sb.Append(ch);
            }
            var text = sb.ToString();
            var trimmed = text.TrimEnd('.', ' ');
            if (trimmed.Length != text.Length || trimmed.Length == 0 || IsReserved(trimmed)) changed = true;
            if (!changed && !hashed && Utf8.GetByteCount(trimmed) + Extension.Length <= MaxBytes) return trimmed + Extension;
            return Prefix(trimmed) + "~" + Hash(name) + Extension;
        }

        /// <summary>The file name exports gave before names were made portable (refused characters as '_', no trailing
        /// dots or spaces): only to recognise an earlier export's own files.</summary>
        public static string Legacy(string name)
        {
            var text = new string(name.Select(ch => Array.IndexOf(Refused, ch) >= 0 || char.IsControl(ch) ? '_' : ch).ToArray()).TrimEnd('.', ' ');
            return (text.Length == 0 ? "_" : text) + Extension;
        }

        /// <summary>Whether Windows reserves the name: its part before the first dot, trailing spaces aside, is a device.</summary>
        public static bool IsReserved(string fileName)
        {
            var dot = fileName.IndexOf('.');
            var stem = (dot < 0 ? fileName : fileName.Substring(0, dot)).TrimEnd(' ');
            return Reserved.Any(r => string.Equals(r, stem, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>At most PrefixBytes of the name, never splitting a surrogate pair; no trailing dot or space.</summary>
        private static string Prefix(string text)
        {
            int bytes = 0, end = 0;
            while (end < text.Length)
            {
                var len = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
                var size = Utf8.GetByteCount(text.ToCharArray(end, len));
                if (bytes + size > PrefixBytes) break;
                bytes += size;
                end += len;
            }
            return text.Substring(0, end).TrimEnd('.', ' ');
        }

        private static string Hash(string name)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(name));
            return string.Concat(digest.Take(5).Select(b => b.ToString("x2")));
        }
    }
}
