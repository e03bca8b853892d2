using System;
using System.Management.Automation;
using System.Security;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Connects to Polytomic and makes the session the default for this runspace.</summary>
    /// <remarks>
    /// <para>Connect-Polytomic checks the base URL, builds a session (one HTTP client with retries) and outputs it. Later cmdlets use it unless they are given -Session. Nothing is sent to Polytomic until a cmdlet needs it.</para>
    /// <para>The API key is kept as a SecureString and never printed: the session shows only MaskedKey, its last characters. Without -ApiKey the POLYTOMIC_API_KEY environment variable is read; without -BaseUrl, POLYTOMIC_BASE_URL or https://app.polytomic.com. Plain http:// is refused except on loopback.</para>
    /// <para>Output: the session object (PolytomicSession), nothing else.</para>
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
    /// $env:POLYTOMIC_API_KEY = $secretFromVault
    /// Connect-Polytomic -ApiVersion 2025-09-18 -MaxRetries 5
    /// </code>
    /// <para>Connects with the key from the environment (as a runbook would), speaking API version 2025-09-18 and retrying transient failures up to five times.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $eu = Connect-Polytomic -ApiKey $euKey -BaseUrl https://app.eu.polytomic.com
    /// Get-PolytomicConnection -Session $eu
    /// </code>
    /// <para>Keeps a second session in a variable and passes it to a cmdlet explicitly.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "Polytomic")]
    [OutputType(typeof(PolytomicSession))]
    public sealed class ConnectPolytomicCommand : PSCmdlet
    {
        public const string ApiKeyVariable = "POLYTOMIC_API_KEY";
        public const string BaseUrlVariable = "POLYTOMIC_BASE_URL";

        /// <summary>The Polytomic API key, as a SecureString (a plain string is converted at once). Defaults to the POLYTOMIC_API_KEY environment variable.</summary>
        [Parameter(Position = 0)]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The Polytomic API version to speak (the X-Polytomic-Version header): 2024-02-08 (the default) or 2025-09-18.</summary>
        [Parameter]
        [ValidateSet(ApiVersions.V2024_02_08, ApiVersions.V2025_09_18)]
        public string ApiVersion { get; set; } = ApiVersions.Default;

        /// <summary>The Polytomic address. Defaults to POLYTOMIC_BASE_URL, else https://app.polytomic.com. Must be https unless it is a loopback address.</summary>
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

        protected override void EndProcessing()
        {
            var key = ApiKey;
            if (key == null || key.Length == 0)
            {
                var fromEnv = Environment.GetEnvironmentVariable(ApiKeyVariable);
                if (string.IsNullOrEmpty(fromEnv))
                    ThrowTerminatingError(ErrorFactory.Input("MissingApiKey",
                        $"No API key: pass -ApiKey or set the {ApiKeyVariable} environment variable.",
                        ErrorCategory.InvalidArgument, null));
                key = SecureStrings.FromPlain(fromEnv!);
            }

            var url = BaseUrl;
            if (url == null)
            {
                var fromEnv = Environment.GetEnvironmentVariable(BaseUrlVariable);
                if (!string.IsNullOrEmpty(fromEnv) && !Uri.TryCreate(fromEnv, UriKind.Absolute, out url))
                    ThrowTerminatingError(ErrorFactory.Input("InvalidBaseUrl",
                        $"{BaseUrlVariable} is not an absolute URL.", ErrorCategory.InvalidArgument, null));
                url ??= new Uri(PolytomicClientOptions.DefaultBaseUrl);
            }
            try
            {
                PolytomicClient.ValidateBaseUrl(url);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InsecureBaseUrl", ErrorCategory.SecurityError, url));
            }

            var options = new PolytomicClientOptions
            {
                ApiKey = key!.Copy(),
                ApiVersion = ApiVersion,
                BaseUrl = url!,
                AttemptTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
                MaxRetries = MaxRetries,
                UserAgentComment = Edition(),
            };
            options.ApiKey.MakeReadOnly();
            var session = new PolytomicSession(options, PolytomicSession.Mask(SecureStrings.ToPlain(key)));
            SessionStore.Current = session;
            WriteVerbose($"Connected to {session.BaseUrl} with API version {session.ApiVersion}.");
            WriteObject(session);
        }

        private string Edition()
        {
            var table = SessionState.PSVariable.GetValue("PSVersionTable") as System.Collections.IDictionary;
            return table?["PSEdition"]?.ToString() ?? "Desktop";
        }
    }
}
