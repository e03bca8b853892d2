using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Polytomic.Webhooks
{
    /// <summary>Checks the signature of an event-webhook delivery: Polytomic signs each delivery with the webhook's
    /// secret and sends the HMAC of the body in the Polytomic-Signature header (events guide). The guide's text names
    /// HMAC and the header; SHA-256 and hex are what its Go example uses as far as could be read, so base64 of the same
    /// HMAC and a "sha256=" prefix are accepted too (neither weakens the check: the MAC is the same 32 bytes).</summary>
    public static class WebhookSignature
    {
        public const string Header = "Polytomic-Signature";

        /// <summary>HMAC-SHA256 of the body under the secret, lowercase hex: what a delivery's header should carry.</summary>
        public static string Compute(byte[] body, byte[] secret)
        {
            using var hmac = new HMACSHA256(secret);
            var mac = hmac.ComputeHash(body);
            var hex = new StringBuilder(mac.Length * 2);
            foreach (var b in mac) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        /// <summary>Whether the signature is the body's HMAC under the secret; compared in constant time.</summary>
        public static bool Verify(byte[] body, string? signature, byte[] secret)
        {
            if (body == null) throw new ArgumentNullException(nameof(body));
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            var given = Decode(signature);
            byte[] expected;
            using (var hmac = new HMACSHA256(secret)) expected = hmac.ComputeHash(body);
            // A malformed header is compared against a dummy of the same length, so the time taken says nothing.
            return FixedTimeEquals(expected, given ?? new byte[expected.Length]) && given != null;
        }

        /// <summary>The MAC bytes of a header value: 64 hex digits or 44 base64 characters, optionally after "sha256=".</summary>
        internal static byte[]? Decode(string? signature)
        {
            if (signature == null) return null;
            var s = signature.Trim();
            if (s.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) s = s.Substring(7);
            if (s.Length == 64)
            {
                var bytes = new byte[32];
                for (var i = 0; i < 32; i++)
                {
                    var hi = Hex(s[2 * i]); var lo = Hex(s[2 * i + 1]);
                    if (hi < 0 || lo < 0) return null;
                    bytes[i] = (byte)(hi << 4 | lo);
                }
                return bytes;
            }
            if (s.Length == 44)
            {
                try { var b = Convert.FromBase64String(s); return b.Length == 32 ? b : null; }
                catch (FormatException) { return null; }
            }
            return null;
        }

        private static int Hex(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        /// <summary>Every byte is looked at whatever the first difference (netstandard2.0 lacks CryptographicOperations).</summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        internal static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
