using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json.Nodes;
using Polytomic.Models;
using PolytomicPS.Host;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>One rule for names (NameClaim): models, syncs and bulk syncs refuse a taken name as connections do, a
    /// rename into a taken name is refused for all four kinds, and creates from parallel runspaces leave one object per
    /// name, with no copy of a sync ever active.</summary>
    public sealed class NameRuleTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public NameRuleTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        // The harness passes -Force to the New- cmdlets by default; these tests need the rule on.
        private const string NoForce = "'Connection','Model','Sync','BulkSync' | ForEach-Object { $PSDefaultParameterValues.Remove(\"New-Polytomic$($_):Force\") }\n";

        private const string Setup = @"
$sf = New-PolytomicConnection -Name ('sf-' + [guid]::NewGuid()) -Type snowflake -Configuration @{ account='a'; username='u'; password='p'; dbname='d' } |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
$crm = New-PolytomicConnection -Name ('crm-' + [guid]::NewGuid()) -Type salesforce -Configuration @{ domain = 'https://x.my.salesforce.com' } -WarningAction SilentlyContinue |
    Wait-PolytomicConnection -PollIntervalSeconds 0.05
";

        private static string Create(string kind, string name) => kind switch
        {
            "model" => $"$sf | New-PolytomicModel -Name '{name}' -Table PUBLIC.users",
            "sync" => $"$m | New-PolytomicSync -Name '{name}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency continuous",
            _ => $"New-PolytomicBulkSync -Name '{name}' -Source $crm -Destination $sf -Mode replicate -Schema Account -DestinationConfiguration @{{ schema = 'CRM' }} -Active",
        };

        private int Posts(string kind) => sandbox.State.RequestsTo("POST", Route(kind)).Count(x => x.Path == Route(kind));

        private static string Store(string kind) => kind switch { "model" => "models", "sync" => "syncs", _ => "bulk_syncs" };

        private static string ErrorId(string kind) => kind switch { "model" => "ModelNameExists", "sync" => "SyncNameExists", _ => "BulkSyncNameExists" };

        private static string Route(string kind) => kind switch { "model" => "/api/models", "sync" => "/api/syncs", _ => "/api/bulk/syncs" };

        [Theory]
        [InlineData("model", "2024-02-08")]
        [InlineData("model", "2025-09-18")]
        [InlineData("sync", "2024-02-08")]
        [InlineData("sync", "2025-09-18")]
        [InlineData("bulk", "2024-02-08")]
        [InlineData("bulk", "2025-09-18")]
        public void A_second_object_with_a_taken_name_is_refused_unless_forced(string kind, string version)
        {
            var name = ModelSyncSetup.Unique("taken-" + kind);
            var script = NoForce + Setup + "$m = $sf | New-PolytomicModel -Name ('m-' + [guid]::NewGuid()) -Table PUBLIC.users\n" + Create(kind, name) + "\n";
            var posts = Posts(kind);
            var r = Ps.Run(script + Create(kind, name) + "\n" + Create(kind, name) + " -Force", sandbox, version);
            var error = r.SingleError();
            Assert.Equal(ErrorId(kind), error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
            var stored = sandbox.State.Store(Store(kind)).All().Where(x => (string?)x["name"] == name).ToList();
            // The refused create sent nothing: two POSTs (the first create and the forced one), two objects.
            Assert.Equal(2, stored.Count);
            Assert.Equal(2 + (kind == "model" ? 1 : 0), Posts(kind) - posts);
            var first = stored.OrderBy(x => (string?)x["created_at"]).First();
            Assert.Equal((string?)first["id"], error.TargetObject switch
            {
                PolytomicModel m => m.Id, PolytomicSync s => s.Id, PolytomicBulkSync b => b.Id, var o => o?.ToString(),
            });
            if (kind != "model") Assert.True((bool?)first["active"] == true, "the copy that keeps the name is activated");
        }

        [Theory]
        [InlineData("connection", "2024-02-08")]
        [InlineData("connection", "2025-09-18")]
        [InlineData("model", "2024-02-08")]
        [InlineData("model", "2025-09-18")]
        [InlineData("sync", "2024-02-08")]
        [InlineData("sync", "2025-09-18")]
        [InlineData("bulk", "2024-02-08")]
        [InlineData("bulk", "2025-09-18")]
        public void A_rename_into_a_taken_name_is_refused_unless_forced(string kind, string version)
        {
            var a = ModelSyncSetup.Unique("rename-a");
            var b = ModelSyncSetup.Unique("rename-b");
            string make(string n) => kind == "connection"
                ? $"New-PolytomicConnection -Name '{n}' -Type stripe -Configuration @{{ api_key = 'sk_rename' }}"
                : Create(kind, n);
            var noun = kind switch { "connection" => "Connection", "model" => "Model", "sync" => "Sync", _ => "BulkSync" };
            var script = NoForce + Setup + "$m = $sf | New-PolytomicModel -Name ('m-' + [guid]::NewGuid()) -Table PUBLIC.users\n"
                + $"$a = {make(a)}\n$b = {make(b)}\n"
                + $"$b | Set-Polytomic{noun} -NewName '{a}'\n"
                + $"$b | Set-Polytomic{noun} -NewName '{b} 2' -PassThru\n"
                + $"$b | Set-Polytomic{noun} -NewName '{a}' -Force -PassThru\n";
            var store = kind == "connection" ? "" : Store(kind);
            var r = Ps.Run(script, sandbox, version, secrets: new[] { "sk_rename" });
            var error = r.SingleError();
            Assert.Equal((kind == "connection" ? "Connection" : noun) + "NameExists", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Contains("nothing was changed", error.Exception.Message);
            // Renaming to a free name works, and -Force gives two objects the same name.
            Assert.True(r.Output.Count == 2, r.AllText());
            var all = kind == "connection" ? sandbox.State.Connections.All() : sandbox.State.Store(store).All();
            Assert.Equal(2, all.Count(x => (string?)x["name"] == a));
        }

        /// <summary>Finding 3: 8 runspaces of one process create 200 connections over 50 names at once, each with a
        /// session of its own (as separate jobs would). Without the rule, most names were made several times.</summary>
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Parallel_runspaces_creating_the_same_names_leave_one_connection_per_name(string version)
        {
            var prefix = ModelSyncSetup.Unique("par") + "-";
            var results = InParallel(8, version, prefix, @"param($BaseUrl, $ApiKey, $ApiVersion, $p, $w)
                $null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion
                for ($i = $w; $i -lt 200; $i += 8) {
                    New-PolytomicConnection -Name ""$p$($i % 50)"" -Type stripe -Configuration @{ api_key = 'sk_par' } -ErrorAction Continue
                }");
            var stored = sandbox.State.Connections.All().Where(c => ((string?)c["name"])!.StartsWith(prefix)).ToList();
            Assert.Equal(50, stored.Count);
            Assert.Equal(50, stored.Select(c => (string?)c["name"]).Distinct().Count());
            // Every name was answered once with the object that kept it; every other create was ConnectionNameExists.
            var outputs = results.SelectMany(x => x.Output).Select(o => (PolytomicConnection)o.BaseObject).ToList();
            Assert.Equal(stored.Select(c => (string)c["id"]!).OrderBy(x => x), outputs.Select(c => c.Id).OrderBy(x => x));
            var errors = results.SelectMany(x => x.Errors).ToList();
            Assert.Equal(150, errors.Count);
            Assert.All(errors, e => Assert.StartsWith("ConnectionNameExists,", e.FullyQualifiedErrorId));
        }

        /// <summary>The same for syncs, where a copy must never run: every sync is created paused, only the one that
        /// keeps its name is activated, and no deleted copy was ever active.</summary>
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Parallel_runspaces_creating_the_same_sync_names_activate_one_sync_per_name(string version)
        {
            var setup = Ps.Run(Setup + "$sf | New-PolytomicModel -Name ('m-' + [guid]::NewGuid()) -Table PUBLIC.users\n$crm", sandbox, version);
            setup.AssertSuccess();
            var (model, crm) = (setup.Output[0].BaseObject, setup.Output[1].BaseObject);
            var prefix = ModelSyncSetup.Unique("psync") + "-";
            var mark = sandbox.State.Requests.Count;
            var results = InParallel(6, version, prefix, @"param($BaseUrl, $ApiKey, $ApiVersion, $p, $w, $model, $crm)
                $null = Connect-Polytomic -ApiKey $ApiKey -BaseUrl $BaseUrl -ApiVersion $ApiVersion
                for ($i = $w; $i -lt 60; $i += 6) {
                    $model | New-PolytomicSync -Name ""$p$($i % 12)"" -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } `
                        -Field @{ first_name = 'FirstName' } -Frequency continuous -ErrorAction Continue
                }", model, crm);
            var log = sandbox.State.Requests.ToArray().Skip(mark).ToList();
            var stored = sandbox.State.Store("syncs").All().Where(x => ((string?)x["name"])!.StartsWith(prefix)).ToList();
            Assert.Equal(12, stored.Count);
            Assert.Equal(12, stored.Select(x => (string?)x["name"]).Distinct().Count());
            Assert.All(stored, x => Assert.True((bool?)x["active"] == true, "the sync that keeps the name is active"));
            // Every copy was created paused and deleted again without ever being activated.
            var posts = log.Where(x => x.Method == "POST" && x.Path == "/api/syncs").ToList();
            Assert.InRange(posts.Count, 12, 60);
            Assert.All(posts, x => Assert.True((bool?)x.Json!["active"] == false, "created paused"));
            var deleted = log.Where(x => x.Method == "DELETE" && x.Path.StartsWith("/api/syncs/")).Select(x => x.Path.Split('/')[3]).ToHashSet();
            Assert.Equal(posts.Count - 12, deleted.Count);
            var activated = log.Where(x => x.Method == "POST" && x.Path.StartsWith("/api/syncs/") && x.Path.EndsWith("/activate")).Select(x => x.Path.Split('/')[3]).ToList();
            Assert.Equal(stored.Select(x => (string)x["id"]!).OrderBy(x => x), activated.OrderBy(x => x));
            Assert.DoesNotContain(activated, deleted.Contains);
            Assert.All(results.SelectMany(x => x.Errors), e => Assert.StartsWith("SyncNameExists,", e.FullyQualifiedErrorId));
            Assert.Equal(12, results.SelectMany(x => x.Output).Count());
            Assert.Equal(48, results.SelectMany(x => x.Errors).Count());
        }

        /// <summary>Finding 10: the name check is not a list per create on top of the create's own check. A session
        /// that creates N connections one after the other lists connections N + 1 times (one list settles each
        /// create and serves as the next create's name index), not 2N.</summary>
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Sequential_creates_in_one_session_list_once_per_create(string version)
        {
            var prefix = ModelSyncSetup.Unique("seq") + "-";
            var before = sandbox.State.RequestsTo("GET", "/api/connections").Count(x => x.Path == "/api/connections");
            var r = Ps.Run(NoForce + $"0..39 | ForEach-Object {{ New-PolytomicConnection -Name \"{prefix}$_\" -Type stripe -Configuration @{{ api_key = 'sk_seq' }} }}", sandbox, version, secrets: new[] { "sk_seq" });
            r.AssertSuccess();
            Assert.Equal(40, r.Output.Count);
            var lists = sandbox.State.RequestsTo("GET", "/api/connections").Count(x => x.Path == "/api/connections") - before;
            Assert.Equal(41, lists);
        }

        /// <summary>Runspaces that share one session share their name checks: a create waits for a list that starts after
        /// it, and one list settles every create waiting for it, so 160 creates from 8 runspaces list far fewer than 160 times.</summary>
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Runspaces_sharing_a_session_share_their_name_checks(string version)
        {
            var prefix = ModelSyncSetup.Unique("shared") + "-";
            var session = Ps.Run("Get-PolytomicSession", sandbox, version).Output.Single().BaseObject;
            var before = sandbox.State.RequestsTo("GET", "/api/connections").Count(x => x.Path == "/api/connections");
            var results = InParallel(8, version, prefix, @"param($BaseUrl, $ApiKey, $ApiVersion, $p, $w, $s)
                for ($i = $w; $i -lt 160; $i += 8) { New-PolytomicConnection -Session $s -Name ""$p$i"" -Type stripe -Configuration @{ api_key = 'sk_shared' } }", session);
            Assert.Empty(results.SelectMany(x => x.Errors));
            Assert.Equal(160, results.SelectMany(x => x.Output).Count());
            var lists = sandbox.State.RequestsTo("GET", "/api/connections").Count(x => x.Path == "/api/connections") - before;
            // Unshared, every create lists once (160 and more); how many are shared depends on how the runspaces overlap
            // (about 50 on a quiet machine), so the bound is the unshared count, not a timing.
            Assert.True(lists < 160, $"{lists} lists for 160 creates");
        }

        /// <summary>When the check after a create fails, the object stays (a sync stays paused, so a copy never runs) and
        /// the user is told which object was created and how to look, besides the API error.</summary>
        [Fact]
        public void A_failed_check_after_a_create_leaves_the_sync_paused_and_says_which_one_was_created()
        {
            using var runspace = ScriptRunner.OpenRunspace(null, ScriptRunner.FindModuleManifest());
            var name = ModelSyncSetup.Unique("unsettled");
            // The first run warms the session's sync name index, so the second run's only list is the check after its create.
            Ps.RunIn(runspace, NoForce + Setup + "$m = $sf | New-PolytomicModel -Name ('m-' + [guid]::NewGuid()) -Table PUBLIC.users\n"
                + Create("sync", name + "-first"), sandbox).AssertSuccess();
            sandbox.State.Faults.FailNext(500, count: 10, method: "GET", pathPrefix: "/api/syncs");
            var r = Ps.RunIn(runspace, NoForce + Create("sync", name), sandbox, connect: false);
            sandbox.State.Faults.Clear();
            var error = r.SingleError();
            Assert.StartsWith("PolytomicApi.ServerError,", error.FullyQualifiedErrorId);
            var stored = Assert.Single(sandbox.State.Store("syncs").All(), x => (string?)x["name"] == name);
            Assert.True((bool?)stored["active"] == false, "a sync whose name could not be checked stays paused");
            var warning = Assert.Single(r.Warnings).Message;
            Assert.Contains((string)stored["id"]!, warning);
            Assert.Contains("stays inactive", warning);
        }

        /// <summary>A rerun with the same -IdempotencyKey (the advice after OutcomeUnknown) gets the first answer back,
        /// not NameExists: the name is then settled after the create, where the replayed object is the one that keeps it.</summary>
        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_rerun_with_the_same_idempotency_key_returns_the_first_object_instead_of_a_name_error(string version)
        {
            var name = ModelSyncSetup.Unique("replay");
            var key = Guid.NewGuid().ToString();
            var create = $"New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk_replay' }} -IdempotencyKey {key}\n";
            var r = Ps.Run(NoForce + create + create, sandbox, version, secrets: new[] { "sk_replay" });
            r.AssertSuccess();
            var both = r.All<PolytomicConnection>();
            Assert.Equal(2, both.Count);
            Assert.Equal(both[0].Id, both[1].Id);
            Assert.Single(sandbox.State.Connections.All(), c => (string?)c["name"] == name);
        }

        private sealed record Run(List<PSObject> Output, List<ErrorRecord> Errors);

        private List<Run> InParallel(int workers, string version, string prefix, string script, params object[] extra)
        {
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { ScriptRunner.FindModuleManifest() });
            using var pool = RunspaceFactory.CreateRunspacePool(iss);
            pool.SetMinRunspaces(workers);
            pool.SetMaxRunspaces(workers);
            pool.Open();
            var runs = Enumerable.Range(0, workers).Select(w =>
            {
                var ps = PowerShell.Create();
                ps.RunspacePool = pool;
                ps.AddScript(script).AddArgument(sandbox.Server.BaseUrl.ToString()).AddArgument(SandboxFixture.ApiKey).AddArgument(version)
                    .AddArgument(prefix).AddArgument(w);
                foreach (var e in extra) ps.AddArgument(e);
                return (ps, handle: ps.BeginInvoke());
            }).ToList();
            var results = new List<Run>();
            foreach (var (ps, handle) in runs)
            {
                var output = ps.EndInvoke(handle).Where(o => o != null).ToList();
                results.Add(new Run(output, ps.Streams.Error.ToList()));
                ps.Dispose();
            }
            return results;
        }
    }
}
