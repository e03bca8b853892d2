using System.Runtime.InteropServices;
using System.Security;

namespace Polytomic
{
    /// <summary>SecureString helpers: the plain text lives only as long as the caller needs it.</summary>
    public static class SecureStrings
    {
        public static string ToPlain(SecureString s)
        {
            var ptr = Marshal.SecureStringToGlobalAllocUnicode(s);
            try { return Marshal.PtrToStringUni(ptr) ?? string.Empty; }
            finally { Marshal.ZeroFreeGlobalAllocUnicode(ptr); }
        }

        public static SecureString FromPlain(string s)
        {
            var secure = new SecureString();
            foreach (var c in s) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
