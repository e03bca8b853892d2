using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolytomicPS.Host;
using Polytomic.Sandbox;

// dotnet run --project src/PolytomicPS.Host -- [--sandbox] FILE.ps1 [args] | [--sandbox] -Command "…"
const string Usage = "usage: PolytomicPS.Host [--sandbox] FILE.ps1 [args…]\n       PolytomicPS.Host [--sandbox] -Command \"script\"";
var rest = args.ToList();
bool sandbox = rest.Remove("--sandbox");
if (rest.Count == 0 || rest[0] is "-h" or "--help" or "-?") { Console.Error.WriteLine(Usage); return rest.Count == 0 ? 2 : 0; }

string script;
if (rest[0].Equals("-Command", StringComparison.OrdinalIgnoreCase) || rest[0].Equals("-c", StringComparison.OrdinalIgnoreCase))
{
    if (rest.Count < 2) { Console.Error.WriteLine(Usage); return 2; }
    script = string.Join(" ", rest.Skip(1));
}
else
{
    if (!File.Exists(rest[0])) { Console.Error.WriteLine($"Script not found: {rest[0]}"); return 2; }
    script = ScriptRunner.FileInvocation(rest[0], rest.Skip(1));
}

SandboxServer? server = null;
if (sandbox)
{
    // In-process sandbox on a free loopback port; a bare Connect-Polytomic reaches it through the environment.
    server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", SchemaCacheDelay = TimeSpan.FromSeconds(1) });
    Environment.SetEnvironmentVariable("POLYTOMIC_API_KEY", server.State.ApiKey);
    Environment.SetEnvironmentVariable("POLYTOMIC_BASE_URL", server.BaseUrl.ToString());
    Console.Error.WriteLine($"Sandbox: {server.BaseUrl}");
}

try
{
    var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
    int width = 120;
    try { if (!Console.IsOutputRedirected && Console.WindowWidth > 40) width = Console.WindowWidth; } catch (IOException) { }
    var host = new ConsoleHost(Console.Out, Console.Error, interactive, width, plainText: Console.IsOutputRedirected);
    return ScriptRunner.Run(host, Console.Error, script);
}
catch (FileNotFoundException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 3;
}
finally
{
    if (server != null) await server.DisposeAsync();
}
