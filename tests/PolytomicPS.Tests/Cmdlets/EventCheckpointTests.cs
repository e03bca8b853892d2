using System.IO;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Polytomic.Models;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Receive-PolytomicEvent's checkpoint: across runs every retained event is emitted once, oldest first,
    /// whatever stops a run; events sharing the checkpoint's millisecond are neither lost nor repeated; an old
    /// checkpoint warns; -Follow ends on time.</summary>
    public sealed class EventCheckpointTests : StateFileTests
    {
        public EventCheckpointTests(SandboxFixture sandbox) : base(sandbox, "h8-events-", 400) { }

        /// <summary>A sync with count finished runs a minute apart (two events each; every tenth run failed).</summary>
        private PolytomicSync SeededSync(int count, string version = "2024-02-08")
        {
            var r = Ps.Run(ModelSyncSetup.Setup + $@"
                $model | New-PolytomicSync -Name '{ModelSyncSetup.Unique("ev")}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} -Frequency manual",
                sandbox, version);
            r.AssertSuccess();
            var sync = r.Single<PolytomicSync>();
            sandbox.State.SeedSyncExecutions(sync.Id, count, TimeSpan.FromMinutes(1));
            return sync;
        }

        private static List<string> Ids(PsResult r) => r.All<PolytomicEvent>().Select(e => e.Id).ToList();

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void Across_runs_each_event_is_emitted_once_oldest_first_whatever_stops_a_run(string version)
        {
            var sync = SeededSync(15, version);
            var file = Path.Combine(folder, "all-" + version + ".json");
            var all = Ps.Run("Get-PolytomicEvent", sandbox, version);
            all.AssertSuccess();
            var expected = all.All<PolytomicEvent>().OrderBy(e => e.CreatedAt).Select(e => e.Id).ToList();
            Assert.True(expected.Count >= 30);

            // Stopped twice by an error downstream in the middle of a batch, then read to the end (Select-Object -First,
            // which stops the pipeline instead, is in tests/pester/EventsReceive.Tests.ps1).
            var first = Ps.Run($"$n = 0; $got = [System.Collections.Generic.List[object]]::new(); try {{ Receive-PolytomicEvent -CheckpointPath '{file}' -PageSize 7 | ForEach-Object {{ if (++$n -eq 11) {{ throw 'downstream failed' }}; $got.Add($_) }} }} catch {{ }}; $got", sandbox, version);
            Assert.Equal(10, first.All<PolytomicEvent>().Count);
            var second = Ps.Run($"$n = 0; $got = [System.Collections.Generic.List[object]]::new(); try {{ Receive-PolytomicEvent -CheckpointPath '{file}' -PageSize 7 | ForEach-Object {{ if (++$n -eq 4) {{ throw 'downstream failed' }}; $got.Add($_) }} }} catch {{ }}; $got", sandbox, version);
            Assert.Equal(3, second.All<PolytomicEvent>().Count);
            var third = Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{file}' -PageSize 7", sandbox, version);
            third.AssertSuccess();
            var got = Ids(first).Concat(Ids(second)).Concat(Ids(third)).ToList();
            Assert.Equal(expected, got.Take(expected.Count).ToList());
            Assert.Equal(got.Count, got.Distinct().Count());

            // Nothing new: nothing emitted. A new run: only its events.
            Assert.Empty(Ids(Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{file}'", sandbox, version)));
            var run = Ps.Run($"(Start-PolytomicSync -Id '{sync.Id}' -Wait -TimeoutSeconds 30).Id", sandbox, version).Output.Single().BaseObject.ToString();
            var fresh = Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{file}'", sandbox, version).All<PolytomicEvent>();
            Assert.Equal(new[] { "sync.running", "sync.completed" }, fresh.Where(e => e.ExecutionId == run).Select(e => e.Type));
            Assert.Empty(Directory.GetFiles(folder, "*.tmp-*"));
        }

        [Fact]
        public void Events_sharing_the_checkpoint_millisecond_are_neither_lost_nor_repeated()
        {
            SeededSync(3);
            var events = Ps.Run("Get-PolytomicEvent", sandbox).All<PolytomicEvent>().OrderBy(e => e.CreatedAt).ToList();
            var middle = events[events.Count / 2];
            var at = middle.CreatedAt!.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
            var open = Path.Combine(folder, "open.json");
            File.WriteAllText(open, Checkpoint(at, Array.Empty<string>(), Array.Empty<string>(), null));
            var r = Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{open}'", sandbox);
            Assert.Equal(middle.Id, r.All<PolytomicEvent>().First().Id);
            var done = Path.Combine(folder, "done.json");
            File.WriteAllText(done, Checkpoint(at, new[] { middle.Id }, Array.Empty<string>(), null));
            r = Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{done}'", sandbox);
            Assert.DoesNotContain(middle.Id, Ids(r));
            Assert.Equal(events.SkipWhile(e => e.Id != middle.Id).Skip(1).Select(e => e.Id).Take(3), Ids(r).Take(3));
        }

        [Fact]
        public void A_checkpoint_older_than_the_retention_warns_and_types_are_kept_apart()
        {
            SeededSync(20);
            var old = Path.Combine(folder, "old.json");
            var stamp = DateTimeOffset.UtcNow.AddHours(-50).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
            File.WriteAllText(old, Checkpoint(stamp, Array.Empty<string>(), new[] { "sync.failed" }, stamp));
            var r = Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{old}' -Type sync.failed", sandbox);
            r.AssertSuccess();
            Assert.Contains(r.Warnings, w => w.Message.Contains("48 hours"));
            Assert.NotEmpty(r.All<PolytomicEvent>());
            Assert.All(r.All<PolytomicEvent>(), e => Assert.Equal("sync.failed", e.Type));
            // Read again: no warning any more (the read completed), nothing new.
            r = Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{old}' -Type sync.failed", sandbox);
            Assert.Empty(r.Warnings);
            Assert.Empty(r.All<PolytomicEvent>());

            ModelSyncSetup.AssertError(Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{old}' -Type sync.completed", sandbox), "CheckpointTypeMismatch", ErrorCategory.InvalidArgument);
            var foreign = Path.Combine(folder, "foreign.json");
            File.WriteAllText(foreign, "not json");
            ModelSyncSetup.AssertError(Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{foreign}'", sandbox), "InvalidCheckpoint", ErrorCategory.InvalidArgument);
            Assert.Equal("not json", File.ReadAllText(foreign));
        }

        [Fact]
        public void Follow_emits_events_as_they_come_and_ends_at_the_time_limit()
        {
            var sync = SeededSync(1);
            var file = Path.Combine(folder, "follow.json");
            Ps.Run($"$null = Receive-PolytomicEvent -CheckpointPath '{file}'", sandbox).AssertSuccess();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var r = Ps.Run($@"
                $run = Start-PolytomicSync -Id '{sync.Id}'
                Receive-PolytomicEvent -CheckpointPath '{file}' -Follow -TimeoutSeconds 4 -PollIntervalSeconds 0.2
                $run.Id", sandbox);
            clock.Stop();
            r.AssertSuccess();
            var run = r.Output.Last().BaseObject.ToString();
            Assert.Equal(new[] { "sync.running", "sync.completed" }, r.All<PolytomicEvent>().Where(e => e.ExecutionId == run).Select(e => e.Type));
            Assert.InRange(clock.Elapsed.TotalSeconds, 3.5, 30);
            Assert.DoesNotContain(Ids(Ps.Run($"Receive-PolytomicEvent -CheckpointPath '{file}'", sandbox)), id => r.All<PolytomicEvent>().Any(e => e.Id == id));
        }

        private static string Checkpoint(string after, string[] ids, string[] types, string? readAt) => new JsonObject
        {
            ["version"] = 1, ["after"] = after,
            ["idsAtAfter"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()),
            ["types"] = new JsonArray(types.Select(t => (JsonNode)t).ToArray()),
            ["readAt"] = readAt,
        }.ToJsonString();
    }
}
