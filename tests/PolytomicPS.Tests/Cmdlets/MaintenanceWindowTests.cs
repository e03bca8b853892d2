using System.IO;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Suspend-PolytomicSync and Resume-PolytomicSync: exactly the active set goes off and comes back, and a
    /// run restarted midway (simulated by a state file left in an intermediate state) finishes the job and never flips
    /// a sync that was off before.</summary>
    public sealed class MaintenanceWindowTests : StateFileTests
    {
        public MaintenanceWindowTests(SandboxFixture sandbox) : base(sandbox, "h8-window-", 500) { }

        /// <summary>In an organization's default set-up: $p-on1 and $p-on2 (active model syncs), $p-off (paused), $p-bulk (active bulk sync).</summary>
        private (string Prefix, Dictionary<string, string> Ids) World(string version)
        {
            var p = ModelSyncSetup.Unique("mw");
            var r = Ps.Run(ModelSyncSetup.Setup + $@"
                $common = @{{ Target = $crm; Object = 'Contact'; Mode = 'create'; Identity = @{{ email = 'Email' }}; Field = @{{ first_name = 'FirstName' }}; Frequency = 'manual' }}
                $model | New-PolytomicSync -Name '{p}-on1' @common
                $model | New-PolytomicSync -Name '{p}-on2' @common
                $model | New-PolytomicSync -Name '{p}-off' @common -Active:$false
                New-PolytomicBulkSync -Name '{p}-bulk' -Source $crm -Destination $sf -Mode replicate -DestinationConfiguration @{{ schema = 'RAW' }} -Schema Account -Active",
                sandbox, version);
            r.AssertSuccess();
            var ids = r.Output.Select(o => o.BaseObject).Select(o => o switch
            {
                Polytomic.Models.PolytomicSync s => (s.Name!, s.Id),
                Polytomic.Models.PolytomicBulkSync b => (b.Name!, b.Id),
                _ => throw new InvalidOperationException(o.ToString()),
            }).ToDictionary(x => x.Item1.Substring(p.Length + 1), x => x.Item2);
            return (p, ids);
        }

        private bool Active(string id) =>
            (bool?)(sandbox.State.Store("syncs").GetInAnyOrganization(id)?.Item ?? sandbox.State.Store("bulk_syncs").GetInAnyOrganization(id)?.Item)?["active"] == true;

        private int Activations() => sandbox.State.Requests.Count(x => x.Method == "POST" && x.Path.EndsWith("/activate", StringComparison.Ordinal));

        private string Phase(string file) => (string)JsonNode.Parse(File.ReadAllText(file))!["phase"]!;

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Suspend_then_resume_brings_back_exactly_the_active_set(string version)
        {
            var (p, ids) = World(version);
            var file = Path.Combine(folder, "window.json");
            var r = Ps.Run($"Suspend-PolytomicSync -Name '{p}-*' -StateFile '{file}'", sandbox, version);
            r.AssertSuccess();
            var recorded = r.All<PolytomicSuspendedSync>();
            Assert.Equal(new[] { "BulkSync " + p + "-bulk", "Sync " + p + "-on1", "Sync " + p + "-on2" }, recorded.Select(x => x.ToString()).OrderBy(x => x));
            Assert.All(recorded, x => Assert.True(x.Suspended));
            Assert.False(Active(ids["on1"])); Assert.False(Active(ids["on2"])); Assert.False(Active(ids["bulk"])); Assert.False(Active(ids["off"]));
            Assert.Equal("suspended", Phase(file));

            r = Ps.Run($"Resume-PolytomicSync -StateFile '{file}'", sandbox, version);
            r.AssertSuccess();
            Assert.All(r.All<PolytomicSuspendedSync>(), x => Assert.True(x.Resumed));
            Assert.True(Active(ids["on1"])); Assert.True(Active(ids["on2"])); Assert.True(Active(ids["bulk"]));
            Assert.False(Active(ids["off"]));
            Assert.Equal("resumed", Phase(file));

            // Run again: a finished window changes nothing; a suspend on it is refused.
            var before = Activations();
            Ps.Run($"Resume-PolytomicSync -StateFile '{file}'", sandbox, version).AssertSuccess();
            Assert.Equal(before, Activations());
            ModelSyncSetup.AssertError(Ps.Run($"Suspend-PolytomicSync -All -StateFile '{file}'", sandbox, version), "StateFileInUse", ErrorCategory.InvalidArgument);
            Assert.Equal(before, Activations());
            Assert.Empty(Directory.GetFiles(folder, "*.tmp-*"));
        }

        [Fact]
        public void A_suspend_restarted_midway_finishes_from_the_file_and_never_records_what_it_turned_off()
        {
            var (p, ids) = World("2024-02-08");
            // Killed after deactivating on1 but before recording it, and before touching on2 or the bulk sync.
            Ps.Run($"Disable-PolytomicSync -Id '{ids["on1"]}'", sandbox).AssertSuccess();
            var file = Path.Combine(folder, "midway.json");
            File.WriteAllText(file, State("suspending", p, ids, ("on1", "Sync", false, false), ("on2", "Sync", false, false), ("bulk", "BulkSync", false, false)));
            // Meanwhile someone turned on the paused sync: it is not in the window, so it is left alone.
            Ps.Run($"Enable-PolytomicSync -Id '{ids["off"]}'", sandbox).AssertSuccess();

            var r = Ps.Run($"Suspend-PolytomicSync -Name '{p}-*' -StateFile '{file}'", sandbox);
            r.AssertSuccess();
            Assert.Equal(3, r.All<PolytomicSuspendedSync>().Count(x => x.Suspended));
            Assert.False(Active(ids["on1"])); Assert.False(Active(ids["on2"])); Assert.False(Active(ids["bulk"]));
            Assert.True(Active(ids["off"]));
            Assert.Equal("suspended", Phase(file));
            Assert.Equal(3, JsonNode.Parse(File.ReadAllText(file))!["syncs"]!.AsArray().Count);

            Ps.Run($"Resume-PolytomicSync -StateFile '{file}'", sandbox).AssertSuccess();
            Assert.True(Active(ids["on1"])); Assert.True(Active(ids["on2"])); Assert.True(Active(ids["bulk"]));
        }

        [Fact]
        public void A_resume_restarted_midway_reactivates_only_what_is_left()
        {
            var (p, ids) = World("2025-09-18");
            var file = Path.Combine(folder, "resuming.json");
            Ps.Run($"Suspend-PolytomicSync -Name '{p}-*' -StateFile '{file}'", sandbox, "2025-09-18").AssertSuccess();
            // Killed after reactivating on1 and recording it; on2 and the bulk sync are still off.
            Ps.Run($"Enable-PolytomicSync -Id '{ids["on1"]}'", sandbox).AssertSuccess();
            File.WriteAllText(file, State("resuming", p, ids, ("on1", "Sync", true, true), ("on2", "Sync", true, false), ("bulk", "BulkSync", true, false)));
            // on1 is turned off again by hand after the resume reached it: the restarted resume must not touch it.
            Ps.Run($"Disable-PolytomicSync -Id '{ids["on1"]}'", sandbox).AssertSuccess();

            var before = sandbox.State.Requests.Count(x => x.Path.Contains(ids["on1"]) && x.Path.EndsWith("/activate", StringComparison.Ordinal));
            var r = Ps.Run($"Resume-PolytomicSync -StateFile '{file}'", sandbox, "2025-09-18");
            r.AssertSuccess();
            Assert.Equal(before, sandbox.State.Requests.Count(x => x.Path.Contains(ids["on1"]) && x.Path.EndsWith("/activate", StringComparison.Ordinal)));
            Assert.False(Active(ids["on1"]));
            Assert.True(Active(ids["on2"])); Assert.True(Active(ids["bulk"]));
            Assert.False(Active(ids["off"]));
            Assert.Equal("resumed", Phase(file));
        }

        [Fact]
        public void WhatIf_writes_nothing_and_bad_input_is_refused_before_any_change()
        {
            var (p, ids) = World("2024-02-08");
            var file = Path.Combine(folder, "whatif.json");
            var before = Activations();
            Ps.Run($"Suspend-PolytomicSync -Name '{p}-*' -StateFile '{file}' -WhatIf", sandbox).AssertSuccess();
            Assert.False(File.Exists(file));
            Assert.Equal(before, Activations());
            Assert.True(Active(ids["on1"]));

            // A window whose last write was missed (all deactivated, phase still suspending): -WhatIf leaves the file as it is.
            var midway = Path.Combine(folder, "whatif-midway.json");
            var text = State("suspending", p, ids, ("on1", "Sync", true, false));
            File.WriteAllText(midway, text);
            Ps.Run($"Suspend-PolytomicSync -All -StateFile '{midway}' -WhatIf", sandbox).AssertSuccess();
            Ps.Run($"Resume-PolytomicSync -StateFile '{midway}' -WhatIf", sandbox).AssertSuccess();
            Assert.Equal(text, File.ReadAllText(midway));
            Assert.Equal(before, Activations());

            ModelSyncSetup.AssertError(Ps.Run($"Suspend-PolytomicSync -All -StateFile '{file}' -Wait -CancelRunning", sandbox), "ConflictingParameters", ErrorCategory.InvalidArgument);
            ModelSyncSetup.AssertError(Ps.Run($"Resume-PolytomicSync -StateFile '{file}'", sandbox), "StateFileNotFound", ErrorCategory.InvalidArgument);
            File.WriteAllText(file, "{\"not\":\"a state file\"}");
            ModelSyncSetup.AssertError(Ps.Run($"Resume-PolytomicSync -StateFile '{file}'", sandbox), "InvalidStateFile", ErrorCategory.InvalidArgument);
            ModelSyncSetup.AssertError(Ps.Run($"Suspend-PolytomicSync -All -StateFile '{file}'", sandbox), "InvalidStateFile", ErrorCategory.InvalidArgument);
            Assert.Equal("{\"not\":\"a state file\"}", File.ReadAllText(file));
            ModelSyncSetup.AssertError(Ps.Run($"Suspend-PolytomicSync -Name 'abc[' -StateFile '{file}.2'", sandbox), "InvalidWildcardPattern", ErrorCategory.InvalidArgument);
            var link = Path.Combine(folder, "link.json");
            File.CreateSymbolicLink(link, file);
            ModelSyncSetup.AssertError(Ps.Run($"Resume-PolytomicSync -StateFile '{link}'", sandbox), "StateFileIsLink", ErrorCategory.InvalidArgument);
            Assert.Equal(before, Activations());
        }

        [Fact]
        public void Runs_in_flight_are_waited_for_or_canceled()
        {
            var (p, ids) = World("2025-09-18");
            sandbox.State.SyncRuns.RunsFor = TimeSpan.FromSeconds(30);
            var r = Ps.Run($@"
                $null = Start-PolytomicSync -Id '{ids["on1"]}'
                [System.Threading.Thread]::Sleep(300)
                Suspend-PolytomicSync -Name '{p}-on1' -StateFile '{Path.Combine(folder, "a.json")}' -Wait -TimeoutSeconds 2", sandbox, "2025-09-18");
            var timedOut = r.SingleError();
            Assert.StartsWith("SuspendWaitTimeout,", timedOut.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, timedOut.CategoryInfo.Category);
            Assert.True(r.Single<PolytomicSuspendedSync>().Running);
            Assert.False(Active(ids["on1"]));

            r = Ps.Run($"Suspend-PolytomicSync -Name '{p}-on1' -StateFile '{Path.Combine(folder, "a.json")}' -CancelRunning", sandbox, "2025-09-18");
            r.AssertSuccess();
            var canceled = r.Single<PolytomicSuspendedSync>();
            Assert.NotNull(canceled.CanceledExecutionId);
            Assert.Contains(sandbox.State.Requests, x => x.Method == "POST" && x.Path == $"/api/syncs/{ids["on1"]}/cancel");

            sandbox.State.SyncRuns.RunsFor = TimeSpan.FromMilliseconds(800);
            r = Ps.Run($@"
                $null = Start-PolytomicSync -Id '{ids["on2"]}'
                Suspend-PolytomicSync -Name '{p}-on2' -StateFile '{Path.Combine(folder, "b.json")}' -Wait -TimeoutSeconds 60
                (Get-PolytomicSyncStatus -Id '{ids["on2"]}').Status", sandbox, "2025-09-18");
            r.AssertSuccess();
            Assert.False(r.Single<PolytomicSuspendedSync>().Running);
            Assert.Equal("completed", r.Output.Last().BaseObject.ToString());
        }

        private static string State(string phase, string p, Dictionary<string, string> ids, params (string Key, string Kind, bool Suspended, bool Resumed)[] syncs) =>
            new JsonObject
            {
                ["version"] = 1, ["phase"] = phase, ["createdAt"] = DateTimeOffset.UtcNow.ToString("o"), ["organizationId"] = null,
                ["syncs"] = new JsonArray(syncs.Select(s => (JsonNode)new JsonObject
                {
                    ["kind"] = s.Kind, ["id"] = ids[s.Key], ["name"] = p + "-" + s.Key, ["suspended"] = s.Suspended, ["resumed"] = s.Resumed, ["missing"] = false,
                }).ToArray()),
            }.ToJsonString();
    }
}
