using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Text;

namespace PolytomicPS.Host
{
    /// <summary>Runs PowerShell with the staged module imported: used by the command line and by the tests.</summary>
    public static class ScriptRunner
    {
        public const string ModulePathVariable = "POLYTOMICPS_MODULE_PATH";

        /// <summary>The staged manifest: $POLYTOMICPS_MODULE_PATH, else out/PolytomicPS/&lt;version&gt;/ above this program.</summary>
        public static string FindModuleManifest()
        {
            var fromEnv = Environment.GetEnvironmentVariable(ModulePathVariable);
            if (!string.IsNullOrEmpty(fromEnv))
                return Directory.Exists(fromEnv) ? Path.Combine(fromEnv, "PolytomicPS.psd1") : fromEnv;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var stage = Path.Combine(dir.FullName, "out", "PolytomicPS");
                if (!Directory.Exists(stage)) continue;
                var manifest = Directory.GetDirectories(stage)
                    .Select(d => Path.Combine(d, "PolytomicPS.psd1"))
                    .Where(File.Exists)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault();
                if (manifest != null) return manifest;
            }
            throw new FileNotFoundException("The staged PolytomicPS module was not found under out/PolytomicPS/. Run 'dotnet build' first, or set " + ModulePathVariable + ".");
        }

        /// <summary>A runspace on the given host with the module imported.</summary>
        public static Runspace OpenRunspace(PSHost? host = null, string? manifest = null)
        {
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { manifest ?? FindModuleManifest() });
            var runspace = host == null ? RunspaceFactory.CreateRunspace(iss) : RunspaceFactory.CreateRunspace(host, iss);
            runspace.Open();
            return runspace;
        }

        /// <summary>The script text that runs FILE with PowerShell-style arguments (-Name value …).</summary>
        public static string FileInvocation(string file, IEnumerable<string> args)
        {
            var sb = new StringBuilder("& ").Append(Quote(Path.GetFullPath(file)));
            foreach (var a in args)
            {
                sb.Append(' ');
                sb.Append(System.Text.RegularExpressions.Regex.IsMatch(a, @"^-[A-Za-z][A-Za-z0-9_]*:?$") ? a : Quote(a));
            }
            return sb.ToString();
        }

        public static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

        /// <summary>Runs script text, rendering output through Out-Default and errors to the host's error writer.
        /// Returns the process exit code: 0 only when nothing threw and no error was written.</summary>
        public static int Run(ConsoleHost host, TextWriter error, string script)
        {
            using var runspace = OpenRunspace(host);
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script).AddCommand("Out-Default");
            int errors = 0;
            ps.Streams.Error.DataAdded += (s, e) =>
            {
                var record = ps.Streams.Error[e.Index];
                errors++;
                error.WriteLine(Describe(record));
            };
            try
            {
                ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                error.WriteLine(Describe(ex.ErrorRecord));
                return host.ExitCode is int code && code != 0 ? code : 1;
            }
            if (host.ExitCode is int exit) return exit != 0 ? exit : (errors > 0 ? 1 : 0);
            return errors > 0 || ps.HadErrors && errors > 0 ? 1 : 0;
        }

        public static string Describe(ErrorRecord r)
        {
            var message = r.ErrorDetails?.Message ?? r.Exception?.Message ?? r.ToString();
            var where = r.InvocationInfo?.MyCommand?.Name;
            var sb = new StringBuilder();
            sb.Append(where != null ? where + ": " : "").Append(message);
            sb.Append(Environment.NewLine).Append("    + CategoryInfo: ").Append(r.CategoryInfo);
            sb.Append(Environment.NewLine).Append("    + FullyQualifiedErrorId: ").Append(r.FullyQualifiedErrorId);
            if (r.ErrorDetails?.RecommendedAction is string action && action.Length > 0)
                sb.Append(Environment.NewLine).Append("    + RecommendedAction: ").Append(action);
            return sb.ToString();
        }
    }
}
