using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Saves a named way to connect, so Connect-Polytomic -Profile can connect with it later.</summary>
    /// <remarks>
    /// <para>Register-PolytomicProfile records a base URL, an API version, an organization, whether sessions are read-only, and where the key comes from: a SecretManagement secret (-SecretName, read with Get-Secret when Connect-Polytomic runs), an environment variable (-KeyVariable) or an Azure Automation variable or credential (-AutomationVariable, -AutomationCredential). It never records the key itself.</para>
    /// <para>Profiles are kept in one JSON file per user: profiles.json in $env:POLYTOMICPS_HOME when it is set, else in %APPDATA%\PolytomicPS on Windows and $XDG_CONFIG_HOME/PolytomicPS (or ~/.config/PolytomicPS) elsewhere. The file is written whole (a temporary file renamed over the old one) and is never followed through a link (ProfileFileIsLink).</para>
    /// <para>A profile that exists already is replaced only with -Force (else ProfileExists). -KeyVariable takes a variable's name, not its value: a value that is not a variable name is refused without being echoed (InvalidKeyVariable). -OrganizationId needs a partner or deployment key (-KeyType).</para>
    /// <para>Output: the profile (PolytomicProfile).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Register-PolytomicProfile -Name prod -SecretName PolytomicProd -ApiVersion 2025-09-18
    /// Connect-Polytomic -Profile prod
    /// </code>
    /// <para>Saves a profile whose key is the SecretManagement secret PolytomicProd, then connects with it in any later session.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Register-PolytomicProfile -Name monitor -KeyVariable POLYTOMIC_MONITOR_KEY -ReadOnly -Force
    /// </code>
    /// <para>A read-only profile for a monitoring job, whose key arrives in the environment variable POLYTOMIC_MONITOR_KEY: its sessions refuse every change.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Register-PolytomicProfile -Name partner -AutomationCredential 'Polytomic partner' -KeyType PartnerKey -Force
    /// </code>
    /// <para>In Azure Automation: the key is the password of the credential asset 'Polytomic partner' (its user name, when set, is the organization id).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Register, "PolytomicProfile", SupportsShouldProcess = true, DefaultParameterSetName = SecretSet,
        HelpUri = HelpLinks.Cmdlets + "Register-PolytomicProfile.md")]
    [OutputType(typeof(PolytomicProfile))]
    public sealed class RegisterPolytomicProfileCommand : PSCmdlet
    {
        private const string SecretSet = "SecretName";
        private const string VariableSet = "KeyVariable";
        private const string AutomationVariableSet = "AutomationVariable";
        private const string AutomationCredentialSet = "AutomationCredential";

        /// <summary>The profile's name (letters, digits, '.', '_' or '-').</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = "";

        /// <summary>The SecretManagement secret that holds the key (a SecureString, a string, or a credential whose password is the key).</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string? SecretName { get; set; }

        /// <summary>The SecretManagement vault to read the secret from; without it Get-Secret searches every vault.</summary>
        [Parameter(ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string? Vault { get; set; }

        /// <summary>The name of the environment variable that holds the key's text.</summary>
        [Parameter(Mandatory = true, ParameterSetName = VariableSet)]
        [ValidateNotNullOrEmpty]
        public string? KeyVariable { get; set; }

        /// <summary>The Azure Automation variable (encrypted) that holds the key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AutomationVariableSet)]
        [ValidateNotNullOrEmpty]
        public string? AutomationVariable { get; set; }

        /// <summary>The Azure Automation credential whose password is the key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AutomationCredentialSet)]
        [ValidateNotNullOrEmpty]
        public string? AutomationCredential { get; set; }

        /// <summary>What the key is: ApiKey (the default), PartnerKey or DeploymentKey.</summary>
        [Parameter]
        public PolytomicKeyType KeyType { get; set; } = PolytomicKeyType.ApiKey;

        /// <summary>The Polytomic address; without it Connect-Polytomic's default applies.</summary>
        [Parameter]
        public Uri? BaseUrl { get; set; }

        /// <summary>The API version sessions of this profile speak.</summary>
        [Parameter]
        [ValidateSet(ApiVersions.V2024_02_08, ApiVersions.V2025_09_18)]
        public string? ApiVersion { get; set; }

        /// <summary>The organization a partner or deployment key acts in.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OrganizationId { get; set; }

        /// <summary>Sessions of this profile refuse every change (see Connect-Polytomic -ReadOnly); a script cannot undo it.</summary>
        [Parameter]
        public SwitchParameter ReadOnly { get; set; }

        /// <summary>Replaces a profile of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                ProfileStore.CheckName(Name);
                if (KeyVariable != null && !Regex.IsMatch(KeyVariable, "^[A-Za-z_][A-Za-z0-9_]{0,127}$"))
                    throw new PolytomicInputException("InvalidKeyVariable",
                        "-KeyVariable takes the name of an environment variable (letters, digits and '_'), not the key: the value given is not one and was not saved.", "KeyVariable", null);
                if (OrganizationId != null && KeyType == PolytomicKeyType.ApiKey)
                    throw new PolytomicInputException("OrganizationIdNeedsPartnerKey",
                        "-OrganizationId applies to a partner or deployment key (-KeyType PartnerKey or DeploymentKey).", "OrganizationId", OrganizationId);
                if (BaseUrl != null)
                {
                    if (!BaseUrl.IsAbsoluteUri || !string.IsNullOrEmpty(BaseUrl.UserInfo))
                        throw new PolytomicInputException("InvalidBaseUrl", "-BaseUrl must be an absolute https URL without a user name or password.", "BaseUrl", null);
                    try { PolytomicClient.ValidateBaseUrl(BaseUrl); }
                    catch (ArgumentException ex) { throw new PolytomicInputException("InsecureBaseUrl", ex.Message, "BaseUrl", BaseUrl); }
                }
                var profile = new PolytomicProfile
                {
                    Name = Name, BaseUrl = BaseUrl, ApiVersion = ApiVersion, OrganizationId = OrganizationId, ReadOnly = ReadOnly,
                    KeyType = KeyType, Vault = Vault,
                    KeySource = ParameterSetName switch
                    {
                        VariableSet => PolytomicKeySource.EnvironmentVariable,
                        AutomationVariableSet => PolytomicKeySource.AutomationVariable,
                        AutomationCredentialSet => PolytomicKeySource.AutomationCredential,
                        _ => PolytomicKeySource.SecretManagement,
                    },
                    KeyName = SecretName ?? KeyVariable ?? AutomationVariable ?? AutomationCredential ?? "",
                };
                var file = ProfileStore.FilePath();
                var profiles = ProfileStore.Read(file);
                var existing = profiles.FindIndex(p => string.Equals(p.Name, Name, StringComparison.OrdinalIgnoreCase));
                if (existing >= 0 && !Force)
                    throw new PolytomicInputException("ProfileExists", $"A profile named '{Name}' exists already; add -Force to replace it.", "Name", Name);
                if (!ShouldProcess(file, (existing >= 0 ? "Replace" : "Add") + $" Polytomic profile '{Name}'")) return;
                if (existing >= 0) profiles[existing] = profile; else profiles.Add(profile);
                ProfileStore.Write(file, profiles.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase));
                Notes.Write(this, $"Saved profile '{Name}' in {file}.");
                WriteObject(profile);
            }
            catch (PolytomicInputException ex)
            {
                ThrowTerminatingError(ErrorFactory.FromProfile(ex));
            }
        }
    }
}
