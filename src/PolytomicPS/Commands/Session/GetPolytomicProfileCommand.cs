using System;
using System.Linq;
using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>Lists the saved Polytomic profiles.</summary>
    /// <remarks>
    /// <para>Get-PolytomicProfile reads the user's profiles file (see Register-PolytomicProfile) and outputs its profiles: name, base URL, API version, organization, read-only, and where the key comes from. A profile never holds a key, so nothing here is secret.</para>
    /// <para>-Name takes wildcards; a name without wildcards that matches nothing writes a ProfileNotFound error. No file yet means no profiles.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicProfile
    /// </code>
    /// <para>Lists every profile.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicProfile -Name prod* | Where-Object ReadOnly
    /// </code>
    /// <para>The read-only profiles whose names start with prod.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicProfile", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicProfile.md")]
    [OutputType(typeof(PolytomicProfile))]
    public sealed class GetPolytomicProfileCommand : PSCmdlet
    {
        /// <summary>The profiles to list, by name (wildcards allowed).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var profiles = ProfileStore.Read(ProfileStore.FilePath());
                if (Name == null) { foreach (var p in profiles) WriteObject(p); return; }
                foreach (var name in Name)
                {
                    var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
                    var found = profiles.Where(p => pattern.IsMatch(p.Name)).ToList();
                    if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                        WriteError(ErrorFactory.FromProfile(new Polytomic.PolytomicInputException("ProfileNotFound", $"There is no profile named '{name}'.", "Name", name)));
                    foreach (var p in found) WriteObject(p);
                }
            }
            catch (Polytomic.PolytomicInputException ex)
            {
                ThrowTerminatingError(ErrorFactory.FromProfile(ex));
            }
        }
    }
}
