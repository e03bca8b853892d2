using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using Polytomic;

namespace PolytomicPS
{
    /// <summary>Reads a profile's key from its source when Connect-Polytomic -Profile runs, and checks a trace file.
    /// The commands (Get-Secret, Get-AutomationVariable, Get-AutomationPSCredential) are found as the caller sees them,
    /// so a stand-in function works as the real command does.</summary>
    internal static class ProfileKeys
    {
        /// <summary>The key, and the credential's user name when the source is a credential.</summary>
        public static (SecureString Key, string? User) Read(PSCmdlet cmdlet, PolytomicProfile p)
        {
            object? value;
            switch (p.KeySource)
            {
                case PolytomicKeySource.EnvironmentVariable:
                    var text = Environment.GetEnvironmentVariable(p.KeyName);
                    if (string.IsNullOrEmpty(text))
                        throw new PolytomicInputException("ProfileKeyNotFound",
                            $"Profile '{p.Name}' reads its key from the environment variable {p.KeyName}, which is not set.", "Profile", p.Name);
                    return (SecureStrings.FromPlain(text!), null);
                case PolytomicKeySource.SecretManagement:
                    value = Invoke(cmdlet, p, "Get-Secret", "SecretManagementNotAvailable",
                        "Install and register a vault with Microsoft.PowerShell.SecretManagement (Install-Module Microsoft.PowerShell.SecretManagement).");
                    break;
                case PolytomicKeySource.AutomationVariable:
                    value = Invoke(cmdlet, p, "Get-AutomationVariable", "AutomationNotAvailable", "Run this in an Azure Automation runbook (or a Hybrid Worker).");
                    break;
                default:
                    value = Invoke(cmdlet, p, "Get-AutomationPSCredential", "AutomationNotAvailable", "Run this in an Azure Automation runbook (or a Hybrid Worker).");
                    break;
            }
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            if (value == null)
                throw new PolytomicInputException("ProfileKeyNotFound",
                    $"Profile '{p.Name}': {p.KeySource} '{p.KeyName}' gave no key (no such secret, variable or credential?).", "Profile", p.Name);
            switch (value)
            {
                case SecureString s when s.Length > 0: return (s, null);
                case string s when s.Length > 0: return (SecureStrings.FromPlain(s), null);
                case PSCredential c when c.Password != null && c.Password.Length > 0:
                    return (c.Password, string.IsNullOrWhiteSpace(c.UserName) ? null : c.UserName.Trim());
            }
            throw new PolytomicInputException("ProfileKeyUnreadable",
                $"Profile '{p.Name}': {p.KeySource} '{p.KeyName}' gave {(value == null ? "nothing" : "a " + value.GetType().Name)}, not a key (a SecureString, a string or a credential).", "Profile", p.Name);
        }

        private static object? Invoke(PSCmdlet cmdlet, PolytomicProfile p, string command, string missingId, string action)
        {
            var info = cmdlet.InvokeCommand.GetCommand(command, CommandTypes.Function | CommandTypes.Cmdlet | CommandTypes.Alias);
            if (info == null)
                throw new PolytomicInputException(missingId,
                    $"Profile '{p.Name}' reads its key with {command}, which is not available here. {action}", "Profile", p.Name);
            var script = ScriptBlock.Create("param($c, $n, $v) if ($v) { & $c -Name $n -Vault $v } else { & $c -Name $n }");
            System.Collections.ObjectModel.Collection<PSObject> result;
            try
            {
                result = cmdlet.InvokeCommand.InvokeScript(false, script, null, info, p.KeyName, p.Vault);
            }
            catch (RuntimeException ex)
            {
                throw new PolytomicInputException("ProfileKeyNotFound",
                    $"Profile '{p.Name}': {command} -Name '{p.KeyName}' failed: {ex.Message}", "Profile", p.Name);
            }
            return result.Count == 1 ? result[0] : null;
        }

        /// <summary>The trace file's full path, checked before the session exists: its folder must exist, and the file,
        /// if there, must be a plain file (never a link) that can be appended to.</summary>
        public static string? TraceFile(PSCmdlet cmdlet, string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) return null;
            var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            var folder = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                throw new PolytomicInputException("TracePathNotFound", $"The trace file's folder {folder} does not exist.", "TracePath", path);
            if (Directory.Exists(full))
                throw new PolytomicInputException("InvalidTracePath", $"The trace path {full} is a folder; give a file.", "TracePath", path);
            if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0)
                throw new PolytomicInputException("InvalidTracePath", $"The trace file {full} is a link; PolytomicPS does not follow links.", "TracePath", path);
            try
            {
                using (new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new PolytomicInputException("InvalidTracePath", $"The trace file {full} cannot be written: {ex.Message}", "TracePath", path);
            }
            return full;
        }
    }
}
