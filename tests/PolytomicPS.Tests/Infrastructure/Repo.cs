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

        /// <summary>Makes a bare Connect-Polytomic (as the examples have) reach the test's sandbox. Runspace-local, unlike
        /// the POLYTOMIC_* environment variables the README's host sets, so tests can run in parallel.</summary>
        public const string PointConnectAtSandbox =
            "$PSDefaultParameterValues['Connect-Polytomic:ApiKey'] = $ApiKey; $PSDefaultParameterValues['Connect-Polytomic:BaseUrl'] = $BaseUrl";

        /// <summary>Runs an example script as the README does, but in the test runspace.</summary>
        public static PsResult RunExample(string name, SandboxFixture sandbox, string version, IEnumerable<string>? secrets = null) =>
            Ps.Run($"{PointConnectAtSandbox}\n& '{Example(name)}' -ApiVersion $ApiVersion", sandbox, version, connect: false, secrets: secrets);
    }
}
