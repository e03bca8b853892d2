using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Threading.Tasks;
using Polytomic.Sandbox;
using PolytomicPS.Host;
using Xunit;

namespace PolytomicPS.Tests
{
    /// <summary>What one script produced, stream by stream.</summary>
    public sealed class PsResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<WarningRecord> Warnings { get; } = new List<WarningRecord>();
        public List<VerboseRecord> Verbose { get; } = new List<VerboseRecord>();
        public List<DebugRecord> Debug { get; } = new List<DebugRecord>();
        public List<InformationRecord> Information { get; } = new List<InformationRecord>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        /// <summary>The terminating error, if the script threw.</summary>
        public RuntimeException? Thrown { get; set; }

        public ErrorRecord SingleError()
        {
            var all = Errors.Concat(Thrown != null ? new[] { Thrown.ErrorRecord } : Array.Empty<ErrorRecord>()).ToList();
            Assert.True(all.Count == 1, $"expected one error, got {all.Count}: {string.Join(" | ", all.Select(e => e.FullyQualifiedErrorId + " " + e))}");
            return all[0];
        }

        public void AssertSuccess()
        {
            Assert.True(Thrown == null, "script threw: " + Thrown?.ErrorRecord?.FullyQualifiedErrorId + " " + Thrown?.Message);
            Assert.True(Errors.Count == 0, "script wrote errors: " + string.Join(" | ", Errors.Select(e => e.FullyQualifiedErrorId + " " + e)));
        }

        public T Single<T>() => Assert.Single(Output.Select(o => o.BaseObject).OfType<T>());
        public List<T> All<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

        /// <summary>Every text a user could see or log from this run: all streams, ToString and properties of outputs,
        /// exception messages and error details. The secrets collector searches it.</summary>
        public string AllText()
        {
            var sb = new StringBuilder();
            foreach (var o in Output)
            {
                sb.AppendLine(o.ToString());
                sb.AppendLine(o.BaseObject?.ToString());
                foreach (var p in o.Properties)
                {
                    try { sb.AppendLine(p.Name + "=" + Flatten(p.Value)); } catch (Exception) { }
                }
            }
            foreach (var e in Errors.Concat(Thrown != null ? new[] { Thrown.ErrorRecord } : Array.Empty<ErrorRecord>()))
            {
                sb.AppendLine(e.ToString()).AppendLine(e.ErrorDetails?.Message).AppendLine(e.ErrorDetails?.RecommendedAction)
                  .AppendLine(e.TargetObject?.ToString()).AppendLine(e.CategoryInfo.ToString());
                for (Exception? x = e.Exception; x != null; x = x.InnerException) sb.AppendLine(x.ToString());
            }
            Warnings.ForEach(w => sb.AppendLine(w.Message));
            Verbose.ForEach(w => sb.AppendLine(w.Message));
            Debug.ForEach(w => sb.AppendLine(w.Message));
            Information.ForEach(w => sb.AppendLine(w.MessageData?.ToString()));
            Progress.ForEach(w => sb.AppendLine(w.Activity + " " + w.StatusDescription + " " + w.CurrentOperation));
            return sb.ToString();
        }

        private static string Flatten(object? v) => v switch
        {
            null => "",
            string s => s,
            System.Collections.IDictionary d => string.Join(",", d.Keys.Cast<object>().Select(k => k + ":" + Flatten(d[k]))),
            System.Collections.IEnumerable e => string.Join(",", e.Cast<object?>().Select(Flatten)),
            _ => v.ToString() ?? "",
        };
    }

    /// <summary>A sandbox on a free loopback port, shared by the tests of one class.</summary>
    public sealed class SandboxFixture : IAsyncLifetime
    {
        public const string ApiKey = "3f9c1e0a-7b5d-4e2a-9c8f-1d2e3f4a5b6c";
        public const string PartnerKey = "6e5d4c3b-2a19-4f8e-b7d6-c5b4a3928170";
        public SandboxServer Server { get; private set; } = null!;
        public SandboxState State => Server.State;

        public async Task InitializeAsync()
        {
            Server = await SandboxServer.StartAsync(ApiKey, TimeSpan.FromMilliseconds(300));
            Server.State.PartnerKey = PartnerKey;
            Server.State.Contract = Contract.Value;
        }

        /// <summary>Fails when a route answered in a shape Polytomic's published schemas forbid (checked after every
        /// script, and for what the class's direct client calls left, when the class is done).</summary>
        public void AssertContract()
        {
            var broken = Server.State.Contract?.Drain() ?? new List<string>();
            Assert.True(broken.Count == 0, "the sandbox answered outside Polytomic's published shapes:\n" + string.Join("\n", broken.Distinct()));
        }

        public async Task DisposeAsync()
        {
            try { AssertContract(); }
            finally { await Server.DisposeAsync(); }
        }

        /// <summary>One parse of the SDK-derived documents for the whole run; the check itself is thread-safe, and each
        /// fixture drains only what its own sandbox answered because each sandbox gets its own check.</summary>
        private static readonly Lazy<Polytomic.Sandbox.Contract.OpenApiContract[]> Documents = new Lazy<Polytomic.Sandbox.Contract.OpenApiContract[]>(() =>
            SandboxVersions.Both.Select(v => Polytomic.Sandbox.Contract.OpenApiContract.Load(System.IO.Path.Combine(Repo.Shared, "polytomic-api"), v)).ToArray());

        private Lazy<Polytomic.Sandbox.Contract.ContractCheck> Contract { get; } =
            new Lazy<Polytomic.Sandbox.Contract.ContractCheck>(() => new Polytomic.Sandbox.Contract.ContractCheck(Documents.Value));
    }

    /// <summary>Runs PowerShell scripts in a hosted PowerShell 7 runspace with the staged module imported.</summary>
    public static class Ps
    {
        private static readonly Lazy<string> Manifest = new Lazy<string>(ScriptRunner.FindModuleManifest);

        /// <summary>Runs a script in a fresh runspace. With a sandbox, $Sandbox, $ApiKey and $BaseUrl are set and, unless
        /// connect is false, a session is opened first with the given API version.</summary>
        /// <summary>Runs a script in a fresh runspace. The secrets collector also reads every file under folders (an
        /// exported workspace, say).</summary>
        public static PsResult Run(string script, SandboxFixture? sandbox = null, string version = "2024-02-08",
            bool connect = true, IDictionary<string, object?>? variables = null, IEnumerable<string>? secrets = null,
            IEnumerable<string>? folders = null)
        {
            using var runspace = ScriptRunner.OpenRunspace(null, Manifest.Value);
            return RunIn(runspace, script, sandbox, version, connect, variables, secrets, folders);
        }

        public static PsResult RunIn(Runspace runspace, string script, SandboxFixture? sandbox = null, string version = "2024-02-08",
            bool connect = true, IDictionary<string, object?>? variables = null, IEnumerable<string>? secrets = null,
            IEnumerable<string>? folders = null)
        {
            if (sandbox != null)
            {
                runspace.SessionStateProxy.SetVariable("ApiKey", SandboxFixture.ApiKey);
                runspace.SessionStateProxy.SetVariable("PartnerKey", SandboxFixture.PartnerKey);
                runspace.SessionStateProxy.SetVariable("BaseUrl", sandbox.Server.BaseUrl.ToString());
                runspace.SessionStateProxy.SetVariable("ApiVersion", version);
                if (connect)
                    script = "$null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion -MaxRetries 2\n" + script;
                // A class's tests share one sandbox and reuse names (the seeds do): they create duplicates on purpose.
                // The tests of the name rule (NameRuleTests) remove these defaults.
                script = "$PSDefaultParameterValues['New-PolytomicConnection:Force'] = $true\n"
                    + "$PSDefaultParameterValues['New-PolytomicModel:Force'] = $true\n"
                    + "$PSDefaultParameterValues['New-PolytomicSync:Force'] = $true\n"
                    + "$PSDefaultParameterValues['New-PolytomicBulkSync:Force'] = $true\n" + script;
            }
            foreach (var kv in variables ?? new Dictionary<string, object?>()) runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);

            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var result = new PsResult();
            try
            {
                foreach (var o in ps.Invoke()) if (o != null) result.Output.Add(o);
            }
            catch (RuntimeException ex)
            {
                result.Thrown = ex;
            }
            result.Errors.AddRange(ps.Streams.Error);
            result.Warnings.AddRange(ps.Streams.Warning);
            result.Verbose.AddRange(ps.Streams.Verbose);
            result.Debug.AddRange(ps.Streams.Debug);
            result.Information.AddRange(ps.Streams.Information);
            result.Progress.AddRange(ps.Streams.Progress);

            sandbox?.AssertContract();

            // The secrets collector: no run may show the API key, or any secret the test names, anywhere.
            var text = result.AllText();
            var needles = new[] { SandboxFixture.ApiKey, SandboxFixture.PartnerKey }.Concat(secrets ?? Array.Empty<string>()).ToList();
            foreach (var secret in needles)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret appeared in the output of: {script}");
            AssertNoSecretsIn(folders, needles);
            return result;
        }

        /// <summary>The secrets collector over files: no file under the folders holds any of the secrets.</summary>
        public static void AssertNoSecretsIn(IEnumerable<string>? folders, IEnumerable<string> secrets)
        {
            foreach (var folder in folders ?? Array.Empty<string>())
            {
                if (!System.IO.Directory.Exists(folder)) continue;
                foreach (var file in System.IO.Directory.GetFiles(folder, "*", System.IO.SearchOption.AllDirectories))
                {
                    var content = System.IO.File.ReadAllText(file);
                    foreach (var secret in secrets)
                        Assert.False(content.Contains(secret, StringComparison.Ordinal), $"a secret appeared in the file {file}");
                }
            }
        }
    }
}
