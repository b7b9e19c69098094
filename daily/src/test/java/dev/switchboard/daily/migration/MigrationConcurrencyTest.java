package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.migration.StepListener.Boundary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent apply: entries in flight at once, each one's steps in order, at the priority its progress
 * calls for. Synchronised with latches, never with timing.
 */
class MigrationConcurrencyTest {
    private static final int WORKERS = 4;

    @TempDir
    Path dir;

    private final MigrationFixture fixture = MigrationFixture.start();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void entriesRunConcurrentlyEachInStepOrderAtThePriorityOfItsProgress() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        TransferPlan plan = fixture.planEverything();
        CountDownLatch firstWorkersStarted = new CountDownLatch(WORKERS);
        Set<String> sawAllWorkersInFlight = ConcurrentHashMap.newKeySet();
        Map<String, List<String>> doneOrder = new ConcurrentHashMap<>();
        Map<String, Map<String, RequestPriority>> priorities = new ConcurrentHashMap<>();
        StepListener listener = (entry, step, boundary) -> {
            if (boundary == Boundary.AFTER_BEGIN) {
                priorities.computeIfAbsent(entry, e -> new ConcurrentHashMap<>()).putIfAbsent(step, RequestPriority.current());
            }
            if (boundary == Boundary.BEFORE_BEGIN && doneOrder.get(entry) == null
                    && firstWorkersStarted.getCount() > 0 && sawAllWorkersInFlight.size() < WORKERS) {
                // The first entries each hold their worker here until all of them have arrived: only possible
                // when that many entries are in flight at once.
                firstWorkersStarted.countDown();
                try {
                    if (firstWorkersStarted.await(30, TimeUnit.SECONDS)) {
                        sawAllWorkersInFlight.add(entry);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (boundary == Boundary.AFTER_DONE) {
                doneOrder.computeIfAbsent(entry, e -> new ArrayList<>()).add(step);
            }
        };

        RunReport report;
        try (MigrationEngine engine = fixture.engine(plan, dir,
                fixture.options(dir).withConcurrency(WORKERS).withStepListener(listener))) {
            assertThat(engine.concurrency()).isEqualTo(WORKERS);
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }

        assertThat(report.allIn(EntryStatus.MIGRATED)).as(report.toString()).isTrue();
        assertThat(sawAllWorkersInFlight).hasSize(WORKERS);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        for (PlanEntry entry : plan.entryList()) {
            List<String> expected = EntrySteps.forward(entry).stream().map(Step::name).toList();
            assertThat(doneOrder.getOrDefault(entry.key(), List.of())).as(entry.key()).containsExactlyElementsOf(expected);
            Map<String, RequestPriority> seen = priorities.get(entry.key());
            // an entry joining a legacy rewrite batch starts ahead of the others, so the batch forms in one window
            RequestPriority first = expected.contains(Step.REMOVE_LEGACY_ENTRIES) ? RequestPriority.NORMAL
                    : RequestPriority.LOW;
            assertThat(seen.get(expected.get(0))).as(entry.key() + " first step").isEqualTo(first);
            for (Step step : EntrySteps.forward(entry).subList(1, expected.size())) {
                assertThat(seen.get(step.name())).as(entry.key() + " " + step.name())
                        .isEqualTo(step.changesState() ? RequestPriority.HIGH : RequestPriority.NORMAL);
            }
        }
    }

    @Test
    void automaticConcurrencyFollowsRateAndLatency() throws Exception {
        // The fixture's budgets are unlimited: nothing to pace, so as many workers as allowed.
        try (MigrationEngine engine = fixture.engine(fixture.planEverything(), dir,
                fixture.options(dir).withConcurrency(MigrationOptions.AUTO_CONCURRENCY))) {
            assertThat(engine.concurrency()).isEqualTo(ApplyConcurrency.MAX);
        }
        // Locally (a few ms per request) the minimum keeps a key busy; against Daily (~150 ms) 16 per second
        // needs 3 requests × 160 ms × 16 = 7.68 entries in flight.
        assertThat(ApplyConcurrency.suggest(20, Duration.ofMillis(3))).isEqualTo(ApplyConcurrency.MIN);
        assertThat(ApplyConcurrency.suggest(16, Duration.ofMillis(150))).isEqualTo(8);
        assertThat(ApplyConcurrency.suggest(20, Duration.ofSeconds(2))).isEqualTo(ApplyConcurrency.MAX);
    }

    @Test
    void theSuccessFileIsRewrittenAtMostOnceASecondAndTheFailureFileAtOnce() throws Exception {
        AtomicLong nanos = new AtomicLong();
        Path success = dir.resolve("transfer_success.json");
        Path failure = dir.resolve("transfer_failures.json");
        OutcomeLog log = new OutcomeLog(success, failure, nanos::get);
        TransferPlan plan = fixture.planEverything();
        List<PlanEntry> entries = plan.entryList();

        log.record(result(entries.get(0), EntryStatus.MIGRATED));
        assertThat(success).doesNotExist();
        nanos.addAndGet(OutcomeLog.SUCCESS_INTERVAL.toNanos());
        log.record(result(entries.get(1), EntryStatus.MIGRATED));
        assertThat(rows(success)).hasSize(2);
        log.record(result(entries.get(2), EntryStatus.MIGRATED));
        assertThat(rows(success)).hasSize(2);
        // A later run finds the first entry unresolved after all: it moves to the failure file at once.
        log.record(result(entries.get(0), EntryStatus.UNRESOLVED));
        assertThat(rows(failure)).singleElement().satisfies(row -> {
            assertThat(row.path("key").asText()).isEqualTo(entries.get(0).key());
            assertThat(row.path("config_data").path("hmac").isTextual()).isTrue();
        });
        log.flush();
        assertThat(rows(success)).extracting(row -> row.path("key").asText())
                .containsExactly(entries.get(1).key(), entries.get(2).key());
    }

    private static EntryResult result(PlanEntry entry, EntryStatus status) {
        return new EntryResult(entry, status, null, null, "new-id", null, null, null, false,
                Instant.parse("2026-01-10T09:00:00Z"));
    }

    private static JsonNode rows(Path file) throws Exception {
        return Json.mapper().readTree(Files.readString(file));
    }
}
