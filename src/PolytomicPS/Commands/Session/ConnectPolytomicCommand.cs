using System;
using System.Management.Automation;
using System.Security;
using Polytomic;

namespace PolytomicPS.Commands
{
    /// <summary>Connect-Polytomic: makes a session and the runspace's default.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Polytomic")]
    [OutputType(typeof(PolytomicSession))]
    public sealed class ConnectPolytomicCommand : PSCmdlet
    {
        public const string ApiKeyVariable = "POLYTOMIC_API_KEY";
        public const string BaseUrlVariable = "POLYTOMIC_BASE_URL";

        /// <summary>The API key (a SecureString; a plain string is converted at once).</summary>
        [Parameter(Position = 0)]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        [Parameter]
        [ValidateSet(ApiVersions.V2024_02_08, ApiVersions.V2025_09_18)]
        public string ApiVersion { get; set; } = ApiVersions.Default;

        [Parameter]
        public Uri? BaseUrl { get; set; }

        /// <summary>Timeout of one HTTP attempt, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSeconds { get; set; } = 60;

        /// <summary>How many times a transient failure (408, 429, 5xx, network) is retried.</summary>
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
