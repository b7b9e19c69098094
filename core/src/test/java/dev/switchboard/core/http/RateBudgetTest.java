package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RateBudgetTest {
    private static final RateLimits DAILY = RateLimits.of(
            new RateLimits.Window(20, Duration.ofSeconds(1)), new RateLimits.Window(100, Duration.ofSeconds(5)));

    private final FakeTime time = new FakeTime();

    @Test
    void hundredRequestsNeverExceedEitherWindow() throws InterruptedException {
        RateBudget budget = new RateBudget(DAILY, time, time);
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            budget.acquire();
            grants.add(time.nanos());
        }
        assertWindowsHold(grants);
        long start = grants.get(0);
        // 20 per second for 5 seconds fills the 5-second window; the 101st waits for it to slide.
        assertThat(grants.get(19) - start).isZero();
        assertThat(grants.get(20) - start).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(grants.get(99) - start).isEqualTo(Duration.ofSeconds(4).toNanos());
        assertThat(grants.get(100) - start).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void fiveSecondWindowBindsWhenRequestsAreSpreadOut() throws InterruptedException {
        RateBudget budget = new RateBudget(
                RateLimits.of(new RateLimits.Window(20, Duration.ofSeconds(1)), new RateLimits.Window(30, Duration.ofSeconds(5))),
                time, time);
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            budget.acquire();
            grants.add(time.nanos());
        }
        assertThat(grants.get(30) - grants.get(0)).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void sixteenThreadsShareTheBudgetWithoutBreakingAWindow() throws Exception {
        // Each thread's last clock reading inside acquire() is its grant time; reading the clock after
        // acquire() returns could see time another thread has already advanced.
        ThreadLocal<Long> lastRead = new ThreadLocal<>();
        Ticker recording = () -> {
            long now = time.nanos();
            lastRead.set(now);
            return now;
        };
        RateBudget budget = new RateBudget(DAILY, recording, time);
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                    budget.acquire();
                    grants.add(lastRead.get());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        assertThat(grants).hasSize(400);
        List<Long> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        assertWindowsHold(sorted);
        // Nothing wasted: 20 grants in each second, so the 400th comes 19 s after the first.
        assertThat(sorted.get(399) - sorted.get(0)).isEqualTo(Duration.ofSeconds(19).toNanos());
    }

    @Test
    void pauseHoldsBackEveryCallerUntilItEnds() throws InterruptedException {
        RateBudget budget = new RateBudget(DAILY, time, time);
        budget.acquire();
        long before = time.nanos();
        budget.pause(Duration.ofSeconds(3));
        budget.pause(Duration.ofSeconds(1));
        assertThat(budget.remainingPause()).isEqualTo(Duration.ofSeconds(3));
        budget.acquire();
        assertThat(time.nanos() - before).isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(budget.remainingPause()).isZero();
    }

    @Test
    void unlimitedBudgetNeverWaits() throws InterruptedException {
        RateBudget budget = new RateBudget(RateLimits.unlimited(), time, time);
        for (int i = 0; i < 1000; i++) {
            budget.acquire();
        }
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void capTightensEveryWindow() {
        RateLimits capped = DAILY.cappedAt(5);
        assertThat(capped.windows()).containsExactly(
                new RateLimits.Window(5, Duration.ofSeconds(1)), new RateLimits.Window(25, Duration.ofSeconds(5)));
        assertThat(DAILY.cappedAt(50)).isEqualTo(DAILY);
        assertThat(RateLimits.unlimited().cappedAt(7).windows())
                .containsExactly(new RateLimits.Window(7, Duration.ofSeconds(1)));
    }

    @Test
    void registrySharesOneBudgetPerNamespaceAndKey() {
        RateBudgetRegistry registry = new RateBudgetRegistry(time, time);
        Secret key = Secret.of("key-one");
        RateBudget first = registry.budgetFor("daily", key.fingerprint(), DAILY);
        assertThat(registry.budgetFor("daily", Secret.of("key-one").fingerprint(), RateLimits.unlimited())).isSameAs(first);
        assertThat(registry.budgetFor("daily", Secret.of("key-two").fingerprint(), DAILY)).isNotSameAs(first);
        assertThat(registry.budgetFor("signalwire", key.fingerprint(), DAILY)).isNotSameAs(first);
    }

    /** Checks every half-open 1 s and 5 s interval starting at a grant. */
    private static void assertWindowsHold(List<Long> sortedGrants) {
        for (int i = 0; i < sortedGrants.size(); i++) {
            long from = sortedGrants.get(i);
            long inOne = sortedGrants.stream().filter(t -> t >= from && t < from + 1_000_000_000L).count();
            long inFive = sortedGrants.stream().filter(t -> t >= from && t < from + 5_000_000_000L).count();
            assertThat(inOne).as("grants in the 1 s window from grant %d", i).isLessThanOrEqualTo(20);
            assertThat(inFive).as("grants in the 5 s window from grant %d", i).isLessThanOrEqualTo(100);
        }
    }
}
