using System;
using System.Management.Automation;
using System.Security;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Connects to Polytomic and makes the session the default for this runspace (unless -NoDefault).</summary>
    /// <remarks>
    /// <para>Connect-Polytomic checks the base URL, builds a session (one HTTP client with retries) and outputs it. Later cmdlets use it unless they are given -Session. Nothing is sent to Polytomic until a cmdlet needs it (with -Verbose, it reads /api/me to say who you are).</para>
    /// <para>It takes a user or organization API key (a SecureString, a string, or a PSCredential whose password is the key: whatever Get-Secret or an Automation asset returns), a partner key (Bearer; with -OrganizationId, HTTP Basic scoped to that organization), a PSCredential holding an organization id and a partner key (as Azure Automation credential assets do), or a self-hosted deployment key. Without any, it reads POLYTOMIC_API_KEY, then POLYTOMIC_PARTNER_KEY, then POLYTOMIC_DEPLOYMENT_KEY.</para>
    /// <para>Keys are kept as SecureStrings and never printed: the session shows only MaskedKey, its last characters. Without -BaseUrl, POLYTOMIC_BASE_URL, POLYTOMIC_DEPLOYMENT_URL or https://app.polytomic.com is used. Plain http:// is refused except on loopback, and so is a URL that holds a user name or password (user:password@host: CredentialsInBaseUrl).</para>
    /// <para>With -NoDefault the session is only returned: the default stays as it was, so a script can hold a second session (another organization, another Polytomic) and pass it with -Session. One verbose line says which URL and organization the session points at and whether it became the default; the session's view shows the same (Organization, IsDefault).</para>
    /// <para>-Profile connects with a profile saved by Register-PolytomicProfile: its URL, API version and organization (parameters given here win), and its key read from where the profile says (Get-Secret, an environment variable, Get-AutomationVariable or Get-AutomationPSCredential). The session's ProfileName names it.</para>
    /// <para>-ReadOnly (or a read-only profile, which a script cannot undo) makes a session that refuses every change before anything is sent: the command stops with the error ReadOnlySession, naming it. -WhatIf still shows what a command would do. GET requests are sent, and so are the few POSTs that only read: POST /api/connections/{id}/query (Invoke-PolytomicQuery), /api/connection_types/{type}/parameter_values, /api/enrichment/{id}/inputfields, /api/model-preview, /api/connections/test (Test-PolytomicConnection -Configuration) and /api/bulk/syncs/{id}/executions/{id}/logs/export (Get-PolytomicBulkSyncLog -Export). Invoke-PolytomicRequest meets the same rule.</para>
    /// <para>-TracePath (or POLYTOMICPS_TRACE_PATH) appends one JSON line per attempt to a file: time, method, path, query, status, ms, attempt, idempotencyKey, errorId. -TraceBody adds request bodies, with the secret fields of connection configurations (as the connection type's schema marks them; every value when the type is not known) and fields named like secrets masked. The key and the Authorization header are never written. Get-PolytomicRequestHistory shows the same records from memory. POLYTOMIC_MAX_RETRIES and POLYTOMIC_TIMEOUT_SECONDS set -MaxRetries and -TimeoutSeconds when they are not given.</para>
    /// <para>Organizations piped in with a partner key (Get-PolytomicOrganization | Connect-Polytomic -PartnerKey $key) give one session per organization, each scoped to it and paced on its own; with more than one, none becomes the default (as with -NoDefault), so pass them with -Session (Export-PolytomicWorkspace takes them all at once).</para>
    /// <para>Output: the session object (PolytomicSession), one per organization piped in, nothing else.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $key = Read-Host -AsSecureString 'Polytomic API key'
    /// Connect-Polytomic -ApiKey $key
    /// </code>
    /// <para>Connects with a key typed at a prompt, using API version 2024-02-08.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Connect-Polytomic -ApiKey (Get-Secret -Name PolytomicApiKey) -ApiVersion 2025-09-18 -MaxRetries 5
    /// </code>
    /// <para>With SecretManagement: Get-Secret returns a SecureString (or a PSCredential for a credential secret), and -ApiKey takes either as it is. Do not copy the secret into an environment variable first: a SecureString turned into text is the words System.Security.SecureString, which Connect-Polytomic refuses (KeyIsTypeName). Speaks API version 2025-09-18 and retries transient failures up to five times.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $env:POLYTOMIC_API_KEY = Get-Secret -Name PolytomicApiKey -AsPlainText
    /// Connect-Polytomic
    /// </code>
    /// <para>Connects with the key from the environment, as a CI job that receives the key as a masked variable does. The variable must hold the key's text, hence -AsPlainText.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $key = Get-AutomationVariable -Name 'PolytomicApiKey'
    /// Connect-Polytomic -ApiKey $key
    /// </code>
    /// <para>In an Azure Automation runbook: an encrypted Automation variable arrives as a plain string, which is made a SecureString at once. A credential asset (Get-AutomationPSCredential) can be passed to -ApiKey too: its password is the key.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $cred = Get-AutomationPSCredential -Name 'Polytomic partner'
    /// Connect-Polytomic -Credential $cred
    /// </code>
    /// <para>In an Azure Automation runbook: the credential's user name is the organization id and its password the partner key.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $partner = Get-Credential -UserName $organizationId -Message 'Polytomic partner key'
    /// Connect-Polytomic -Credential $partner
    /// Get-PolytomicConnection
    /// </code>
    /// <para>A partner key typed at a prompt, acting inside one organization (leave the user name empty to manage organizations instead). The same works with a credential secret: Connect-Polytomic -Credential (Get-Secret -Name PolytomicPartner).</para>
    /// </example>
    /// <example>
    /// <code>
    /// $dev = Connect-Polytomic -ApiKey $devKey
    /// $prod = Connect-Polytomic -ApiKey $prodKey -NoDefault -Verbose
    /// Get-PolytomicConnection -Session $prod
    /// </code>
    /// <para>Holds two sessions: dev stays the default for every command without -Session, prod is used only where it is named. -Verbose prints one line with prod's URL and organization.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Register-PolytomicProfile -Name prod -SecretName PolytomicApiKey -Force
    /// Connect-Polytomic -Profile prod -ReadOnly -TracePath ./polytomic-trace.jsonl
    /// </code>
    /// <para>Connects with a saved profile (the key comes from SecretManagement), read-only, appending every attempt to a trace file.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $partner = Connect-Polytomic -PartnerKey $partnerKey -NoDefault
    /// $sessions = Get-PolytomicOrganization -Session $partner | Connect-Polytomic -PartnerKey $partnerKey
    /// Export-PolytomicWorkspace -Session $sessions -Path ./organizations
    /// </code>
    /// <para>One session per organization of a partner key, then one export folder per organization, named after it.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "Polytomic", HelpUri = HelpLinks.Cmdlets + "Connect-Polytomic.md", DefaultParameterSetName = ApiKeySet)]
    [OutputType(typeof(PolytomicSession))]
    public sealed class ConnectPolytomicCommand : PSCmdlet
    {
        public const string ApiKeyVariable = "POLYTOMIC_API_KEY";
        public const string PartnerKeyVariable = "POLYTOMIC_PARTNER_KEY";
        public const string DeploymentKeyVariable = "POLYTOMIC_DEPLOYMENT_KEY";
        public const string BaseUrlVariable = "POLYTOMIC_BASE_URL";
        /// <summary>The Terraform provider's variable: a host name (https assumed) or a URL.</summary>
        public const string DeploymentUrlVariable = "POLYTOMIC_DEPLOYMENT_URL";

        public const string ApiKeySet = "ApiKey";
        public const string PartnerKeySet = "PartnerKey";
        public const string CredentialSet = "Credential";
        public const string DeploymentKeySet = "DeploymentKey";
        public const string ProfileSet = "Profile";
        public const string TracePathVariable = "POLYTOMICPS_TRACE_PATH";
        public const string MaxRetriesVariable = "POLYTOMIC_MAX_RETRIES";
        public const string TimeoutVariable = "POLYTOMIC_TIMEOUT_SECONDS";

        private readonly System.Threading.CancellationTokenSource stopping = new System.Threading.CancellationTokenSource();

        /// <summary>The Polytomic API key: a SecureString, a plain string (converted at once) or a PSCredential whose password is the key, which is what Get-Secret, encrypted Automation variables and credential assets return. Defaults to the POLYTOMIC_API_KEY environment variable.</summary>
        [Parameter(Position = 0, ParameterSetName = ApiKeySet)]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>A partner key (SecureString, string or PSCredential whose password is the key): manages organizations and their users. With -OrganizationId it acts inside that
        /// organization (HTTP Basic organization-id:partner-key).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PartnerKeySet)]
        [SecureStringTransformation]
        public SecureString? PartnerKey { get; set; }

        /// <summary>User name = organization id (empty for an unscoped partner session), password = partner key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The deployment key of a self-hosted Polytomic (HTTP Basic): a SecureString, string or PSCredential whose password is the key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DeploymentKeySet)]
        [SecureStringTransformation]
        public SecureString? DeploymentKey { get; set; }

        /// <summary>The organization a partner or deployment key acts in; with the environment's partner key too.</summary>
        [Parameter(ParameterSetName = ApiKeySet)]
        [Parameter(ParameterSetName = PartnerKeySet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = DeploymentKeySet)]
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateNotNullOrEmpty]
        public string? OrganizationId { get; set; }

        /// <summary>A profile saved by Register-PolytomicProfile: its URL, API version, organization, read-only setting and key source.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ProfileSet)]
        [ValidateNotNullOrEmpty]
        public string? Profile { get; set; }

        /// <summary>Refuses every change before anything is sent (ErrorId ReadOnlySession); reads, and the POSTs that only read, still work.</summary>
        [Parameter]
        public SwitchParameter ReadOnly { get; set; }

        /// <summary>A file to append one JSON line per attempt to (the folder must exist). Defaults to POLYTOMICPS_TRACE_PATH.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TracePath { get; set; }

        /// <summary>Adds request bodies to the trace and the request history, with secret fields masked.</summary>
        [Parameter]
        public SwitchParameter TraceBody { get; set; }

        /// <summary>The Polytomic API version to speak (the X-Polytomic-Version header): 2024-02-08 (the default) or 2025-09-18.</summary>
        [Parameter]
        [ValidateSet(ApiVersions.V2024_02_08, ApiVersions.V2025_09_18)]
        public string ApiVersion { get; set; } = ApiVersions.Default;

        /// <summary>The Polytomic address. Defaults to POLYTOMIC_BASE_URL (or POLYTOMIC_DEPLOYMENT_URL), else https://app.polytomic.com. Must be https unless it is a loopback address, and must not hold a user name or password.</summary>
        [Parameter]
        public Uri? BaseUrl { get; set; }

        /// <summary>The timeout of one HTTP attempt, in seconds (1-3600). Retries get their own timeout.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSeconds { get; set; } = 60;

        /// <summary>How many times a transient failure (408, 429, 5xx, network) is retried, with exponential back-off that honours Retry-After (0-10).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>An HTTP proxy for every call of this session (otherwise the system proxy, or HTTPS_PROXY/NO_PROXY, is used).</summary>
        [Parameter]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for -Proxy; without them the current user's default credentials are offered.</summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Returns the session without making it the default: commands use it only when given -Session.</summary>
        [Parameter]
        public SwitchParameter NoDefault { get; set; }

        private readonly System.Collections.Generic.List<string> piped = new System.Collections.Generic.List<string>();
        private PolytomicProfile? profile;
        private (SecureString Key, string? User)? profileKey;

        protected override void ProcessRecord()
        {
            if (MyInvocation.ExpectingInput && OrganizationId != null && !piped.Contains(OrganizationId)) piped.Add(OrganizationId);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ProfileSet) profile = LoadProfile();
            if (piped.Count <= 1)
            {
                if (piped.Count == 1) OrganizationId = piped[0];
                Connect(!NoDefault);
                return;
            }
            foreach (var org in piped)
            {
                OrganizationId = org;
                Connect(makeDefault: false);
            }
        }

        private void Connect(bool makeDefault)
        {
            var (key, mode, org) = Credentials();
            RefuseTypeName(key);
            var url = ResolveBaseUrl();
            if (ProxyCredential != null && Proxy == null)
                ThrowTerminatingError(ErrorFactory.Input("ProxyCredentialWithoutProxy", "-ProxyCredential needs -Proxy.", ErrorCategory.InvalidArgument, null));
            System.Net.IWebProxy? proxy = null;
            if (Proxy != null)
                proxy = new System.Net.WebProxy(Proxy)
                {
                    Credentials = ProxyCredential?.GetNetworkCredential() ?? (System.Net.ICredentials)System.Net.CredentialCache.DefaultCredentials,
                };

            var options = new PolytomicClientOptions
            {
                ApiKey = key.Copy(),
                AuthMode = mode,
                OrganizationId = org,
                ApiVersion = MyInvocation.BoundParameters.ContainsKey(nameof(ApiVersion)) ? ApiVersion : profile?.ApiVersion ?? ApiVersion,
                BaseUrl = url,
                AttemptTimeout = TimeSpan.FromSeconds(FromEnvironment(nameof(TimeoutSeconds), TimeoutSeconds, TimeoutVariable, 1, 3600)),
                MaxRetries = FromEnvironment(nameof(MaxRetries), MaxRetries, MaxRetriesVariable, 0, 10),
                ReadOnly = ReadOnly || profile?.ReadOnly == true,
                Trace = new Polytomic.Http.RequestTrace(Checked(() => ProfileKeys.TraceFile(this,
                    MyInvocation.BoundParameters.ContainsKey(nameof(TracePath)) ? TracePath : Environment.GetEnvironmentVariable(TracePathVariable))), TraceBody),
                UserAgentComment = Edition(),
                Proxy = proxy,
            };
            options.ApiKey.MakeReadOnly();
            PolytomicSession session;
            // A key that cannot go into a header (a line break, a non-ASCII character) is refused here, by ErrorId.
            try { session = new PolytomicSession(options, PolytomicSession.Mask(SecureStrings.ToPlain(key))); }
            catch (PolytomicInputException ex) { ThrowTerminatingError(ErrorFactory.FromInput(ex)); throw; }
            session.ProfileName = profile?.Name;
            // Ctrl+C during the identity read: the session was never handed out, so it is closed here.
            try { if (VerboseOn()) ShowIdentity(session); }
            catch { session.Dispose(); throw; }
            var previous = SessionStore.Current;
            if (makeDefault) SessionStore.Current = session;
            var who = identity == null ? "" : $" as {identity.Email ?? identity.Id} ({identity.Kind})";
            Notes.Write(this, $"Connected to {session.BaseUrl} (API version {session.ApiVersion}, {mode}), organization {session.Organization}{who}; "
                + (!makeDefault ? (previous == null ? "-NoDefault: there is no default session." : $"-NoDefault: the default is still {previous.BaseUrl}, organization {previous.Organization}.")
                             : "this is now the default session."));
            WriteObject(session);
        }

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>The key, how it is sent, and the organization it is scoped to.</summary>
        private (SecureString Key, PolytomicAuthMode Mode, string? Org) Credentials()
        {
            switch (ParameterSetName)
            {
                case ProfileSet:
                    return ProfileCredentials();
                case PartnerKeySet:
                    return (NonEmpty(PartnerKey, "PartnerKey"), OrganizationId == null ? PolytomicAuthMode.PartnerKey : PolytomicAuthMode.OrganizationPartnerKey, OrganizationId);
                case CredentialSet:
                    var org = string.IsNullOrWhiteSpace(Credential!.UserName) ? null : Credential.UserName.Trim();
                    return (NonEmpty(Credential.Password, "Credential"), org == null ? PolytomicAuthMode.PartnerKey : PolytomicAuthMode.OrganizationPartnerKey, org);
                case DeploymentKeySet:
                    return (NonEmpty(DeploymentKey, "DeploymentKey"), PolytomicAuthMode.DeploymentKey, OrganizationId);
            }
            if (ApiKey != null && ApiKey.Length > 0)
            {
                if (OrganizationId != null)
                    ThrowTerminatingError(ErrorFactory.Input("OrganizationIdNeedsPartnerKey",
                        "-OrganizationId applies to a partner or deployment key; an API key already belongs to one organization.",
                        ErrorCategory.InvalidArgument, OrganizationId));
                return (ApiKey, PolytomicAuthMode.ApiKey, null);
            }
            var apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable);
            if (!string.IsNullOrEmpty(apiKey) && OrganizationId == null) return (SecureStrings.FromPlain(apiKey!), PolytomicAuthMode.ApiKey, null);
            var partner = Environment.GetEnvironmentVariable(PartnerKeyVariable);
            if (!string.IsNullOrEmpty(partner))
                return (SecureStrings.FromPlain(partner!), OrganizationId == null ? PolytomicAuthMode.PartnerKey : PolytomicAuthMode.OrganizationPartnerKey, OrganizationId);
            var deployment = Environment.GetEnvironmentVariable(DeploymentKeyVariable);
            if (!string.IsNullOrEmpty(deployment)) return (SecureStrings.FromPlain(deployment!), PolytomicAuthMode.DeploymentKey, OrganizationId);
            ThrowTerminatingError(ErrorFactory.Input("MissingApiKey",
                $"No API key: pass -ApiKey, -PartnerKey, -Credential or -DeploymentKey, or set {ApiKeyVariable}, {PartnerKeyVariable} or {DeploymentKeyVariable}.",
                ErrorCategory.InvalidArgument, null));
            throw new InvalidOperationException(); // not reached
        }

        private PolytomicProfile LoadProfile()
        {
            var found = Checked(() => ProfileStore.Read(ProfileStore.FilePath()))
                .Find(p => string.Equals(p.Name, Profile, StringComparison.OrdinalIgnoreCase));
            if (found == null)
                ThrowTerminatingError(ErrorFactory.FromProfile(new PolytomicInputException("ProfileNotFound",
                    $"There is no profile named '{Profile}' (Get-PolytomicProfile lists them; Register-PolytomicProfile saves one).", "Profile", Profile)));
            return found!;
        }

        /// <summary>The profile's key, read once (several organizations share it), and how it is sent.</summary>
        private (SecureString Key, PolytomicAuthMode Mode, string? Org) ProfileCredentials()
        {
            var p = profile!;
            var (key, user) = profileKey ??= Checked(() => ProfileKeys.Read(this, p));
            var org = OrganizationId ?? p.OrganizationId ?? (p.KeyType == PolytomicKeyType.PartnerKey ? user : null);
            switch (p.KeyType)
            {
                case PolytomicKeyType.PartnerKey: return (key, org == null ? PolytomicAuthMode.PartnerKey : PolytomicAuthMode.OrganizationPartnerKey, org);
                case PolytomicKeyType.DeploymentKey: return (key, PolytomicAuthMode.DeploymentKey, org);
            }
            if (OrganizationId != null)
                ThrowTerminatingError(ErrorFactory.Input("OrganizationIdNeedsPartnerKey",
                    "-OrganizationId applies to a partner or deployment key; this profile's key is an API key.", ErrorCategory.InvalidArgument, OrganizationId));
            return (key, PolytomicAuthMode.ApiKey, null);
        }

        private T Checked<T>(Func<T> read)
        {
            try { return read(); }
            catch (PolytomicInputException ex) { ThrowTerminatingError(ErrorFactory.FromProfile(ex)); throw; }
        }

        /// <summary>A parameter's value, else its environment variable (for runbooks tuned without editing), else the default.</summary>
        private int FromEnvironment(string parameter, int value, string variable, int min, int max)
        {
            if (MyInvocation.BoundParameters.ContainsKey(parameter)) return value;
            var text = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(text)) return value;
            if (int.TryParse(text!.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
                return parsed;
            ThrowTerminatingError(ErrorFactory.Input("InvalidEnvironmentValue",
                $"{variable} is '{text}', not a whole number from {min} to {max}.", ErrorCategory.InvalidArgument, variable));
            return value;
        }

        /// <summary>A SecureString or PSCredential that went through a string (an environment variable, string
        /// interpolation) arrives as its type name; sending that would only come back as 401.</summary>
        private void RefuseTypeName(SecureString key)
        {
            var plain = SecureStrings.ToPlain(key);
            if (plain != typeof(SecureString).FullName && plain != typeof(PSCredential).FullName) return;
            ThrowTerminatingError(ErrorFactory.Input("KeyIsTypeName",
                $"The key is the text '{plain}', not a key: a secret was turned into a string on its way here.",
                ErrorCategory.InvalidArgument, null,
                "Pass the SecureString or PSCredential itself to -ApiKey (Connect-Polytomic -ApiKey (Get-Secret -Name ...)), or put the key's text in the environment variable (Get-Secret -AsPlainText)."));
        }

        private SecureString NonEmpty(SecureString? key, string parameter)
        {
            if (key == null || key.Length == 0)
                ThrowTerminatingError(ErrorFactory.Input("MissingApiKey", $"-{parameter} holds no key.", ErrorCategory.InvalidArgument, null));
            return key!;
        }

        private Uri ResolveBaseUrl()
        {
            var url = BaseUrl ?? profile?.BaseUrl;
            if (url == null)
            {
                var fromEnv = Environment.GetEnvironmentVariable(BaseUrlVariable);
                var name = BaseUrlVariable;
                if (string.IsNullOrEmpty(fromEnv))
                {
                    fromEnv = Environment.GetEnvironmentVariable(DeploymentUrlVariable);
                    name = DeploymentUrlVariable;
                    // The Terraform provider takes a bare host and assumes https.
                    if (!string.IsNullOrEmpty(fromEnv) && fromEnv!.IndexOf("://", StringComparison.Ordinal) < 0) fromEnv = "https://" + fromEnv.TrimEnd('/');
                }
                if (!string.IsNullOrEmpty(fromEnv) && !Uri.TryCreate(fromEnv, UriKind.Absolute, out url))
                    ThrowTerminatingError(ErrorFactory.Input("InvalidBaseUrl",
                        $"{name} is not an absolute URL.", ErrorCategory.InvalidArgument, null));
                url ??= new Uri(PolytomicClientOptions.DefaultBaseUrl);
            }
            // Before any other check: those name the URL, and user:password@ in it is a credential.
            if (url != null && url.IsAbsoluteUri && !string.IsNullOrEmpty(url.UserInfo))
                ThrowTerminatingError(ErrorFactory.Input("CredentialsInBaseUrl",
                    "The base URL holds a user name or password (user:password@host). Remove them: Polytomic authenticates with the key given to -ApiKey, -PartnerKey, -Credential or -DeploymentKey.",
                    ErrorCategory.InvalidArgument, null, "Pass the base URL as https://host only."));
            try
            {
                PolytomicClient.ValidateBaseUrl(url);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorFactory.FromException(ex, "InsecureBaseUrl", ErrorCategory.SecurityError, url));
            }
            return url!;
        }

        /// <summary>-Verbose (or $VerbosePreference) only: reading the identity costs a request.</summary>
        private bool VerboseOn()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var v)) return v is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(v);
            var pref = GetVariableValue("VerbosePreference");
            return pref != null && LanguagePrimitives.TryConvertTo<ActionPreference>(pref, out var p)
                && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
        }

        private Polytomic.Models.PolytomicIdentity? identity;

        /// <summary>Reads who the key is, so the one verbose line and the session's view can name the organization.</summary>
        private void ShowIdentity(PolytomicSession session)
        {
            try
            {
                identity = session.Client.GetIdentityAsync(stopping.Token).GetAwaiter().GetResult();
                session.Learn(identity);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (PolytomicApiException ex)
            {
                // The session stands; the first real call will report the same problem as an error.
                WriteWarning("Could not read who this key belongs to (GET /api/me): " + ex.Message);
            }
        }

        private string Edition()
        {
            var table = SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.IDictionary;
            return table?["PSEdition"]?.ToString() ?? "Desktop";
        }
    }
}
