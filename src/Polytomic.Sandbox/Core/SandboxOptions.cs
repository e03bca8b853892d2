using System;

namespace Polytomic.Sandbox
{
    /// <summary>How a sandbox starts. Every setting can also be changed on <see cref="SandboxState"/> while it runs.</summary>
    public sealed class SandboxOptions
    {
        public const string DefaultApiKey = "sandbox-api-key-0000";
        public const string DefaultUrls = "http://127.0.0.1:5080";

        /// <summary>Listen address; port 0 picks a free one.</summary>
        public string Urls { get; set; } = DefaultUrls;
        public string ApiKey { get; set; } = DefaultApiKey;
        public const string DefaultPartnerKey = "sandbox-partner-key-0000";
        public const string DefaultDeploymentKey = "sandbox-deployment-key-0000";
        /// <summary>Partner key: Bearer for the organization/user routes, or Basic "org-id:key" inside one organization.</summary>
        public string PartnerKey { get; set; } = DefaultPartnerKey;
        /// <summary>Self-hosted deployment key (Basic "key:" or "org-id:key"): acts as the system.</summary>
        public string DeploymentKey { get; set; } = DefaultDeploymentKey;

        /// <summary>How long a new connection's schema cache stays "refreshing".</summary>
        public TimeSpan SchemaCacheDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>Version served when a request names none (the newest docs' rule).</summary>
        public string DefaultVersion { get; set; } = SandboxVersions.V2025;

        /// <summary>A folder of openapi.sdk-derived.&lt;version&gt;.json documents: check every answer against them.</summary>
        public string? ContractFolder { get; set; }

        /// <summary>A process id: the sandbox stops when that process is gone, so a crashed launcher leaves none behind.</summary>
        public int? ExitWith { get; set; }

        /// <summary>How long a sync or bulk-sync run takes, when set (the defaults are a few seconds); queueing and
        /// starting take a fraction of it. Lets a suite that starts many runs (the help examples) finish quickly.</summary>
        public TimeSpan? RunTime { get; set; }

        public static SandboxOptions FromArgs(string[] args)
        {
            var o = new SandboxOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--urls": o.Urls = Next(); break;
                    case "--api-key": o.ApiKey = Next(); break;
                    case "--partner-key": o.PartnerKey = Next(); break;
                    case "--contract": o.ContractFolder = Next(); break;
                    case "--exit-with": o.ExitWith = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--run-seconds": o.RunTime = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                    case "--schema-cache-delay": o.SchemaCacheDelay = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --urls URL, --api-key KEY, --partner-key KEY, --schema-cache-delay SECONDS, --run-seconds SECONDS, --contract FOLDER, --exit-with PID");
                }
            }
            return o;
        }
    }

    public static class SandboxVersions
    {
        public const string V2024 = "2024-02-08";
        public const string V2025 = "2025-09-18";
        public static readonly string[] Both = { V2024, V2025 };
        public static readonly string[] Only2024 = { V2024 };
        public static readonly string[] Only2025 = { V2025 };
    }
}
