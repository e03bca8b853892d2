using System;
using System.IO;
using System.Text;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Files a cmdlet keeps its progress in (a maintenance window's state, an event checkpoint) and the reports it writes: never followed
    /// through links, and always written whole, so a process killed mid-write leaves the old or the new file.</summary>
    internal static class StateFiles
    {
        /// <summary>The full path, or an input error: a folder, a link, or a path whose folder does not exist.</summary>
        public static string Check(string fullPath, string given, string parameter, string invalidId)
        {
            if (Directory.Exists(fullPath))
                throw new PolytomicInputException(invalidId, $"-{parameter} '{given}' is a folder; give a file path.", parameter, given);
            if (File.Exists(fullPath) && (File.GetAttributes(fullPath) & FileAttributes.ReparsePoint) != 0)
                throw new PolytomicInputException(parameter + "IsLink", $"-{parameter} '{given}' is a link; these files are never followed through links.", parameter, given);
            var folder = Path.GetDirectoryName(fullPath);
            if (folder == null || !Directory.Exists(folder))
                throw new PolytomicInputException(invalidId, $"The folder of -{parameter} '{given}' does not exist.", parameter, given);
            return fullPath;
        }

        /// <summary>Writes the text to a temporary file beside the target, then renames it over the target; a write that
        /// fails half way leaves no temporary file behind.</summary>
        public static void WriteWhole(string fullPath, string text)
        {
            var temp = fullPath + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                File.WriteAllText(temp, text, new UTF8Encoding(false));
                if (File.Exists(fullPath)) File.Replace(temp, fullPath, null);
                else File.Move(temp, fullPath);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
