using Polytomic.Http;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>The rate pacer on a hand-moved clock: it follows the server's wait and recovers once the 429s stop.</summary>
    public sealed class RatePacerTests
    {
        private long now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        private void Advance(double ms) => now += TimeSpan.FromMilliseconds(ms).Ticks;

        [Fact]
        public void Without_a_429_nothing_waits()
        {
            var pacer = new RatePacer(() => now);
            for (int i = 0; i < 100; i++) { pacer.OnSuccess(); Assert.Equal(TimeSpan.Zero, pacer.Reserve()); }
        }

        [Fact]
        public void A_first_whole_second_429_delays_only_its_own_call_and_the_burst_goes_on()
        {
            var pacer = new RatePacer(() => now);
            pacer.OnRateLimited(TimeSpan.FromSeconds(1));
            Advance(5);
            pacer.OnRateLimited(TimeSpan.FromSeconds(1));
            // The 429'd calls wait in the retry policy; the rest of the burst is not held behind them.
            for (int i = 0; i < 60; i++) Assert.Equal(TimeSpan.Zero, pacer.Reserve());
            Assert.True(pacer.Pacing);
        }

        [Fact]
        public void A_429_after_the_first_wait_has_passed_holds_every_call_for_the_servers_wait_and_no_longer()
        {
            var pacer = new RatePacer(() => now);
            pacer.OnRateLimited(TimeSpan.FromSeconds(1));
            Advance(1100);
            // The limit has not lifted: every call now waits out the server's wait.
            pacer.OnRateLimited(TimeSpan.FromSeconds(1));
            // Nothing succeeded before: no rate was observed, so after the wait the calls go at once.
            for (int i = 0; i < 60; i++) Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve());
            Advance(1000);
            Assert.Equal(TimeSpan.Zero, pacer.Reserve());
        }

        [Fact]
        public void Repeated_429s_do_not_slow_the_pace_beyond_what_the_server_says()
        {
            var pacer = new RatePacer(() => now);
            // 60 429s over 1.8 s: the later ones come after the first wait has passed, in the paced phase.
            for (int i = 0; i < 60; i++) { pacer.OnRateLimited(TimeSpan.FromSeconds(1)); Advance(30); }
            Assert.True(pacer.Pacing);
            Assert.True(pacer.Interval <= TimeSpan.FromSeconds(1), $"interval {pacer.Interval}");
            Advance(1000);
            var waits = Enumerable.Range(0, 10).Select(_ => pacer.Reserve()).ToList();
            Assert.All(waits, w => Assert.True(w <= TimeSpan.FromSeconds(1), $"waited {w}"));
        }

        [Fact]
        public void While_429s_come_calls_are_spaced_at_the_rate_the_server_allowed()
        {
            var pacer = new RatePacer(() => now);
            // 200 successes over one second: the server allows about one call every 5 ms.
            for (int i = 0; i < 200; i++) { pacer.OnSuccess(); Advance(5); }
            pacer.OnRateLimited(TimeSpan.FromMilliseconds(5));
            // A sub-second wait is the time to the next token: calls are spaced by it (and a small margin).
            Assert.InRange(pacer.Interval.TotalMilliseconds, 5, 5.5);
            // Still 429 once the server's wait has passed: the calls are spaced at the rate the server allowed.
            Advance(5);
            pacer.OnRateLimited(TimeSpan.FromMilliseconds(5));
            var interval = pacer.Interval.TotalMilliseconds;
            Assert.InRange(interval, 4, 6);
            var first = pacer.Reserve();
            var second = pacer.Reserve();
            Assert.InRange((second - first).TotalMilliseconds, 4, 6);
        }

        [Fact]
        public void A_short_wait_late_in_a_spell_does_not_speed_the_calls_past_the_refill_rate()
        {
            var pacer = new RatePacer(() => now);
            // A bucket refilling every 6 ms: right after a token goes the wait is ~6 ms, just before the next it is ~1 ms.
            pacer.OnRateLimited(TimeSpan.FromMilliseconds(6));
            Advance(3);
            pacer.OnRateLimited(TimeSpan.FromMilliseconds(1));
            Assert.InRange(pacer.Interval.TotalMilliseconds, 6, 6.5);
            // A new spell, after a quiet second, measures afresh.
            Advance(10 + RatePacer.QuietWindow.TotalMilliseconds);
            pacer.OnRateLimited(TimeSpan.FromMilliseconds(2));
            Assert.InRange(pacer.Interval.TotalMilliseconds, 2, 2.5);
        }

        [Fact]
        public void Soon_after_the_429s_stop_the_pace_is_full_speed_again()
        {
            var pacer = new RatePacer(() => now);
            for (int i = 0; i < 100; i++) { pacer.OnSuccess(); Advance(10); }
            pacer.OnRateLimited(TimeSpan.FromMilliseconds(100));
            Assert.True(pacer.Pacing);
            Advance(100 + RatePacer.QuietWindow.TotalMilliseconds);
            Assert.False(pacer.Pacing);
            Assert.Equal(TimeSpan.Zero, pacer.Reserve());
        }
    }
}
