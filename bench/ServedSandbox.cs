using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Polytomic.Sandbox;

namespace PolytomicPS.Bench
{
    /// <summary>A sandbox in a process of its own (this program run with --serve): the server's threads then neither
    /// share the measured process's thread pool nor keep its cores awake, as Polytomic's own servers would not.</summary>
    internal sealed class ServedSandbox : IDisposable
    {
        private const string Marker = "LISTENING ";
        private readonly Process process;

        private ServedSandbox(Process process, Uri baseUrl) { this.process = process; BaseUrl = baseUrl; }

        public Uri BaseUrl { get; }
        public string ApiKey => SandboxOptions.DefaultApiKey;

        public static ServedSandbox Start()
        {
            var psi = Program.ChildProcess("--serve");
            psi.RedirectStandardInput = true;
            var process = Process.Start(psi)!;
            string? line;
            while ((line = process.StandardOutput.ReadLine()) != null && !line.StartsWith(Marker, StringComparison.Ordinal)) { }
            if (line == null) throw new InvalidOperationException("the served sandbox did not start");
            return new ServedSandbox(process, new Uri(line.Substring(Marker.Length)));
        }

        /// <summary>The child's side: serves until its standard input closes (the parent ends or disposes it).</summary>
        public static async Task<int> Serve()
        {
            await using var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", SchemaCacheDelay = TimeSpan.Zero });
            Console.WriteLine(Marker + server.BaseUrl);
            await Console.In.ReadToEndAsync();
            return 0;
        }

        public void Dispose()
        {
            try { process.StandardInput.Close(); if (!process.WaitForExit(5000)) process.Kill(); }
            finally { process.Dispose(); }
        }
    }
}
