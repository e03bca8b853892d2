using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Polytomic;
using Polytomic.Models;
using Polytomic.Sandbox;
using PolytomicPS.Host;

namespace PolytomicPS.Bench
{
    /// <summary>Figure 5: Export- and Import-PolytomicWorkspace of a workspace with 1,000 syncs and 200 models: requests
    /// per object, and the time against the same requests made back to back by a raw HttpClient.</summary>
    internal static class WorkspaceBench
    {
        public static void Register() => Program.Sections["workspace"] = (Measure, Render);

        private static (int Models, int Syncs) Size(bool quick) => quick ? (40, 200) : (200, 1000);

        private static async Task<Dictionary<string, double>> Measure(SandboxServer a, bool quick)
        {
            var (models, syncs) = Size(quick);
            await Build(a, models, syncs);
            await using var b = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", SchemaCacheDelay = TimeSpan.Zero });
            await using var cold = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", SchemaCacheDelay = TimeSpan.Zero });
            var dir = Path.Combine(Path.GetTempPath(), "bench-ws-" + Guid.NewGuid().ToString("N"));
            try
            {
                var figures = new Dictionary<string, double> { ["objects"] = 2 + models + syncs };
                using var rs = ScriptRunner.OpenRunspace(null, ScriptRunner.FindModuleManifest());
                rs.SessionStateProxy.SetVariable("KA", a.State.ApiKey);
                rs.SessionStateProxy.SetVariable("UA", a.BaseUrl.ToString());
                rs.SessionStateProxy.SetVariable("KB", b.State.ApiKey);
                rs.SessionStateProxy.SetVariable("UB", b.BaseUrl.ToString());
                rs.SessionStateProxy.SetVariable("Dir", dir);
                rs.SessionStateProxy.SetVariable("UC", cold.BaseUrl.ToString());
                Invoke(rs, "$a = Connect-Polytomic -ApiKey $KA -BaseUrl $UA; $b = Connect-Polytomic -ApiKey $KB -BaseUrl $UB; $c = Connect-Polytomic -ApiKey $KB -BaseUrl $UC");

                // The first export and import of a session also pay for loading and compiling the code (cold); the
                // figures below are the next ones (warm).
                figures["export_cold_s"] = Timed(a, () => Invoke(rs, "Export-PolytomicWorkspace -Session $a -Path $Dir")).Seconds;
                figures["import_cold_s"] = Timed(cold, () => Invoke(rs,
                    "$null = Import-PolytomicWorkspace -Session $c -Path $Dir -Secret @{ 'Bench WH.password' = 'p' } -WarningAction SilentlyContinue")).Seconds;

                Directory.Delete(dir, true);
                var (exportSeconds, exportLog) = Timed(a, () => Invoke(rs, "Export-PolytomicWorkspace -Session $a -Path $Dir"));
                figures["export_s"] = exportSeconds;
                figures["export_requests"] = exportLog.Count;
                figures["export_raw_s"] = await Replay(a, exportLog);

                const string import = "$null = Import-PolytomicWorkspace -Session $b -Path $Dir -Secret @{ 'Bench WH.password' = 'p' } -WarningAction SilentlyContinue";
                var (importSeconds, importLog) = Timed(b, () => Invoke(rs, import));
                figures["import_s"] = importSeconds;
                figures["import_requests"] = importLog.Count;
                figures["import_writes"] = importLog.Count(r => r.Method != "GET");
                var (againSeconds, againLog) = Timed(b, () => Invoke(rs, import));
                figures["reimport_s"] = againSeconds;
                figures["reimport_requests"] = againLog.Count;
                figures["reimport_writes"] = againLog.Count(r => r.Method != "GET");
                // The floor of the import: its requests replayed on B as they were sent (the creates then make copies,
                // which costs the server what the first time did).
                figures["import_raw_s"] = await Replay(b, importLog);
                return figures;
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        /// <summary>Two connections, the models over one, five syncs per model into the other: made with the plain client.</summary>
        private static async Task Build(SandboxServer s, int models, int syncs)
        {
            using var client = new PolytomicClient(new PolytomicClientOptions { ApiKey = SecureStrings.FromPlain(s.State.ApiKey), BaseUrl = s.BaseUrl, MaxRetries = 3 });
            var wh = await client.CreateConnectionAsync(new ConnectionRequest
            {
                Name = "Bench WH", Type = "snowflake",
                Configuration = new Dictionary<string, object?> { ["account"] = "a", ["username"] = "u", ["password"] = "p", ["dbname"] = "d" },
            });
            var crm = await client.CreateConnectionAsync(new ConnectionRequest
            {
                Name = "Bench CRM", Type = "salesforce", Configuration = new Dictionary<string, object?> { ["domain"] = "https://example.my.salesforce.com" },
            });
            var ids = new List<string>();
            for (int i = 0; i < models; i++)
                ids.Add((await client.RetryWhileSchemasCacheAsync(ct => client.CreateModelAsync(new ModelRequest
                {
                    Name = $"Bench model {i:000}", ConnectionId = wh.Id,
                    Configuration = new Dictionary<string, object?> { ["query"] = "SELECT email, first_name FROM users" },
                }, ct), TimeSpan.FromMinutes(1))).Id);
            for (int i = 0; i < syncs; i++)
            {
                var model = ids[i % ids.Count];
                await client.CreateSyncAsync(new SyncRequest
                {
                    Name = $"Bench sync {i:0000}", Mode = "create",
                    Identity = new SyncIdentity { Source = new SyncSource { Field = "email", ModelId = model }, Target = "Email", Function = "Equality" },
                    Fields = new List<SyncField> { new SyncField { Source = new SyncSource { Field = "first_name", ModelId = model }, Target = "FirstName" } },
                    Schedule = new SyncSchedule { Frequency = "manual" },
                    Target = new SyncTarget { ConnectionId = crm.Id, Object = "Contact" },
                });
            }
        }

        private static void Invoke(System.Management.Automation.Runspaces.Runspace rs, string script)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = rs;
            ps.AddScript(script);
            ps.Invoke();
            if (ps.HadErrors) throw new InvalidOperationException("bench: " + string.Join(" | ", ps.Streams.Error.Take(3)));
        }

        private static (double Seconds, List<RecordedRequest> Log) Timed(SandboxServer s, Action run)
        {
            var before = s.State.Requests.Count;
            var clock = Stopwatch.StartNew();
            run();
            clock.Stop();
            return (clock.Elapsed.TotalSeconds, s.State.Requests.Skip(before).ToList());
        }

        /// <summary>The same requests, one after the other, with a reused HttpClient (the floor).</summary>
        private static async Task<double> Replay(SandboxServer s, List<RecordedRequest> log)
        {
            using var http = Program.RawClient(s.BaseUrl, s.State.ApiKey);
            var clock = Stopwatch.StartNew();
            foreach (var r in log)
            {
                using var request = new HttpRequestMessage(new HttpMethod(r.Method), r.Path + r.Query);
                if (r.Body.Length > 0) request.Content = new StringContent(r.Body, Encoding.UTF8, "application/json");
                if (r.Method == "POST") request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await http.SendAsync(request);
                _ = await response.Content.ReadAsByteArrayAsync();
            }
            return clock.Elapsed.TotalSeconds;
        }

        private static void Render(Report report, Figures f, bool quick)
        {
            var (models, syncs) = Size(quick);
            report.Add("Workspace export and import",
                $"A workspace of 2 connections, {models} models and {syncs} model syncs in one sandbox (organization A) is exported with " +
                "`Export-PolytomicWorkspace` and imported with `Import-PolytomicWorkspace` into an empty second sandbox (organization B), " +
                "then imported again. Each is timed (after a first, cold export and import into a third sandbox, shown apart) in one runspace and compared with the very requests it made (from the sandbox's request log), " +
                "replayed one after the other with a reused HttpClient: the floor of those requests back to back. Export reads single syncs " +
                $"and bulk schemas {Polytomic.Workspace.WorkspaceReader.Parallelism} at a time, so it can beat a sequential floor; import writes one object after another, " +
                $"in dependency order. Median over {f.Count} fresh process(es).",
                new[]
                {
                    ("objects", f["objects"].ToString("0")),
                    ("export: requests per object", (f["export_requests"] / f["objects"]).ToString("0.00")),
                    ("export: time (s) / raw floor (s)", $"{f["export_s"]:0.00} / {f["export_raw_s"]:0.00}"),
                    ("export: ratio to the floor", $"{f["export_s"] / f["export_raw_s"]:0.00}×"),
                    ("export: first in the session (cold), time (s)", f["export_cold_s"].ToString("0.00")),
                    ("import: requests per object (writes)", $"{f["import_requests"] / f["objects"]:0.00} ({f["import_writes"]:0} writes)"),
                    ("import: time (s) / raw floor (s)", $"{f["import_s"]:0.00} / {f["import_raw_s"]:0.00}"),
                    ("import: ratio to the floor", $"{f["import_s"] / f["import_raw_s"]:0.00}×"),
                    ("import: first in the session (cold, into a third empty sandbox), time (s)", f["import_cold_s"].ToString("0.00")),
                    ("second import: time (s), requests, writes", $"{f["reimport_s"]:0.00}, {f["reimport_requests"]:0}, {f["reimport_writes"]:0}"),
                });
        }
    }
}
