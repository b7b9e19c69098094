package dev.switchboard.core.http;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateBudgetTest {
    private static final RateLimits DAILY = RateLimits.of(
            new RateLimits.Window(20, Duration.ofSeconds(1)), new RateLimits.Window(100, Duration.ofSeconds(5)));
    private static final long MS = 1_000_000L;

    private final FakeTime time = new FakeTime();

    @Test
    void grantsFillEveryWindowWithHalfAWindowAtOnceAndTheRestEvenlySpaced() throws InterruptedException {
        RateBudget budget = new RateBudget(DAILY, time, time);
        List<Long> grants = new ArrayList<>();
        long start = time.nanos();
        for (int i = 0; i < 101; i++) {
            try (RateBudget.Permit permit = budget.acquire()) {
                grants.add(time.nanos() - start);
            }
        }
        assertWindowsHold(grants);
        // Half of the 1 s window at once, then one grant every 50 ms (20 per second)...
        assertThat(grants.subList(0, 10)).containsOnly(0L);
        assertThat(grants.get(10)).isEqualTo(50 * MS);
        assertThat(grants.get(19)).isEqualTo(500 * MS);
        // ...until the 1 s window is full: the 21st waits for the burst to leave it; then the next burst goes.
        assertThat(grants.subList(20, 30)).containsOnly(1000 * MS);
        assertThat(grants.get(30)).isEqualTo(1050 * MS);
        // The 5 s window is used to its limit too: 100 grants in the first 4.5 s, the 101st at 5 s.
        assertThat(grants.get(99)).isEqualTo(4500 * MS);
        assertThat(grants.get(100)).isEqualTo(5000 * MS);
        assertThat(budget.sustainedRate()).isEqualTo(20.0);
    }

    @Test
    void aRequestCountsUntilAWindowAfterItsAnswerCameBack() throws InterruptedException {
        RateBudget budget = new RateBudget(RateLimits.of(new RateLimits.Window(2, Duration.ofSeconds(1))), time, time);
        long start = time.nanos();
        RateBudget.Permit first = budget.acquire();
        RateBudget.Permit second = budget.acquire();
        // One every 500 ms.
        assertThat(time.nanos() - start).isEqualTo(500 * MS);
        time.advance(Duration.ofMillis(100));
        second.close();
        time.advance(Duration.ofMillis(300));
        first.close();
        // Closed at 600 ms and 900 ms: by departures a third request could go at 1000 ms, but the first
        // may have reached the server as late as 900 ms, so only at 1600 ms is a window of 1 s sure to hold.
        budget.acquire().close();
        assertThat(time.nanos() - start).isEqualTo(1600 * MS);
        assertThat(budget.typicalLatency()).isPresent();
    }

    @Test
    void theMostUrgentWaiterGetsTheNextPermit() throws Exception {
        RateBudget budget = new RateBudget(RateLimits.of(new RateLimits.Window(1, Duration.ofSeconds(1))), time, time);
        RateBudget.Permit held = budget.acquire();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<RateBudget.Permit> low = pool.submit(() -> take(budget, RequestPriority.LOW, "low", order));
            await().atMost(10, TimeUnit.SECONDS).until(() -> budget.waiters() == 1);
            Future<RateBudget.Permit> normal = pool.submit(() -> take(budget, RequestPriority.NORMAL, "normal", order));
            await().atMost(10, TimeUnit.SECONDS).until(() -> budget.waiters() == 2);
            Future<RateBudget.Permit> high = pool.submit(() -> take(budget, RequestPriority.HIGH, "high", order));
            await().atMost(10, TimeUnit.SECONDS).until(() -> budget.waiters() == 3);

            // One permit in flight fills the window: each close lets exactly one waiter through.
            held.close();
            high.get(10, TimeUnit.SECONDS).close();
            normal.get(10, TimeUnit.SECONDS).close();
            low.get(10, TimeUnit.SECONDS).close();
        } finally {
            pool.shutdownNow();
        }
        assertThat(order).containsExactly("high", "normal", "low");
    }

    @Test
    void thePriorityOfTheCallingThreadIsUsedAndRestored() {
        assertThat(RequestPriority.current()).isEqualTo(RequestPriority.NORMAL);
        try (RequestPriority.Scope outer = RequestPriority.LOW.enter()) {
            try (RequestPriority.Scope inner = RequestPriority.HIGH.enter()) {
                assertThat(RequestPriority.current()).isEqualTo(RequestPriority.HIGH);
            }
            assertThat(RequestPriority.current()).isEqualTo(RequestPriority.LOW);
        }
        assertThat(RequestPriority.current()).isEqualTo(RequestPriority.NORMAL);
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
                    RateBudget.Permit permit = budget.acquire();
                    grants.add(lastRead.get());
                    permit.close();
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
        // 20 in every second: the 400th goes half a second into the 20th second, never earlier.
        assertThat(sorted.get(399) - sorted.get(0)).isGreaterThanOrEqualTo(19_500 * MS);
    }

    @Test
    void a429PausesEveryCallerAndSlowsThePaceUntilItRecovers() throws InterruptedException {
        RateBudget budget = new RateBudget(DAILY, time, time);
        for (int i = 0; i < 5; i++) {
            budget.acquire().close();
        }
        long before = time.nanos();
        budget.rateLimited(Duration.ofSeconds(2));
        assertThat(budget.remainingPause()).isEqualTo(Duration.ofSeconds(2));
        assertThat(budget.pace()).isEqualTo(0.8);
        budget.acquire().close();
        assertThat(time.nanos() - before).isEqualTo(2000 * MS);
        long afterPause = time.nanos();
        budget.acquire().close();
        // 80% of 20 per second: 62.5 ms apart (the 2 s it waited gave back 4% of the pace).
        assertThat(time.nanos() - afterPause).isCloseTo((long) (50 * MS / 0.84), Offset.offset(1_000L));
        budget.rateLimited(Duration.ZERO);
        assertThat(budget.pace()).isCloseTo(0.84 * 0.8, Offset.offset(0.01));
        time.advance(Duration.ofSeconds(20));
        assertThat(budget.pace()).isEqualTo(1.0);
    }

    @Test
    void pauseHoldsBackEveryCallerUntilItEnds() throws InterruptedException {
        RateBudget budget = new RateBudget(DAILY, time, time);
        budget.acquire().close();
        long before = time.nanos();
        budget.pause(Duration.ofSeconds(3));
        budget.pause(Duration.ofSeconds(1));
        assertThat(budget.remainingPause()).isEqualTo(Duration.ofSeconds(3));
        budget.acquire().close();
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
        assertThat(budget.sustainedRate()).isInfinite();
    }

    @Test
    void capTightensEveryWindow() {
        RateLimits capped = DAILY.cappedAt(5);
        assertThat(capped.windows()).containsExactly(
                new RateLimits.Window(5, Duration.ofSeconds(1)), new RateLimits.Window(25, Duration.ofSeconds(5)));
        assertThat(DAILY.cappedAt(50)).isEqualTo(DAILY);
        assertThat(RateLimits.unlimited().cappedAt(7).windows())
                .containsExactly(new RateLimits.Window(7, Duration.ofSeconds(1)));
        assertThat(new RateBudget(DAILY.cappedAt(16), time, time).sustainedRate()).isEqualTo(16.0);
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

    private static RateBudget.Permit take(RateBudget budget, RequestPriority priority, String name, List<String> order)
            throws InterruptedException {
        try (RequestPriority.Scope scope = priority.enter()) {
            RateBudget.Permit permit = budget.acquire();
            order.add(name);
            return permit;
        }
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
