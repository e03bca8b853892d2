using System;
using System.Management.Automation;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Removes a saved Polytomic profile.</summary>
    /// <remarks>
    /// <para>Unregister-PolytomicProfile removes profiles from the user's profiles file (rewritten whole). The key's source (the secret, variable or credential) is left as it is. Sessions already made from the profile stay open.</para>
    /// <para>A name that matches no profile writes a ProfileNotFound error. Takes profiles from the pipeline (Get-PolytomicProfile) and supports -WhatIf.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Register-PolytomicProfile -Name old -KeyVariable POLYTOMIC_API_KEY -Force
    /// Unregister-PolytomicProfile -Name old
    /// </code>
    /// <para>Saves, then removes, the profile old.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicProfile -Name test-* | Unregister-PolytomicProfile -WhatIf
    /// </code>
    /// <para>Shows which profiles starting with test- would be removed.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Unregister, "PolytomicProfile", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "Unregister-PolytomicProfile.md")]
    [OutputType(typeof(void))]
    public sealed class UnregisterPolytomicProfileCommand : PSCmdlet
    {
        /// <summary>The profile to remove.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            try
            {
                var file = ProfileStore.FilePath();
                foreach (var name in Name)
                {
                    var profiles = ProfileStore.Read(file);
                    var index = profiles.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                    if (index < 0)
                    {
                        WriteError(ErrorFactory.FromProfile(new PolytomicInputException("ProfileNotFound", $"There is no profile named '{name}'.", "Name", name)));
                        continue;
                    }
                    if (!ShouldProcess(file, $"Remove Polytomic profile '{profiles[index].Name}'")) continue;
                    profiles.RemoveAt(index);
                    ProfileStore.Write(file, profiles);
                    Notes.Write(this, $"Removed profile '{name}' from {file}.");
                }
            }
            catch (PolytomicInputException ex)
            {
                ThrowTerminatingError(ErrorFactory.FromProfile(ex));
            }
        }
    }
}
