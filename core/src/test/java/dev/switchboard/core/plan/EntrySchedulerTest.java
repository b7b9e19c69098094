package dev.switchboard.core.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class EntrySchedulerTest {

    /** Records listener calls as strings, in call order. */
    static final class EventLog implements ProgressListener<String, Integer> {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger concurrentCalls = new AtomicInteger();
        volatile int maxConcurrentCalls;

        @Override
        public void started(int index, String entry, Progress p) {
            record("start " + entry, p);
        }

        @Override
        public void finished(EntryOutcome<String, Integer> outcome, Progress p) {
            record((outcome instanceof EntryOutcome.Succeeded ? "ok " : "fail ") + outcome.entry(), p);
        }

        @Override
        public void stopRequested(String reason, Progress p) {
            record("stop " + reason, p);
        }

        private void record(String event, Progress p) {
            maxConcurrentCalls = Math.max(maxConcurrentCalls, concurrentCalls.incrementAndGet());
            events.add(event);
            progress.add(p);
            concurrentCalls.decrementAndGet();
        }
    }

    private static List<String> entries(int count) {
        return IntStream.range(0, count).mapToObj(i -> "e" + i).toList();
    }

    @Test
    void runsEveryEntryAndReturnsResultsInInputOrder() {
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(3);
        RunResult<String, Integer> result = scheduler.run(entries(20), entry -> Integer.parseInt(entry.substring(1)) * 10);
        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.stopReason()).isEmpty();
        assertThat(result.outcomes()).extracting(EntryOutcome::index).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        assertThat(result.succeeded()).extracting(EntryOutcome.Succeeded::value)
                .containsExactlyElementsOf(IntStream.range(0, 20).map(i -> i * 10).boxed().toList());
        assertThat(scheduler.progress()).isEqualTo(new Progress(20, 20, 20, 0));
    }

    @Test
    void neverRunsMoreThanConcurrencyEntriesAtOnceAndReachesIt() throws Exception {
        int concurrency = 4;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch firstWaveStarted = new CountDownLatch(concurrency);
        CountDownLatch gate = new CountDownLatch(1);
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(concurrency);
        RunResult<String, Integer> result = scheduler.run(entries(30), entry -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            firstWaveStarted.countDown();
            if (firstWaveStarted.getCount() == 0) {
                gate.countDown();
            }
            assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
            running.decrementAndGet();
            return 1;
        });
        assertThat(result.allSucceeded()).isTrue();
        assertThat(maxRunning.get()).isEqualTo(concurrency);
    }

    @Test
    void aStartedEntryFinishesBeforeItsWorkerTakesAnother() throws Exception {
        EventLog log = new EventLog();
        Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
        entries(4).forEach(e -> release.put(e, new CountDownLatch(1)));
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(2, log, failure -> false);
        Thread runner = new Thread(() -> scheduler.run(entries(4), entry -> {
            assertThat(release.get(entry).await(10, TimeUnit.SECONDS)).isTrue();
            return 0;
        }));
        runner.start();
        release.get("e1").countDown();
        release.get("e2").countDown();
        release.get("e0").countDown();
        release.get("e3").countDown();
        runner.join();
        // Two workers: e2 can only start once e0 or e1 has finished, e3 once another has.
        List<String> events = List.copyOf(log.events);
        assertThat(events.indexOf("start e2")).isGreaterThan(Math.min(events.indexOf("ok e0"), events.indexOf("ok e1")));
        assertThat(events.stream().filter(e -> e.startsWith("start")).toList())
                .containsExactly("start e0", "start e1", "start e2", "start e3");
        for (int i = 0; i < events.size(); i++) {
            Progress p = log.progress.get(i);
            assertThat(p.running()).isBetween(0, 2);
        }
    }

    @Test
    void startsFollowListOrderAndListenerCallsNeverOverlap() {
        EventLog log = new EventLog();
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(6, log, failure -> false);
        RunResult<String, Integer> result = scheduler.run(entries(200), entry -> entry.length());
        assertThat(result.allSucceeded()).isTrue();
        assertThat(log.events.stream().filter(e -> e.startsWith("start")).toList())
                .containsExactlyElementsOf(entries(200).stream().map(e -> "start " + e).toList());
        assertThat(log.maxConcurrentCalls).isEqualTo(1);
        List<Progress> seen = List.copyOf(log.progress);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).started()).isGreaterThanOrEqualTo(seen.get(i - 1).started());
            assertThat(seen.get(i).finished()).isGreaterThanOrEqualTo(seen.get(i - 1).finished());
        }
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new Progress(200, 200, 200, 0));
    }

    @Test
    void failuresAreReportedAndOthersContinueByDefault() {
        EventLog log = new EventLog();
        IllegalStateException boom = new IllegalStateException("boom");
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(2, log, failure -> false);
        RunResult<String, Integer> result = scheduler.run(entries(5), entry -> {
            if (entry.equals("e2")) {
                throw boom;
            }
            return 1;
        });
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.entry()).isEqualTo("e2");
            assertThat(f.index()).isEqualTo(2);
            assertThat(f.error()).isSameAs(boom);
        });
        assertThat(result.succeeded()).hasSize(4);
        assertThat(result.allSucceeded()).isFalse();
        assertThat(log.events).contains("fail e2");
        assertThat(scheduler.progress()).isEqualTo(new Progress(5, 5, 4, 1));
    }

    @Test
    void aFatalFailureStopsNewEntries() {
        EventLog log = new EventLog();
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(1, log,
                failure -> failure instanceof SecurityException);
        RunResult<String, Integer> result = scheduler.run(entries(6), entry -> {
            if (entry.equals("e2")) {
                throw new SecurityException("401 from provider");
            }
            return 1;
        });
        assertThat(result.succeeded()).extracting(EntryOutcome::entry).containsExactly("e0", "e1");
        assertThat(result.failed()).extracting(EntryOutcome::entry).containsExactly("e2");
        assertThat(result.notStarted()).extracting(EntryOutcome::entry).containsExactly("e3", "e4", "e5");
        assertThat(result.stopReason()).contains("entry 2 failed: SecurityException");
        assertThat(log.events).containsSubsequence("stop entry 2 failed: SecurityException", "fail e2");
        assertThat(log.events).doesNotContain("start e3");
    }

    @Test
    void aStopRequestLetsRunningEntriesFinishAndStartsNoMore() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch gate = new CountDownLatch(1);
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(2);
        List<RunResult<String, Integer>> holder = Collections.synchronizedList(new ArrayList<>());
        Thread runner = new Thread(() -> holder.add(scheduler.run(entries(10), entry -> {
            bothRunning.countDown();
            assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
            return 7;
        })));
        runner.start();
        assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.requestStop("Ctrl-C")).isTrue();
        assertThat(scheduler.requestStop("again")).isFalse();
        assertThat(scheduler.isStopRequested()).isTrue();
        assertThat(scheduler.awaitCompletion(Duration.ofMillis(1))).isFalse();
        gate.countDown();
        assertThat(scheduler.awaitCompletion(Duration.ofSeconds(10))).isTrue();
        runner.join();
        RunResult<String, Integer> result = holder.get(0);
        assertThat(result.succeeded()).extracting(EntryOutcome::entry).containsExactly("e0", "e1");
        assertThat(result.notStarted()).hasSize(8);
        assertThat(result.stopReason()).contains("Ctrl-C");
    }

    @Test
    void interruptingTheCallerStopsTheRunButWaitsForRunningEntries() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        EntryScheduler<String, Integer> scheduler = new EntryScheduler<>(1);
        List<Object> holder = Collections.synchronizedList(new ArrayList<>());
        Thread runner = new Thread(() -> {
            holder.add(scheduler.run(entries(3), entry -> {
                running.countDown();
                assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
                return 1;
            }));
            holder.add(Thread.currentThread().isInterrupted());
        });
        runner.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        while (!scheduler.isStopRequested()) {
            Thread.onSpinWait();
        }
        gate.countDown();
        runner.join();
        @SuppressWarnings("unchecked")
        RunResult<String, Integer> result = (RunResult<String, Integer>) holder.get(0);
        assertThat(result.succeeded()).extracting(EntryOutcome::entry).containsExactly("e0");
        assertThat(result.notStarted()).hasSize(2);
        assertThat(result.stopReason()).contains("interrupted");
        assertThat(holder.get(1)).isEqualTo(true);
    }

    @Test
    void aThrowingListenerStopsTheRunWithoutLosingOutcomes() {
        ProgressListener<String, Integer> broken = new ProgressListener<>() {
            @Override
            public void finished(EntryOutcome<String, Integer> outcome, Progress progress) {
                throw new IllegalStateException("terminal gone");
            }
        };
        RunResult<String, Integer> result = new EntryScheduler<>(1, broken, f -> false).run(entries(3), e -> 1);
        assertThat(result.succeeded()).hasSize(1);
        assertThat(result.notStarted()).hasSize(2);
        assertThat(result.stopReason()).contains("progress listener failed: IllegalStateException");
    }

    @Test
    void errorsAlwaysStopAndAreReported() {
        AssertionError error = new AssertionError("bug");
        RunResult<String, Integer> result = new EntryScheduler<String, Integer>(1).run(entries(3), entry -> {
            throw error;
        });
        assertThat(result.failed()).singleElement().extracting(EntryOutcome.Failed::error).isSameAs(error);
        assertThat(result.notStarted()).hasSize(2);
    }

    @Test
    void edgeCases() {
        assertThat(new EntryScheduler<String, Integer>(4).run(List.of(), e -> 1).outcomes()).isEmpty();
        assertThatThrownBy(() -> new EntryScheduler<String, Integer>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency must be at least 1, got 0");
        EntryScheduler<String, Integer> once = new EntryScheduler<>(1);
        once.run(List.of("a"), e -> 1);
        assertThatThrownBy(() -> once.run(List.of("a"), e -> 1)).isInstanceOf(IllegalStateException.class);
        EntryScheduler<String, Integer> stoppedEarly = new EntryScheduler<>(2);
        stoppedEarly.requestStop("before start");
        RunResult<String, Integer> result = stoppedEarly.run(entries(3), e -> 1);
        assertThat(result.notStarted()).hasSize(3);
        assertThat(result.stopReason()).contains("before start");
        assertThatThrownBy(() -> new Progress(3, 4, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Progress(10, 6, 3, 1)).satisfies(p -> {
            assertThat(p.finished()).isEqualTo(4);
            assertThat(p.running()).isEqualTo(2);
            assertThat(p.waiting()).isEqualTo(4);
        });
    }

    /** Random failure patterns and concurrency: every entry gets exactly the outcome its work produced. */
    @ParameterizedTest
    @ValueSource(longs = {5L, 1001L, 31337L})
    void randomRunsReportExactlyWhatTheWorkDid(long seed) {
        System.out.println("EntrySchedulerTest.randomRuns seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            int count = random.nextInt(60);
            int concurrency = 1 + random.nextInt(8);
            boolean[] fails = new boolean[count];
            for (int i = 0; i < count; i++) {
                fails[i] = random.nextInt(4) == 0;
            }
            List<String> input = entries(count);
            AtomicInteger calls = new AtomicInteger();
            RunResult<String, Integer> result = new EntryScheduler<String, Integer>(concurrency).run(input, entry -> {
                calls.incrementAndGet();
                int index = Integer.parseInt(entry.substring(1));
                if (fails[index]) {
                    throw new IllegalStateException("fail " + index);
                }
                return index;
            });
            assertThat(calls.get()).isEqualTo(count);
            for (int i = 0; i < count; i++) {
                EntryOutcome<String, Integer> outcome = result.outcomes().get(i);
                assertThat(outcome.index()).isEqualTo(i);
                if (fails[i]) {
                    assertThat(outcome).isInstanceOf(EntryOutcome.Failed.class);
                    assertThat(((EntryOutcome.Failed<String, Integer>) outcome).error()).hasMessage("fail " + i);
                } else {
                    assertThat(outcome).isEqualTo(new EntryOutcome.Succeeded<>(i, "e" + i, i));
                }
            }
        }
    }
}
