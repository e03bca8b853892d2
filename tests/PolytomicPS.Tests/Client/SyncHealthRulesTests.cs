using Polytomic.Models;

namespace PolytomicPS.Tests.Client
{
    /// <summary>The health rules of Get-PolytomicSyncHealth (SyncHealthRules): Failed, Stale, failures in a row, the
    /// last success, and the problems-first order. No I/O: the reader's fan-out is tested against the sandbox in Pester.</summary>
    public sealed class SyncHealthRulesTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset Cutoff = Now.AddHours(-24);

        private static HealthRun Run(string status, double hoursAgo) => new HealthRun(status, Now.AddHours(-hoursAgo), Now.AddHours(-hoursAgo).AddMinutes(5));

        private static PolytomicSyncHealth Health(bool active = true, bool scheduled = true, DateTimeOffset? created = null) => new PolytomicSyncHealth
        {
            Name = "s", Id = Guid.NewGuid().ToString(), Active = active, NextRunAt = scheduled ? Now.AddHours(1) : null,
            CreatedAt = created ?? Now.AddDays(-30),
        };

        [Fact]
        public void Failures_in_a_row_stop_at_the_last_success_and_skip_canceled_runs()
        {
            var h = Health();
            var complete = SyncHealthRules.ApplyHistory(h, new[] { Run("failed", 1), Run("canceled", 2), Run("interrupted", 3), Run("completed", 4), Run("failed", 5) });
            Assert.True(complete);
            Assert.Equal(2, h.ConsecutiveFailures);
            Assert.Equal("failed", h.Status);
            Assert.Equal(Now.AddHours(-1), h.LastRunAt);
            Assert.Equal(Now.AddHours(-4).AddMinutes(5), h.LastSuccessAt);
            Assert.Equal(SyncHealthRules.Failed, SyncHealthRules.Judge(h, Cutoff));
        }

        [Fact]
        public void A_history_of_only_failures_has_no_last_success_and_says_an_older_one_may_exist()
        {
            var h = Health();
            Assert.False(SyncHealthRules.ApplyHistory(h, new[] { Run("failed", 1), Run("errors", 2), Run("running", 0) }));
            Assert.Equal(2, h.ConsecutiveFailures);
            Assert.Null(h.LastSuccessAt);
        }

        [Fact]
        public void A_scheduled_active_sync_without_a_success_since_the_cutoff_is_stale()
        {
            var h = Health();
            SyncHealthRules.ApplyHistory(h, new[] { Run("canceled", 2), Run("completed", 30) });
            Assert.Equal(SyncHealthRules.Stale, SyncHealthRules.Judge(h, Cutoff));
            Assert.Null(SyncHealthRules.Judge(h, Now.AddHours(-48)));  // a longer -NotSucceededSince: fine
        }

        [Theory]
        [InlineData(false, true)]   // inactive: nobody expects it to run
        [InlineData(true, false)]   // manual: nothing scheduled
        public void Inactive_or_unscheduled_syncs_never_go_stale(bool active, bool scheduled)
        {
            var h = Health(active, scheduled);
            SyncHealthRules.ApplyHistory(h, new[] { Run("completed", 100) });
            Assert.Null(SyncHealthRules.Judge(h, Cutoff));
            Assert.True(SyncHealthRules.NotSucceededSince(h, Cutoff)); // the explicit filter still sees it
        }

        [Fact]
        public void A_new_sync_that_has_not_run_yet_is_not_stale_but_an_old_one_is()
        {
            Assert.Null(SyncHealthRules.Judge(Health(created: Now.AddHours(-1)), Cutoff));
            Assert.Equal(SyncHealthRules.Stale, SyncHealthRules.Judge(Health(created: Now.AddDays(-3)), Cutoff));
        }

        [Fact]
        public void A_failed_sync_is_Failed_even_when_inactive_and_a_completed_run_with_record_errors_is_not()
        {
            var off = Health(active: false);
            SyncHealthRules.ApplyHistory(off, new[] { Run("failed", 1) });
            Assert.Equal(SyncHealthRules.Failed, SyncHealthRules.Judge(off, Cutoff));

            var errors = Health();
            errors.Errors = 12;
            SyncHealthRules.ApplyHistory(errors, new[] { Run("completed", 1) });
            Assert.Null(SyncHealthRules.Judge(errors, Cutoff));
        }

        [Fact]
        public void Order_puts_failed_first_then_stale_then_the_rest_by_failures_kind_and_name()
        {
            PolytomicSyncHealth H(string name, string? problem, int fails = 0, string kind = SyncHealthRules.Sync) =>
                new PolytomicSyncHealth { Name = name, Problem = problem, ConsecutiveFailures = fails, Kind = kind, Id = name };
            var ordered = SyncHealthRules.Order(new[]
            {
                H("b ok", null), H("a ok", null), H("stale", SyncHealthRules.Stale), H("failed once", SyncHealthRules.Failed, 1),
                H("failed often", SyncHealthRules.Failed, 5), H("bulk ok", null, 0, SyncHealthRules.BulkSync),
            }).Select(x => x.Name).ToArray();
            Assert.Equal(new[] { "failed often", "failed once", "stale", "bulk ok", "a ok", "b ok" }, ordered);
        }
    }
}
