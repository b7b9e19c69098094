package dev.switchboard.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(RateLimits.dailyDefaults(), nanos::get);

    private void advanceMillis(long millis) {
        nanos.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void twentyPerSecondThenWaitsForTheOldestToLeaveTheWindow() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("k", RateLimits.DEFAULT_CLASS)).isEmpty();
        }
        assertThat(limiter.tryAcquire("k", RateLimits.DEFAULT_CLASS)).contains(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("other", RateLimits.DEFAULT_CLASS)).isEmpty();
        advanceMillis(1000);
        assertThat(limiter.tryAcquire("k", RateLimits.DEFAULT_CLASS)).isEmpty();
    }

    @Test
    void everyWindowOfTheClassMustHaveRoom() {
        RateLimiter twoWindows = new RateLimiter(new RateLimits(true, false, Map.of(RateLimits.DEFAULT_CLASS,
                List.of(new RateLimits.Window(5, Duration.ofSeconds(1)), new RateLimits.Window(8, Duration.ofSeconds(5))))),
                nanos::get);
        assertThat(admitted(twoWindows, 10)).isEqualTo(5);
        advanceMillis(1000);
        assertThat(admitted(twoWindows, 10)).isEqualTo(3);
        advanceMillis(1000);
        assertThat(twoWindows.tryAcquire("k", RateLimits.DEFAULT_CLASS)).contains(Duration.ofSeconds(3));
        advanceMillis(3000);
        assertThat(admitted(twoWindows, 10)).isEqualTo(5);
    }

    private static int admitted(RateLimiter limiter, int attempts) {
        int admitted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire("k", RateLimits.DEFAULT_CLASS).isEmpty()) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void rejectedRequestsAreNotCountedAndClassesAreSeparate() {
        RateLimiter tight = new RateLimiter(new RateLimits(true, false, Map.of(
                RateLimits.DEFAULT_CLASS, List.of(new RateLimits.Window(2, Duration.ofSeconds(1))),
                RateLimits.DIAL_OUT_CLASS, List.of(new RateLimits.Window(1, Duration.ofSeconds(1))))), nanos::get);
        assertThat(tight.tryAcquire("k", RateLimits.DIAL_OUT_CLASS)).isEmpty();
        assertThat(tight.tryAcquire("k", RateLimits.DIAL_OUT_CLASS)).isPresent();
        assertThat(tight.tryAcquire("k", RateLimits.DEFAULT_CLASS)).isEmpty();
        advanceMillis(500);
        for (int i = 0; i < 10; i++) {
            tight.tryAcquire("k", RateLimits.DIAL_OUT_CLASS);
        }
        advanceMillis(500);
        assertThat(tight.tryAcquire("k", RateLimits.DIAL_OUT_CLASS)).isEmpty();
    }

    @Test
    void disabledLimitsAdmitEverything() {
        RateLimiter off = new RateLimiter(RateLimits.disabled(), nanos::get);
        for (int i = 0; i < 500; i++) {
            assertThat(off.tryAcquire("k", RateLimits.DEFAULT_CLASS)).isEmpty();
        }
    }
}
