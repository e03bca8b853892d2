using System;
using System.Threading;
using System.Threading.Tasks;
using Polytomic.Sandbox;

// Standalone sandbox: dotnet run --project src/Polytomic.Sandbox -- [--urls URL] [--api-key KEY] [--schema-cache-delay S]
SandboxOptions options;
try { options = SandboxOptions.FromArgs(args); }
catch (ArgumentException ex) { Console.Error.WriteLine(ex.Message); return 2; }

await using var server = await SandboxServer.StartAsync(options);
Console.WriteLine($"Polytomic sandbox listening on {server.BaseUrl} (API key: the one given with --api-key, default in README)");
Console.WriteLine("Press Ctrl+C to stop.");
var done = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
await done.Task;
return 0;
