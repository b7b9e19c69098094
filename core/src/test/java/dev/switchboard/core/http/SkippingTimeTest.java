package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SkippingTimeTest {
    @Test
    void sleepingMovesTheTimeInsteadOfWaiting() throws InterruptedException {
        SkippingTime time = new SkippingTime();
        long before = time.nanos();
        time.sleep(Duration.ofHours(1));
        assertThat(time.nanos() - before).isGreaterThanOrEqualTo(Duration.ofHours(1).toNanos());
        assertThat(time.skipped()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void aRateBudgetOnItGrantsAFullWindowsWorthWithoutWaiting() throws InterruptedException {
        SkippingTime time = new SkippingTime();
        RateBudget budget = new RateBudget(RateLimits.of(new RateLimits.Window(2, Duration.ofSeconds(10))), time, time);
        long before = time.nanos();
        for (int i = 0; i < 6; i++) {
            budget.acquire().close();
        }
        assertThat(Duration.ofNanos(time.nanos() - before)).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(time.skipped()).isGreaterThanOrEqualTo(Duration.ofSeconds(19));
    }
}
