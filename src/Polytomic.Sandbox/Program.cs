using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Polytomic.Sandbox;

// Standalone sandbox: dotnet run --project src/Polytomic.Sandbox -- [--urls URL] [--api-key KEY] [--schema-cache-delay S]
SandboxOptions options;
try { options = SandboxOptions.FromArgs(args); }
catch (ArgumentException ex) { Console.Error.WriteLine(ex.Message); return 2; }

// SIGINT, SIGTERM and SIGQUIT all stop the server promptly. Registering them (rather than Console.CancelKeyPress)
// A shell starts background processes with SIGINT and SIGQUIT ignored, and .NET keeps an inherited "ignore", so
// they are set back to the default first: a launcher's SIGINT must stop the server too.
if (!OperatingSystem.IsWindows()) { Posix.signal(2, IntPtr.Zero); Posix.signal(3, IntPtr.Zero); }
var done = new TaskCompletionSource();
void Stop(PosixSignalContext context) { context.Cancel = true; done.TrySetResult(); }
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

await using var server = await SandboxServer.StartAsync(options);
Console.WriteLine($"Polytomic sandbox listening on {server.BaseUrl} (API key: the one given with --api-key, default in README)");
Console.WriteLine("Press Ctrl+C to stop.");
if (options.ExitWith is int parent)
{
    _ = Task.Run(async () =>
    {
        while (!done.Task.IsCompleted)
        {
            try { using var p = System.Diagnostics.Process.GetProcessById(parent); if (p.HasExited) break; }
            catch (ArgumentException) { break; }
            await Task.Delay(500);
        }
        done.TrySetResult();
    });
}
await done.Task;
return 0;

internal static class Posix
{
    [DllImport("libc", SetLastError = true)]
    internal static extern IntPtr signal(int signum, IntPtr handler);
}
