using System.IO;

namespace PolytomicPS.Tests
{
    /// <summary>Paths of the repository and of ../shared (read-only facts; present in CI).</summary>
    public static class Repo
    {
        public static string Root { get; } = FindRoot();

        public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

        public static string Example(string name) => Path.Combine(Root, "examples", name);

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PolytomicPS.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("PolytomicPS.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>Runs an example script as the README does, but in the test runspace: the bare Connect-Polytomic in
        /// it reaches the test's sandbox through the environment variables.</summary>
        public static PsResult RunExample(string name, SandboxFixture sandbox, string version, IEnumerable<string>? secrets = null) =>
            Ps.Run($@"$env:POLYTOMIC_API_KEY = $ApiKey; $env:POLYTOMIC_BASE_URL = $BaseUrl
                try {{ & '{Example(name)}' -ApiVersion $ApiVersion }} finally {{ $env:POLYTOMIC_API_KEY = $null; $env:POLYTOMIC_BASE_URL = $null }}",
                sandbox, version, connect: false, secrets: secrets);
    }
}
